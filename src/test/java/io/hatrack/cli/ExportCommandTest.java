package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.unique;
import static io.hatrack.testing.Fixtures.user;
import static io.hatrack.testing.Fixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.story.ReferenceGherkin;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hatrack export gherkin KEY}: the acceptance criteria as a .feature file. */
@OnEveryDatabase
class ExportCommandTest {
  private static final String CRITERIA =
      "Scenario: Save a card\n  Given a shopper\n  When they pay\n  Then the card is saved";

  private final Dialect dialect;

  @TempDir Path dir;

  ExportCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    List<String> all = new ArrayList<>(List.of("export", "gherkin"));
    all.addAll(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  /** A feature with one story that has criteria, in a product with a key of its own. */
  private record Fixture(User owner, Workspace workspace, WorkItem feature, WorkItem story) {}

  private static Fixture fixture(TestApp app, String key) {
    User owner = user(app, "olga");
    Workspace ws = workspace(app, owner);
    Product product = product(app, owner, ws, key);
    var items = app.app().definition().workItems();
    WorkItem feature =
        items.create(owner, product.slug(), NewWorkItem.of("feature", "Saved cards"));
    WorkItem story =
        items.create(
            owner,
            product.slug(),
            NewWorkItem.of("story", "Save a card").withParent(Long.toString(feature.id())));
    app.app().definition().stories().saveAcceptance(owner, Long.toString(story.id()), 1, CRITERIA);
    return new Fixture(owner, ws, feature, story);
  }

  @Test
  void printsTheFeatureFileOfAFeatureToStandardOutput(TestApp app) {
    Fixture f = fixture(app, "E" + unique());

    CommandLineRun run = run(app, f.feature().key());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("# Acceptance criteria exported from Hatrack.\n@" + f.feature().key());
    assertThat(ReferenceGherkin.parse(run.out()).scenarios())
        .containsExactly(
            "Save a card [@"
                + f.feature().key()
                + ", @"
                + f.story().key()
                + "]: a shopper; they pay; the card is saved");
  }

  @Test
  void writesToAFileWithOut(TestApp app) throws Exception {
    Fixture f = fixture(app, "E" + unique());
    Path out = dir.resolve("cards.feature");

    CommandLineRun run = run(app, f.story().key(), "--out", out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsExactly("Wrote " + f.story().key() + ".feature to " + out + ".");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(ReferenceGherkin.parse(text).feature().getName()).isEqualTo("Save a card");
  }

  @Test
  void anUnknownKeyExitsWithTwoAndOneLine(TestApp app) {
    String key = "E" + unique();
    fixture(app, key);

    CommandLineRun unknown = run(app, key + "-404");
    CommandLineRun malformed = run(app, "not-a-key!");

    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.errLines()).containsExactly("hatrack: no work item " + key + "-404");
    assertThat(unknown.out()).isEmpty();
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.errLines())
        .containsExactly("hatrack: must be a key such as CHK-42, or an id");
  }

  @Test
  void aKeyInTwoWorkspacesNeedsTheWorkspace(TestApp app) {
    String key = "E" + unique();
    Fixture first = fixture(app, key);
    fixture(app, key);

    CommandLineRun ambiguous = run(app, first.feature().key());
    CommandLineRun named = run(app, first.feature().key(), "--workspace", first.workspace().slug());

    assertThat(ambiguous.exit()).isEqualTo(2);
    assertThat(ambiguous.errLines())
        .singleElement()
        .asString()
        .contains("exists in several workspaces")
        .endsWith("name one with --workspace");
    assertThat(named.exit()).as(named.err()).isZero();
    assertThat(named.out()).contains("Feature: Saved cards");
  }

  @Test
  void aBugHasNoFeatureFileAndSaysWhy(TestApp app) {
    Fixture f = fixture(app, "E" + unique());
    WorkItem bug =
        app.app()
            .definition()
            .workItems()
            .create(
                f.owner(),
                Long.toString(f.feature().item().productId()),
                NewWorkItem.of("bug", "Broken"));

    CommandLineRun run = run(app, bug.key());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: item: " + bug.key() + " is a bug");
  }

  @Test
  void withoutADatabaseItSaysSo() {
    CommandLineRun run =
        CommandLineRun.of("export", "gherkin", "CHK-1", "--data", dir.resolve("empty").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("hatrack: no Hatrack database in");
  }
}
