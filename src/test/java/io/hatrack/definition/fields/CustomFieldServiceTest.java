package io.hatrack.definition.fields;

import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class CustomFieldServiceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CustomFieldService fields(TestApp app) {
    return app.app().definition().fields();
  }

  private static String chk(Team team) {
    return team.product().slug();
  }

  private static CustomField add(TestApp app, Team team, FieldInput input) {
    return fields(app).create(team.owner(), chk(team), input);
  }

  private static WorkItem item(TestApp app, Team team, String type, String title, Double estimate) {
    return app.app()
        .definition()
        .workItems()
        .create(
            team.owner(),
            chk(team),
            new NewWorkItem(
                type, title, null, null, null, estimate, null, null, null, null, null, null,
                List.of()));
  }

  /** A JSON object as the values map {@code setValues} takes. */
  private static Map<String, JsonNode> json(String object) {
    try {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      JSON.readTree(object.replace('\'', '"'))
          .properties()
          .forEach(e -> values.put(e.getKey(), e.getValue()));
      return values;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void set(TestApp app, User actor, Team team, WorkItem item, String object) {
    app.database()
        .txVoid(
            h -> {
              ProductAccess product = app.products().access(h, actor, chk(team));
              fields(app).setValues(h, actor, product, item.id(), item.type().id(), json(object));
            });
  }

  private static Map<String, FieldValue> values(TestApp app, WorkItem item) {
    return app.database().read(h -> fields(app).values(h, List.of(item.id())).get(item.id()));
  }

  private static Map<String, String> shown(TestApp app, WorkItem item) {
    Map<String, String> shown = new LinkedHashMap<>();
    values(app, item).forEach((k, v) -> shown.put(k, v.display()));
    return shown;
  }

  private static Invalid refusal(Runnable change) {
    try {
      change.run();
    } catch (Invalid e) {
      return e;
    }
    throw new AssertionError("the change was accepted");
  }

  /** A product with the demo's fields: risk, customer_value, confidence, value_score, ready. */
  private static Team scored(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Risk", "select").withOptions("Low", "Medium", "High"));
    add(app, team, FieldInput.of("Customer value", "number"));
    add(app, team, FieldInput.of("Confidence", "number"));
    add(
        app,
        team,
        FieldInput.of("Value score", "formula")
            .withFormula("round(customer_value * confidence / max(estimate, 1), 1)"));
    add(app, team, FieldInput.of("Design ready", "checkbox").withItemTypes("feature", "story"));
    return team;
  }

  // ---- Definitions ----------------------------------------------------------------------------

  @Test
  void anAdminAddsFieldsInOrderAndEveryMemberReadsThem(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");

    CustomField risk =
        add(
            app,
            team,
            FieldInput.of("  Risk ", "select")
                .withOptions(" Low", "", "Medium ", "High")
                .withItemTypes("story", "feature", "story"));
    CustomField value = add(app, team, FieldInput.of("Customer value", "Number"));

    assertThat(risk.key()).isEqualTo("risk");
    assertThat(risk.name()).isEqualTo("Risk");
    assertThat(risk.options()).containsExactly("Low", "Medium", "High");
    assertThat(risk.itemTypesText()).isEqualTo("feature,story");
    assertThat(risk.version()).isEqualTo(1);
    assertThat(value.key()).isEqualTo("customer_value");
    assertThat(value.type()).isEqualTo(FieldType.NUMBER);
    assertThat(value.options()).isEmpty();
    assertThat(fields(app).fields(viewer, chk(team)))
        .extracting(CustomField::key)
        .containsExactly("risk", "customer_value");
    assertThat(fields(app).field(viewer, chk(team), "customer_value").field()).isEqualTo(value);
    assertThat(fields(app).field(viewer, chk(team), Long.toString(risk.id())).field())
        .isEqualTo(risk);
    assertThatThrownBy(() -> fields(app).field(viewer, chk(team), "nope"))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void onlyAdminsChangeFieldsAndOutsidersDoNotSeeThem(TestApp app) {
    Team team = team(app);
    User editor = team.member(app, Role.EDITOR, "ed");
    User outsider = user(app, "mallory");
    long before = app.count("custom_field");

    assertThatThrownBy(() -> fields(app).create(editor, chk(team), FieldInput.of("Risk", "text")))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("admin role");
    assertThatThrownBy(() -> fields(app).fields(outsider, chk(team))).isInstanceOf(NotFound.class);
    assertThat(app.count("custom_field")).isEqualTo(before);
  }

  @Test
  void aKeyMadeFromTheNameStepsAroundTakenAndReservedKeys(TestApp app) {
    Team team = team(app);

    assertThat(add(app, team, FieldInput.of("Risk", "text")).key()).isEqualTo("risk");
    assertThat(add(app, team, FieldInput.of("Risk!", "text")).key()).isEqualTo("risk_2");
    assertThat(add(app, team, FieldInput.of("Status", "text")).key()).isEqualTo("status_field");
    assertThat(add(app, team, FieldInput.of("2nd opinion", "text")).key())
        .isEqualTo("f_2nd_opinion");
    assertThat(refusal(() -> add(app, team, FieldInput.of("\u2713 \u2713", "text"))).errors())
        .containsExactly(new FieldError("key", "cannot be made from this name; give one"));
    assertThat(refusal(() -> add(app, team, FieldInput.of(" ", "text"))).errors())
        .containsExactly(new FieldError("name", "must not be blank"));
    assertThat(add(app, team, FieldInput.of("Über-Größe", "text")).key()).isEqualTo("ber_gr_e");
  }

  @Test
  void aBadDefinitionIsRefusedWithEveryReasonAndNothingIsSaved(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Risk", "text"));
    long before = app.count("custom_field");

    Invalid all =
        refusal(
            () ->
                add(
                    app,
                    team,
                    new FieldInput(
                        "Bad Key", " ", "colour", null, null, List.of("feature", "widget"), null)));
    Invalid select = refusal(() -> add(app, team, FieldInput.of("Level", "select")));
    Invalid taken = refusal(() -> add(app, team, FieldInput.of("RISK", "number").withKey("risk")));
    Invalid reserved =
        refusal(() -> add(app, team, FieldInput.of("Points", "number").withKey("estimate")));
    Invalid options =
        refusal(
            () ->
                add(app, team, FieldInput.of("Level", "select").withOptions("a|b", "Low", "low")));

    assertThat(all.errors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("key", "name", "type", "item_types");
    assertThat(all.reasonFor("type")).startsWith("must be one of text, number, select");
    assertThat(all.reasonFor("item_types")).startsWith("'widget' must be one of objective");
    assertThat(select.reasonFor("options"))
        .isEqualTo("a select field needs at least one option, one a line");
    assertThat(taken.reasonFor("key")).isEqualTo("is already the key of another field");
    assertThat(taken.reasonFor("name")).isEqualTo("is already the name of another field");
    assertThat(reserved.reasonFor("key")).contains("is a word of the formula or query language");
    assertThat(options.reasonFor("options")).isEqualTo("an option cannot contain '|'");
    assertThat(app.count("custom_field")).isEqualTo(before);
  }

  @Test
  void aFormulaUsingItselfAMissingFieldOrATextFieldIsRefusedAndNothingIsSaved(TestApp app) {
    Team team = scored(app);
    long before = app.count("custom_field");

    Invalid self =
        refusal(() -> add(app, team, FieldInput.of("Loop", "formula").withFormula("loop + 1")));
    Invalid missing =
        refusal(
            () -> add(app, team, FieldInput.of("Sum", "formula").withFormula("reach * impact")));
    Invalid text =
        refusal(() -> add(app, team, FieldInput.of("Twice", "formula").withFormula("risk * 2")));
    Invalid syntax =
        refusal(() -> add(app, team, FieldInput.of("Bad", "formula").withFormula("1 +")));
    Invalid blank = refusal(() -> add(app, team, FieldInput.of("Blank", "formula")));

    assertThat(self.reasonFor("formula")).startsWith("refers to itself (loop)");
    assertThat(missing.reasonFor("formula"))
        .startsWith("refers to 'reach', which is not a field of this product");
    assertThat(text.reasonFor("formula")).startsWith("refers to 'risk', a select field");
    assertThat(syntax.reasonFor("formula"))
        .isEqualTo(
            "at column 4: expected a number, a field or '(' but found the end of the formula");
    assertThat(blank.reasonFor("formula")).isEqualTo("must not be blank for a formula field");
    assertThat(app.count("custom_field")).isEqualTo(before);
  }

  @Test
  void aLoopThroughTwoFormulasIsRefusedWhenTheSecondIsChanged(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Base", "number"));
    CustomField a = add(app, team, FieldInput.of("A", "formula").withFormula("base + 1"));
    CustomField b = add(app, team, FieldInput.of("B", "formula").withFormula("a * 2"));

    Invalid loop =
        refusal(
            () ->
                fields(app)
                    .update(
                        team.owner(),
                        chk(team),
                        "a",
                        a.version(),
                        FieldInput.keep().withFormula("b - 1")));

    assertThat(loop.errors())
        .containsExactly(new FieldError("formula", "makes a loop of formulas: a uses b, b uses a"));
    assertThat(fields(app).field(team.owner(), chk(team), "a").field()).isEqualTo(a);
    assertThat(fields(app).field(team.owner(), chk(team), "b").field()).isEqualTo(b);
  }

  @Test
  void aFieldThatAFormulaUsesKeepsItsKeyAndTypeAndCannotBeDeleted(TestApp app) {
    Team team = scored(app);
    CustomField confidence = fields(app).field(team.owner(), chk(team), "confidence").field();
    CustomFieldService f = fields(app);

    Invalid rename =
        refusal(
            () ->
                f.update(
                    team.owner(),
                    chk(team),
                    "confidence",
                    1,
                    FieldInput.keep().withKey("certainty")));
    Invalid retype =
        refusal(
            () ->
                f.update(
                    team.owner(), chk(team), "confidence", 1, FieldInput.keep().withType("text")));
    Invalid delete = refusal(() -> f.delete(team.owner(), chk(team), "confidence", 1));

    assertThat(rename.reasonFor("key"))
        .isEqualTo(
            "cannot change: the formula of \u201cValue score\u201d uses confidence;"
                + " change that formula first");
    assertThat(retype.reasonFor("type")).startsWith("must stay a number, checkbox or formula");
    assertThat(delete.reasonFor("field"))
        .contains("the formula of \u201cValue score\u201d uses it");
    assertThat(f.field(team.owner(), chk(team), "confidence").field()).isEqualTo(confidence);

    CustomField renamed =
        f.update(team.owner(), chk(team), "risk", 1, FieldInput.keep().withKey("risk_level"));
    assertThat(renamed.key()).isEqualTo("risk_level");
    assertThat(renamed.version()).isEqualTo(2);
  }

  @Test
  void aStaleVersionIsAConflictForUpdatesAndDeletes(TestApp app) {
    Team team = team(app);
    CustomField risk = add(app, team, FieldInput.of("Risk", "text"));
    fields(app).update(team.owner(), chk(team), "risk", 1, FieldInput.keep().withName("Danger"));

    assertThatThrownBy(
            () ->
                fields(app)
                    .update(
                        team.owner(), chk(team), "risk", 1, FieldInput.keep().withName("Peril")))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThatThrownBy(() -> fields(app).delete(team.owner(), chk(team), "risk", 1))
        .isInstanceOf(Conflict.class);
    assertThat(fields(app).field(team.owner(), chk(team), Long.toString(risk.id())).field().name())
        .isEqualTo("Danger");
  }

  // ---- Values ---------------------------------------------------------------------------------

  @Test
  void everyTypeOfValueIsStoredAndReadBackAsTextAndJson(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    add(app, team, FieldInput.of("Notes", "text"));
    add(app, team, FieldInput.of("Reach", "number"));
    add(app, team, FieldInput.of("Risk", "select").withOptions("Low", "High"));
    add(app, team, FieldInput.of("Channels", "multi_select").withOptions("Web", "iOS", "Android"));
    add(app, team, FieldInput.of("Target", "date"));
    add(app, team, FieldInput.of("Reviewer", "person"));
    add(app, team, FieldInput.of("Spec", "url"));
    add(app, team, FieldInput.of("Ready", "checkbox"));
    WorkItem feature = item(app, team, "feature", "Saved cards", null);

    set(
        app,
        ben,
        team,
        feature,
        "{'notes': ' Ask legal ', 'reach': 12500.5, 'risk': 'high',"
            + " 'channels': ['Android', 'Web', 'web'], 'target': '2026-03-31',"
            + " 'reviewer': '@"
            + ben.handle()
            + "', 'spec': 'https://example.com/spec?x=1',"
            + " 'ready': true}");

    Map<String, FieldValue> v = values(app, feature);
    assertThat(shown(app, feature))
        .containsExactly(
            Map.entry("notes", "Ask legal"),
            Map.entry("reach", "12,500.5"),
            Map.entry("risk", "High"),
            Map.entry("channels", "Web, Android"),
            Map.entry("target", "2026-03-31"),
            Map.entry("reviewer", "Ben"),
            Map.entry("spec", "https://example.com/spec?x=1"),
            Map.entry("ready", "Yes"));
    assertThat(v.get("reach").json().doubleValue()).isEqualTo(12500.5);
    assertThat(v.get("risk").json().textValue()).isEqualTo("High");
    assertThat(v.get("channels").json().toString()).isEqualTo("[\"Web\",\"Android\"]");
    assertThat(v.get("reviewer").json().path("id").asLong()).isEqualTo(ben.id());
    assertThat(v.get("reviewer").json().path("handle").asText()).isEqualTo(ben.handle());
    assertThat(v.get("ready").json().booleanValue()).isTrue();
    assertThat(v.get("target").json().textValue()).isEqualTo("2026-03-31");

    set(app, ben, team, feature, "{'reviewer': '" + ben.handle() + "', 'ready': false}");
    assertThat(values(app, feature).get("ready").display()).isEqualTo("No");
    assertThat(values(app, feature).get("reviewer").person().id()).isEqualTo(ben.id());
  }

  @Test
  void nullOrEmptyClearsAValue(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Notes", "text"));
    add(app, team, FieldInput.of("Reach", "number"));
    add(app, team, FieldInput.of("Channels", "multi_select").withOptions("Web", "iOS"));
    WorkItem story = item(app, team, "story", "Pay", null);
    set(app, team.owner(), team, story, "{'notes': 'x', 'reach': 3, 'channels': ['iOS']}");

    set(app, team.owner(), team, story, "{'notes': '  ', 'reach': null, 'channels': []}");

    assertThat(values(app, story)).isEmpty();
  }

  @Test
  void wrongValuesAreRefusedTogetherAndNothingIsWritten(TestApp app) {
    Team team = scored(app);
    User outsider = user(app, "mallory");
    add(app, team, FieldInput.of("Target", "date"));
    add(app, team, FieldInput.of("Spec", "url"));
    add(app, team, FieldInput.of("Reviewer", "person"));
    add(app, team, FieldInput.of("Channels", "multi_select").withOptions("Web", "iOS"));
    WorkItem bug = item(app, team, "bug", "Crash", null);
    set(app, team.owner(), team, bug, "{'confidence': 4}");
    Map<String, String> before = shown(app, bug);

    Invalid e =
        refusal(
            () ->
                set(
                    app,
                    team.owner(),
                    team,
                    bug,
                    "{'colour': 'red', 'design_ready': true, 'confidence': 'high',"
                        + " 'risk': 'Extreme', 'target': '31/03/2026', 'spec': 'ftp://x.org',"
                        + " 'reviewer': '@"
                        + outsider.handle()
                        + "', 'channels': 'Web', 'value_score': 3}"));

    assertThat(e.errors())
        .containsExactlyInAnyOrder(
            new FieldError("fields.colour", "is not a field of this product"),
            new FieldError(
                "fields.design_ready", "does not apply to bugs (only to features, stories)"),
            new FieldError("fields.confidence", "must be a number"),
            new FieldError("fields.risk", "must be one of Low, Medium, High, not 'Extreme'"),
            new FieldError("fields.target", "must be a date as yyyy-mm-dd, e.g. 2026-03-31"),
            new FieldError(
                "fields.spec",
                "must be an absolute http or https address, e.g. https://example.com/spec"),
            new FieldError(
                "fields.reviewer",
                "must be a member of this workspace; there is no @" + outsider.handle()),
            new FieldError("fields.channels", "must be a list of options, e.g. [\"Web\"]"),
            new FieldError("fields.value_score", "is computed from its formula and cannot be set"));
    assertThat(shown(app, bug)).isEqualTo(before);
    assertThat(
            refusal(() -> set(app, team.owner(), team, bug, "{'target': '2026-02-30'}"))
                .reasonFor("fields.target"))
        .startsWith("must be a date");
  }

  @Test
  void formulasAreComputedWhenTheirInputsOrTheEstimateChange(TestApp app) {
    Team team = scored(app);
    WorkItem feature = item(app, team, "feature", "One-click saved cards", 5.0);

    set(app, team.owner(), team, feature, "{'customer_value': 9}");
    FieldValue waiting = values(app, feature).get("value_score");
    set(app, team.owner(), team, feature, "{'confidence': 8}");
    FieldValue scored = values(app, feature).get("value_score");

    assertThat(waiting.isEmpty()).isTrue();
    assertThat(waiting.emptyReason()).isEqualTo("Confidence has no value");
    assertThat(waiting.json().isNull()).isTrue();
    assertThat(scored.number()).isEqualTo(14.4);
    assertThat(scored.json().doubleValue()).isEqualTo(14.4);

    WorkItem unestimated =
        app.app()
            .definition()
            .workItems()
            .update(
                team.owner(),
                feature.key(),
                feature.version(),
                WorkItemChanges.none().withEstimate(null));
    app.database()
        .txVoid(
            h ->
                fields(app)
                    .recompute(h, team.product().id(), feature.id(), unestimated.estimate()));
    assertThat(values(app, feature).get("value_score").emptyReason())
        .isEqualTo("the item has no estimate");

    app.database().txVoid(h -> fields(app).recompute(h, team.product().id(), feature.id(), 3.0));
    assertThat(values(app, feature).get("value_score").number()).isEqualTo(24.0);
    app.database().txVoid(h -> fields(app).recompute(h, team.product().id(), feature.id(), 0.5));
    assertThat(values(app, feature).get("value_score").number()).isEqualTo(72.0);
  }

  @Test
  void anItemCreatedWithoutValuesGetsItsFormulasWhenTheValuesAreSet(TestApp app) {
    Team team = scored(app);
    WorkItem epic = item(app, team, "epic", "Saved payment methods", 2.0);

    set(app, team.owner(), team, epic, "{}");

    assertThat(values(app, epic)).containsOnlyKeys("value_score");
    assertThat(values(app, epic).get("value_score").emptyReason())
        .isEqualTo("Customer value has no value");
  }

  @Test
  void changingAFormulaRecomputesEveryItemOfTheProduct(TestApp app) {
    Team team = scored(app);
    WorkItem a = item(app, team, "feature", "A", 1.0);
    WorkItem b = item(app, team, "epic", "B", 4.0);
    set(app, team.owner(), team, a, "{'customer_value': 2, 'confidence': 3}");
    set(app, team.owner(), team, b, "{'customer_value': 10, 'confidence': 2}");
    assertThat(values(app, b).get("value_score").number()).isEqualTo(5.0);

    fields(app)
        .update(
            team.owner(),
            chk(team),
            "value_score",
            1,
            FieldInput.keep().withFormula("customer_value + confidence + estimate"));
    CustomField doubled =
        add(app, team, FieldInput.of("Doubled", "formula").withFormula("value_score * 2"));

    assertThat(values(app, a).get("value_score").number()).isEqualTo(6.0);
    assertThat(values(app, b).get("value_score").number()).isEqualTo(16.0);
    assertThat(values(app, b).get(doubled.key()).number()).isEqualTo(32.0);

    fields(app).update(team.owner(), chk(team), "doubled", 1, FieldInput.keep().withType("number"));
    assertThat(values(app, b)).doesNotContainKey("doubled");
  }

  @Test
  void anOptionInUseCannotBeRemovedNorTheTypeOfAFieldWithValuesChanged(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Risk", "select").withOptions("Low", "High"));
    add(app, team, FieldInput.of("Channels", "multi_select").withOptions("Web", "iOS"));
    WorkItem story = item(app, team, "story", "S", null);
    set(app, team.owner(), team, story, "{'risk': 'High', 'channels': ['iOS']}");
    CustomFieldService f = fields(app);

    Invalid option =
        refusal(
            () ->
                f.update(
                    team.owner(),
                    chk(team),
                    "risk",
                    1,
                    FieldInput.keep().withOptions("Low", "Mid")));
    Invalid multi =
        refusal(
            () ->
                f.update(
                    team.owner(), chk(team), "channels", 1, FieldInput.keep().withOptions("Web")));
    Invalid type =
        refusal(
            () -> f.update(team.owner(), chk(team), "risk", 1, FieldInput.keep().withType("text")));

    assertThat(option.reasonFor("options"))
        .isEqualTo("'High' is chosen on 1 item(s); change those first, or keep the option");
    assertThat(multi.reasonFor("options")).startsWith("'iOS' is chosen on 1 item(s)");
    assertThat(type.reasonFor("type")).startsWith("cannot change from select while 1 item(s)");

    CustomField reordered =
        f.update(
            team.owner(),
            chk(team),
            "risk",
            1,
            FieldInput.keep().withOptions("High", "Medium", "Low"));
    assertThat(reordered.options()).containsExactly("High", "Medium", "Low");
  }

  @Test
  void valuesOfAFieldThatNoLongerAppliesAreHiddenButKept(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Reach", "number"));
    WorkItem bug = item(app, team, "bug", "Crash", null);
    set(app, team.owner(), team, bug, "{'reach': 40}");

    fields(app)
        .update(team.owner(), chk(team), "reach", 1, FieldInput.keep().withItemTypes("feature"));
    Map<String, FieldValue> narrowed = values(app, bug);
    fields(app).update(team.owner(), chk(team), "reach", 2, FieldInput.keep().withItemTypes());

    assertThat(narrowed).isEmpty();
    assertThat(values(app, bug).get("reach").number()).isEqualTo(40.0);
  }

  @Test
  void deletingAFieldRemovesItsValuesAndSaysHowMany(TestApp app) {
    Team team = team(app);
    add(app, team, FieldInput.of("Reach", "number"));
    WorkItem a = item(app, team, "story", "A", null);
    WorkItem b = item(app, team, "story", "B", null);
    set(app, team.owner(), team, a, "{'reach': 1}");
    set(app, team.owner(), team, b, "{'reach': 2}");
    assertThat(fields(app).usage(team.owner(), chk(team)).get(0).values()).isEqualTo(2);

    long removed = fields(app).delete(team.owner(), chk(team), "reach", 1);

    assertThat(removed).isEqualTo(2);
    assertThat(values(app, a)).isEmpty();
    assertThat(fields(app).fields(team.owner(), chk(team))).isEmpty();
  }

  @Test
  void aBatchReadAnswersForEveryItemAskedFor(TestApp app) {
    Team team = scored(app);
    WorkItem a = item(app, team, "feature", "A", 2.0);
    WorkItem b = item(app, team, "task", "B", null);
    set(app, team.owner(), team, a, "{'risk': 'Low', 'customer_value': 4, 'confidence': 1}");

    Map<Long, Map<String, FieldValue>> read =
        app.database().read(h -> fields(app).values(h, List.of(a.id(), b.id(), Long.MAX_VALUE)));

    assertThat(read).containsOnlyKeys(a.id(), b.id(), Long.MAX_VALUE);
    assertThat(read.get(a.id()).keySet())
        .containsExactly("risk", "customer_value", "confidence", "value_score");
    assertThat(read.get(a.id()).get("value_score").display()).isEqualTo("2");
    assertThat(read.get(b.id())).isEmpty();
  }

  private static List<String> activity(TestApp app, WorkItem item) {
    return app.database()
        .read(
            h ->
                h.createQuery("SELECT summary FROM activity WHERE entity_id = :id ORDER BY id")
                    .bind("id", item.id())
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void changingValuesIsRecordedOnTheItemsActivity(TestApp app) {
    Team team = scored(app);
    WorkItem feature = item(app, team, "feature", "Audited", null);
    int before = activity(app, feature).size();

    set(app, team.owner(), team, feature, "{'risk': 'High', 'customer_value': 7}");
    set(app, team.owner(), team, feature, "{'risk': 'High'}");

    List<String> after = activity(app, feature);
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(after.size() - 1))
        .isEqualTo("set Risk to High, Customer value to 7 on " + feature.item().label());
  }

  @Test
  void onlyEditorsSetValues(TestApp app) {
    Team team = scored(app);
    User viewer = team.member(app, Role.VIEWER, "vic");
    WorkItem feature = item(app, team, "feature", "F", null);

    assertThatThrownBy(() -> set(app, viewer, team, feature, "{'risk': 'Low'}"))
        .isInstanceOf(Forbidden.class);
    assertThat(values(app, feature)).doesNotContainKey("risk");
  }
}
