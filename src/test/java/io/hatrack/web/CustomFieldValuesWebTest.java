package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom field values in the browser, on SQLite and PostgreSQL: the new-item and edit forms show an
 * input per field of the item's type and save through the same service path as the API, all or
 * nothing; the item page edits one value in place.
 */
@OnEveryDatabase
class CustomFieldValuesWebTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TestApp app;
  private User ana;
  private Workspace ws;
  private Browser browser;
  private WorkItemService items;

  /** The real server on an empty database of this run's dialect, with Ana signed in. */
  @BeforeEach
  void start(@Fresh TestApp fresh) {
    app = fresh;
    app.app().start();
    ana = app.accounts().create(Fixtures.email("ana"), "Ana", Fixtures.PASSWORD);
    ws = Fixtures.workspace(app, ana);
    browser = new Browser("http://127.0.0.1:" + app.app().port());
    browser.signIn(ana.email(), Fixtures.PASSWORD);
    items = app.app().definition().workItems();
  }

  /** A product with a field of every type; "Persona" applies to stories only. */
  private Product product() {
    Product p = Fixtures.product(app, ana, ws);
    CustomFieldService fields = app.app().definition().fields();
    fields.create(ana, p.slug(), FieldInput.of("Notes", "text"));
    fields.create(ana, p.slug(), FieldInput.of("Reach", "number"));
    fields.create(
        ana, p.slug(), FieldInput.of("Risk", "select").withOptions("Low", "Medium", "High"));
    fields.create(
        ana,
        p.slug(),
        FieldInput.of("Channels", "multi_select").withOptions("Web", "iOS", "Android"));
    fields.create(ana, p.slug(), FieldInput.of("Due", "date"));
    fields.create(ana, p.slug(), FieldInput.of("Reviewer", "person"));
    fields.create(ana, p.slug(), FieldInput.of("Spec", "url"));
    fields.create(ana, p.slug(), FieldInput.of("Design ready", "checkbox"));
    fields.create(ana, p.slug(), FieldInput.of("Score", "formula").withFormula("reach * 2"));
    fields.create(ana, p.slug(), FieldInput.of("Persona", "text").withItemTypes("story"));
    return p;
  }

  /** A feature with notes, reach 3 (so score 6), risk Low, two channels and the box ticked. */
  private WorkItem feature(Product p) {
    return items.create(
        ana,
        p.slug(),
        NewWorkItem.of("feature", "Saved cards"),
        Map.of(
            "notes", JSON.textNode("Shoppers re-type cards"),
            "reach", JSON.numberNode(3),
            "risk", JSON.textNode("Low"),
            "channels", JSON.arrayNode().add("Web").add("iOS"),
            "due", JSON.textNode("2026-03-31"),
            "design_ready", JSON.booleanNode(true)));
  }

  private String base(Product p) {
    return "/w/" + ws.slug() + "/" + p.slug() + "/definition";
  }

  private String page(Product p, WorkItem item) {
    return base(p) + "/items/" + item.key();
  }

  /** The item's custom field values as the API shows them, by key. */
  private JsonNode values(String key) {
    long id = items.get(ana, key).item().id();
    ObjectNode json = JSON.objectNode();
    app.database()
        .read(h -> app.app().definition().fields().values(h, List.of(id)))
        .get(id)
        .forEach((k, v) -> json.set(k, v.json()));
    return json;
  }

  private WorkItem reload(WorkItem item) {
    return items.get(ana, item.key()).item();
  }

  @Test
  void theNewItemFormShowsAnInputForEveryFieldOfTheChosenTypeAndTheFormulaReadOnly() {
    Product p = product();

    String feature = browser.get(base(p) + "/items/new?type=feature").body();
    String story = browser.get(base(p) + "/items/new?type=story").body();

    assertThat(feature)
        .contains("<legend>Feature fields</legend>")
        .contains("name=\"fields.notes\" type=\"text\"")
        .contains("name=\"fields.reach\" type=\"text\" inputmode=\"decimal\"")
        .contains("<option value=\"\">Not set</option>")
        .contains("<option value=\"Medium\">Medium</option>")
        .contains("name=\"fields.channels\" value=\"Android\"")
        .contains("name=\"fields.due\" type=\"date\"")
        .contains("<option value=\"" + ana.handle() + "\">Ana (@" + ana.handle() + ")</option>")
        .contains("name=\"fields.spec\" type=\"url\"")
        .contains("type=\"checkbox\" id=\"f-cf-design_ready\" name=\"fields.design_ready\"")
        .contains("<output id=\"f-cf-score\" class=\"cf-computed\">")
        .contains("Computed from <code>reach * 2</code>; it cannot be edited.")
        .doesNotContain("name=\"fields.score\"")
        .doesNotContain("value=\"score\"")
        .doesNotContain("fields.persona")
        .contains("name=\"tags\"");
    assertThat(story).contains("<legend>Story fields</legend>").contains("name=\"fields.persona\"");
  }

  @Test
  void changingTheTypeOnTheFormAnswersTheNewTypesFieldsKeepingWhatWasTyped() {
    Product p = product();
    browser.get(base(p) + "/items/new?type=feature");

    Browser.Page fragment =
        browser.htmxPost(
            base(p) + "/item-fields",
            "type",
            "story",
            "fields.notes",
            "Typed before the switch",
            "fields_shown",
            "notes");

    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body().strip())
        .startsWith("<fieldset class=\"custom-fields\" id=\"custom-fields\"")
        .doesNotContain("<html")
        .contains("<legend>Story fields</legend>")
        .contains("name=\"fields.persona\"")
        .contains("value=\"Typed before the switch\"");
  }

  @Test
  void creatingAnItemThroughTheFormStoresItsCustomFieldValues() {
    Product p = product();
    browser.get(base(p) + "/items/new?type=feature");

    Browser.Page created =
        browser.postEach(
            base(p) + "/items",
            "type",
            "feature",
            "title",
            "One-click saved cards",
            "status",
            "Backlog",
            "fields.notes",
            "Shoppers re-type cards",
            "fields_shown",
            "notes",
            "fields.reach",
            "12,500",
            "fields_shown",
            "reach",
            "fields.risk",
            "Medium",
            "fields_shown",
            "risk",
            "fields.channels",
            "Web",
            "fields.channels",
            "Android",
            "fields_shown",
            "channels",
            "fields.due",
            "2026-03-31",
            "fields_shown",
            "due",
            "fields.reviewer",
            ana.handle(),
            "fields_shown",
            "reviewer",
            "fields.spec",
            "https://example.com/spec",
            "fields_shown",
            "spec",
            "fields.design_ready",
            "true",
            "fields_shown",
            "design_ready");

    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String key = created.location().substring(created.location().lastIndexOf('/') + 1);
    JsonNode fields = values(key);
    assertThat(fields.path("notes").asText()).isEqualTo("Shoppers re-type cards");
    assertThat(fields.path("reach").asLong()).isEqualTo(12_500);
    assertThat(fields.path("risk").asText()).isEqualTo("Medium");
    assertThat(fields.path("channels").toString()).isEqualTo("[\"Web\",\"Android\"]");
    assertThat(fields.path("due").asText()).isEqualTo("2026-03-31");
    assertThat(fields.path("reviewer").path("handle").asText()).isEqualTo(ana.handle());
    assertThat(fields.path("spec").asText()).isEqualTo("https://example.com/spec");
    assertThat(fields.path("design_ready").asBoolean()).isTrue();
    assertThat(fields.path("score").asLong()).isEqualTo(25_000);
    assertThat(browser.open(created.location()).body())
        .contains("<dt>Reach</dt>")
        .contains("12,500")
        .contains("Web, Android");
  }

  @Test
  void aRefusedNewItemIsNotCreatedAndKeepsTheTypedValues() {
    Product p = product();
    browser.get(base(p) + "/items/new?type=feature");

    Browser.Page refused =
        browser.postEach(
            base(p) + "/items",
            "type",
            "feature",
            "title",
            "Never saved",
            "fields.notes",
            "Kept text",
            "fields_shown",
            "notes",
            "fields.reach",
            "lots",
            "fields_shown",
            "reach",
            "fields.channels",
            "iOS",
            "fields_shown",
            "channels");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("<div class=\"error\" id=\"e-cf-reach\">Reach must be a number</div>")
        .contains("value=\"Kept text\"")
        .contains("value=\"lots\"")
        .contains("name=\"fields.channels\" value=\"iOS\" checked");
    assertThat(items.list(ana, p.slug(), null, "", "", null, 10).slice().total()).isZero();
  }

  @Test
  void theEditFormShowsTheItemsValues() {
    Product p = product();
    WorkItem item = feature(p);

    String form = browser.get(page(p, item) + "/edit").body();

    assertThat(form)
        .contains("name=\"fields.notes\" type=\"text\" value=\"Shoppers re-type cards\"")
        .contains("name=\"fields.reach\" type=\"text\" inputmode=\"decimal\" value=\"3\"")
        .contains("<option value=\"Low\" selected>Low</option>")
        .contains("name=\"fields.channels\" value=\"iOS\" checked")
        .contains("name=\"fields.channels\" value=\"Android\">")
        .contains("name=\"fields.due\" type=\"date\" value=\"2026-03-31\"")
        .contains("name=\"fields.design_ready\" value=\"true\" checked")
        .contains("<output id=\"f-cf-score\" class=\"cf-computed\">6</output>");
  }

  @Test
  void editingChangesAndClearsValuesIncludingAnUntickedBoxAndAnEmptyMultiSelect() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");

    Browser.Page saved =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Saved cards",
            "status",
            "Backlog",
            "fields.notes",
            "",
            "fields_shown",
            "notes",
            "fields.reach",
            "7",
            "fields_shown",
            "reach",
            "fields.risk",
            "High",
            "fields_shown",
            "risk",
            "fields_shown",
            "channels",
            "fields_shown",
            "design_ready");

    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    JsonNode fields = values(item.key());
    assertThat(fields.has("notes")).as("cleared").isFalse();
    assertThat(fields.path("reach").asLong()).isEqualTo(7);
    assertThat(fields.path("score").asLong()).isEqualTo(14);
    assertThat(fields.path("risk").asText()).isEqualTo("High");
    assertThat(fields.has("channels")).as("cleared").isFalse();
    assertThat(fields.path("design_ready").isBoolean()).isTrue();
    assertThat(fields.path("design_ready").asBoolean()).isFalse();
    assertThat(fields.path("due").asText()).as("not on this form, so kept").isEqualTo("2026-03-31");
  }

  @Test
  void anInvalidNumberAndAnUnknownOptionAreRefusedNextToTheirInputsAndNothingIsSaved() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");

    Browser.Page refused =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Renamed",
            "status",
            "Backlog",
            "fields.notes",
            "Changed notes",
            "fields_shown",
            "notes",
            "fields.reach",
            "abc",
            "fields_shown",
            "reach",
            "fields.risk",
            "Extreme",
            "fields_shown",
            "risk",
            "fields_shown",
            "design_ready");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("<div class=\"error\" id=\"e-cf-reach\">Reach must be a number</div>")
        .contains("id=\"e-cf-risk\">Risk must be one of Low, Medium, High, not")
        .contains("<div>Reach: must be a number</div>")
        .contains("value=\"abc\"")
        .contains("value=\"Changed notes\"")
        .contains("value=\"Renamed\"");
    WorkItem after = reload(item);
    assertThat(after.title()).isEqualTo("Saved cards");
    assertThat(after.version()).isEqualTo(item.version());
    JsonNode fields = values(item.key());
    assertThat(fields.path("notes").asText()).isEqualTo("Shoppers re-type cards");
    assertThat(fields.path("reach").asLong()).isEqualTo(3);
    assertThat(fields.path("risk").asText()).isEqualTo("Low");
    assertThat(fields.path("design_ready").asBoolean()).isTrue();
  }

  @Test
  void aStaleFormShowsTheConflictKeepsTheTypedValuesAndSavesNone() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");
    items.update(ana, item.key(), item.version(), WorkItemChanges.none().withTitle("Theirs"));

    Browser.Page stale =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Mine",
            "status",
            "Backlog",
            "fields.reach",
            "99",
            "fields_shown",
            "reach");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body()).contains("Someone else saved").contains("value=\"99\"");
    assertThat(values(item.key()).path("reach").asLong()).isEqualTo(3);
    assertThat(reload(item).title()).isEqualTo("Theirs");
  }

  @Test
  void aFormulaCannotBeSetThroughTheFormAndStaysComputed() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");

    Browser.Page saved =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Saved cards",
            "status",
            "Backlog",
            "fields.score",
            "99",
            "fields_shown",
            "score");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(values(item.key()).path("score").asLong()).isEqualTo(6);
  }

  @Test
  void fieldsOfAnotherItemTypeAreNeitherShownNorSaved() {
    Product p = product();
    WorkItem item = feature(p);

    String form = browser.get(page(p, item) + "/edit").body();
    Browser.Page saved =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Saved cards",
            "status",
            "Backlog",
            "fields.persona",
            "Returning shopper",
            "fields_shown",
            "persona");

    assertThat(form).doesNotContain("Persona");
    assertThat(browser.get(page(p, item)).body()).doesNotContain("Persona");
    assertThat(saved.status()).isEqualTo(302);
    assertThat(values(item.key()).has("persona")).isFalse();
  }

  @Test
  void editingAnItemSetsItsTagsFromTheCommaSeparatedInput() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");

    Browser.Page saved =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Saved cards",
            "status",
            "Backlog",
            "tags",
            "Saved-Cards, conversion, , saved-cards");

    assertThat(saved.status()).isEqualTo(302);
    assertThat(app.collaboration().tags().list(ana, item.key()))
        .containsExactly("conversion", "saved-cards");
    assertThat(browser.get(page(p, item) + "/edit").body())
        .contains("name=\"tags\" type=\"text\" value=\"conversion, saved-cards\"");
  }

  @Test
  void creatingAnItemThroughTheFormSavesItsTags() {
    Product p = product();
    browser.get(base(p) + "/items/new?type=story");

    Browser.Page created =
        browser.postEach(
            base(p) + "/items",
            "type",
            "story",
            "title",
            "Tagged from the form",
            "status",
            "Backlog",
            "tags",
            "Mobile, q1-launch");

    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String key = created.location().substring(created.location().lastIndexOf('/') + 1);
    assertThat(app.collaboration().tags().list(ana, key)).containsExactly("mobile", "q1-launch");
  }

  @Test
  void aBadTagRefusesTheWholeFormAndSavesNothing() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item) + "/edit");

    Browser.Page refused =
        browser.postEach(
            page(p, item),
            "version",
            Long.toString(item.version()),
            "type",
            "feature",
            "title",
            "Renamed",
            "status",
            "Backlog",
            "fields.reach",
            "8",
            "fields_shown",
            "reach",
            "tags",
            "fine, #not/a/tag");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("id=\"e-tags\">Tags are 1-40 letters");
    assertThat(reload(item).title()).isEqualTo("Saved cards");
    assertThat(values(item.key()).path("reach").asLong()).isEqualTo(3);
    assertThat(app.collaboration().tags().list(ana, item.key())).isEmpty();
  }

  @Test
  void aQuickEditOnTheItemPageChangesOneValue() {
    Product p = product();
    WorkItem item = feature(p);

    String shown = browser.get(page(p, item)).body();
    Browser.Page saved =
        browser.post(
            page(p, item) + "/fields/reach",
            "version",
            Long.toString(item.version()),
            "fields.reach",
            "42");

    assertThat(shown)
        .contains("<details class=\"cf-quick\">")
        .contains("action=\"" + page(p, item) + "/fields/reach\"")
        .doesNotContain("/fields/score\"");
    assertThat(saved.location()).isEqualTo(page(p, item));
    assertThat(browser.get(page(p, item)).body()).contains("Reach saved.").contains("84");
    JsonNode fields = values(item.key());
    assertThat(fields.path("reach").asLong()).isEqualTo(42);
    assertThat(fields.path("notes").asText()).isEqualTo("Shoppers re-type cards");
  }

  @Test
  void aRefusedQuickEditSaysWhyAndChangesNothing() {
    Product p = product();
    WorkItem item = feature(p);
    browser.get(page(p, item));

    Browser.Page refused =
        browser.post(
            page(p, item) + "/fields/reach",
            "version",
            Long.toString(item.version()),
            "fields.reach",
            "lots");

    assertThat(refused.location()).isEqualTo(page(p, item));
    assertThat(browser.get(page(p, item)).body()).contains("Reach must be a number");
    assertThat(values(item.key()).path("reach").asLong()).isEqualTo(3);
    assertThat(reload(item).version()).isEqualTo(item.version());
  }

  @Test
  void aViewerSeesTheValuesButNoWayToEditThem() {
    Product p = product();
    WorkItem item = feature(p);
    User vic = Fixtures.member(app, ws, ana, Role.VIEWER, "vic");
    Browser viewer = new Browser("http://127.0.0.1:" + app.app().port());
    viewer.signIn(vic.email(), Fixtures.PASSWORD);

    String shown = viewer.get(page(p, item)).body();

    assertThat(shown)
        .contains("<dt>Notes</dt>")
        .contains("Shoppers re-type cards")
        .contains("<dt>Score</dt>")
        .doesNotContain("cf-quick");
  }
}
