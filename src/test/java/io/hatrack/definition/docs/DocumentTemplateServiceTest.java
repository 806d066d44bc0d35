package io.hatrack.definition.docs;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DocumentTemplateServiceTest {
  private static final String BRIEF =
      "**Owner:** {{author}} · {{product}} · {{date}}\n\n## Hypothesis\n*We believe...*\n";

  private static DocumentTemplateService templates(TestApp app) {
    return app.app().definition().documents().templates();
  }

  private static DocumentService documents(TestApp app) {
    return app.app().definition().documents().documents();
  }

  @Test
  void anEditorAddsATemplateListedAfterTheBuiltInOnesAndWritesDocumentsFromIt(TestApp app) {
    Team team = team(app);
    User ed = team.member(app, Role.EDITOR, "ed");
    String slug = team.product().slug();

    DocumentTemplate t =
        templates(app)
            .create(ed, slug, new TemplateInput(" Experiment brief ", "Before we build", BRIEF));
    Document d =
        documents(app).create(ed, slug, NewDocument.of(t.key(), "Test the save-card wording"));

    assertThat(t.key()).isEqualTo("experiment-brief");
    assertThat(t.name()).isEqualTo("Experiment brief");
    assertThat(t.builtIn()).isFalse();
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.outline()).containsExactly("Hypothesis");
    assertThat(templates(app).list(ed, slug))
        .extracting(DocumentTemplate::key)
        .containsExactly("prd", "one-pager", "technical-spec", "rfc", "blank", "experiment-brief");
    assertThat(templates(app).get(ed, slug, Long.toString(t.id()))).isEqualTo(t);
    assertThat(d.body())
        .isEqualTo(
            "**Owner:** Ed · "
                + team.product().name()
                + " · "
                + LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC)
                + "\n\n## Hypothesis\n*We believe...*\n");
    assertThat(d.templateKey()).isEqualTo("experiment-brief");
  }

  @Test
  void templatesOfOneProductAreNotOfferedInAnother(TestApp app) {
    Team team = team(app);
    var other = Fixtures.product(app, team.owner(), team.workspace(), "MOB");
    templates(app).create(team.owner(), team.product().slug(), new TemplateInput("Mine", "", "x"));

    assertThat(templates(app).list(team.owner(), other.slug()))
        .extracting(DocumentTemplate::key)
        .doesNotContain("mine");
    assertThatThrownBy(
            () ->
                documents(app).create(team.owner(), other.slug(), NewDocument.of("mine", "Title")))
        .isInstanceOf(Invalid.class);
  }

  @Test
  void aSecondTemplateWithTheSameNameIsRefusedButKeysNeverClash(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    templates(app).create(team.owner(), slug, new TemplateInput("Brief", "", "a"));

    assertThatThrownBy(
            () -> templates(app).create(team.owner(), slug, new TemplateInput("Brief", "", "b")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("name")).contains("already the name of a template"));
    assertThatThrownBy(
            () ->
                templates(app).create(team.owner(), slug, new TemplateInput("one-pager", "", "b")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("name")).contains("already the name"));
    assertThatThrownBy(
            () -> templates(app).create(team.owner(), slug, new TemplateInput(" ", "", "b")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("name")).isEqualTo("must not be blank"));
    DocumentTemplate prdLike =
        templates(app).create(team.owner(), slug, new TemplateInput("PRD!", "", "c"));
    assertThat(prdLike.key()).isEqualTo("prd-2");
  }

  @Test
  void aTemplateChangesAtItsCurrentVersionOnlyAndDocumentsKeepTheirText(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    DocumentTemplate t =
        templates(app).create(team.owner(), slug, new TemplateInput("Brief", "old", "Old text"));
    Document made = documents(app).create(team.owner(), slug, NewDocument.of("brief", "Doc"));
    app.clock().advance(Duration.ofMinutes(1));

    DocumentTemplate changed =
        templates(app)
            .update(team.owner(), slug, "brief", 1, new TemplateInput(null, "new", "New text"));

    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.name()).isEqualTo("Brief");
    assertThat(changed.description()).isEqualTo("new");
    assertThat(changed.body()).isEqualTo("New text");
    assertThat(changed.key()).isEqualTo(t.key());
    assertThatThrownBy(
            () ->
                templates(app)
                    .update(team.owner(), slug, "brief", 1, new TemplateInput("Stale", null, null)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThat(documents(app).get(team.owner(), made.key()).document().body())
        .isEqualTo("Old text");

    templates(app).delete(team.owner(), slug, "brief", 2);

    assertThatThrownBy(() -> templates(app).get(team.owner(), slug, "brief"))
        .isInstanceOf(NotFound.class);
    assertThat(documents(app).get(team.owner(), made.key()).document().templateName())
        .isEqualTo("Brief");
  }

  @Test
  void builtInTemplatesCannotBeChangedOrDeleted(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();

    assertThatThrownBy(
            () ->
                templates(app)
                    .update(team.owner(), slug, "prd", 1, new TemplateInput("Mine", null, null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("template")).contains("built in"));
    assertThatThrownBy(() -> templates(app).delete(team.owner(), slug, "rfc", 1))
        .isInstanceOf(Invalid.class);
    assertThat(templates(app).get(team.owner(), slug, "prd").name())
        .isEqualTo("Product requirements (PRD)");
  }

  @Test
  void onlyEditorsManageTemplatesAndNothingIsWrittenOtherwise(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    User commenter = team.member(app, Role.COMMENTER, "cam");
    templates(app).create(team.owner(), slug, new TemplateInput("Brief", "", "x"));
    long before = app.count("document_template");

    assertThatThrownBy(
            () -> templates(app).create(commenter, slug, new TemplateInput("Mine", "", "x")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                templates(app)
                    .update(commenter, slug, "brief", 1, new TemplateInput("Mine", null, null)))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> templates(app).delete(commenter, slug, "brief", 1))
        .isInstanceOf(Forbidden.class);

    assertThat(app.count("document_template")).isEqualTo(before);
    assertThat(templates(app).list(commenter, slug)).hasSize(6);
  }
}
