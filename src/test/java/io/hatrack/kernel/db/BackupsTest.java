package io.hatrack.kernel.db;

import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.decisions.DecisionDraft;
import io.hatrack.definition.decisions.DecisionOption;
import io.hatrack.definition.docs.NewDocument;
import io.hatrack.definition.docs.TemplateInput;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.prototypes.PrototypeService;
import io.hatrack.definition.query.SavedViewService;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.surveys.AnswerInput;
import io.hatrack.discovery.surveys.QuestionDraft;
import io.hatrack.discovery.surveys.ResponseInput;
import io.hatrack.discovery.surveys.SurveyDraft;
import io.hatrack.discovery.surveys.SurveyService;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TableDump;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import io.hatrack.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backups taken on one database (the class's dialect) and restored into either kind. */
@OnEveryDatabase
class BackupsTest {
  private static final String AWKWARD_TEXT =
      "Ünïcødé ✓ 🚀 \"double\" 'single' back\\slash\nnew line\ttab \u2028 <b>&amp;</b> %_";

  private final Backups backups = new Backups();
  private final Dialect dialect;

  @TempDir Path dir;

  BackupsTest(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The demo plus a row in every table the demo leaves empty, and some awkward text. */
  private static void fillEveryTable(TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    User ben = app.accounts().byEmail("ben@northwind.example").orElseThrow();
    app.sessions().signIn(ana.email(), DemoStory.PASSWORD, "192.0.2.1", "JUnit");
    assertThatThrownBy(() -> app.sessions().signIn(ben.email(), "wrong", "192.0.2.2", null))
        .isInstanceOf(Invalid.class);
    app.tokens().create(ana, "backup test");
    app.accounts().createPasswordLink(ben.id());
    app.workspaces().invite(ana, "northwind", "zoe@northwind.example", Role.VIEWER);
    Page awkward = app.pages().create(ana, "checkout", "Awkward ✓ 🚀 \"title\"", AWKWARD_TEXT);
    app.collaboration().comments().add(ana, awkward.item().key(), AWKWARD_TEXT + " @ben");
    Page deleted = app.pages().create(ana, "mobile", "Gone", "");
    app.pages().delete(ana, deleted.item().key(), deleted.version());
    app.collaboration().notifications().markAllRead(ben);
    // The definition hat: settings, workflow, items in a hierarchy.
    var definition = app.app().definition();
    var settings = definition.workflows().settings(ana, "checkout");
    definition.workflows().updateSettings(ana, "checkout", settings.version(), "points", 13.0);
    var epic = definition.workItems().create(ana, "checkout", NewWorkItem.of("epic", "Épic ✓"));
    definition
        .workItems()
        .create(ana, "checkout", NewWorkItem.of("story", "Story").withParent(epic.key()));
    // The decision log: a decision with options and deciders, superseded by a later one.
    var decided =
        definition
            .decisions()
            .create(
                ana,
                "checkout",
                DecisionDraft.of("Décision ✓")
                    .withOptions(
                        new DecisionOption("A", AWKWARD_TEXT, List.of("+"), List.of("-"), true))
                    .decided("2025-12-31", "ana", "ben"));
    definition
        .decisions()
        .create(ana, "checkout", DecisionDraft.of("Later").superseding(decided.key()));
    // Custom fields: a text value, a person and a computed formula on the epic.
    definition.fields().create(ana, "checkout", FieldInput.of("Notes ✓", "text"));
    definition.fields().create(ana, "checkout", FieldInput.of("Reviewer", "person"));
    definition
        .fields()
        .create(ana, "checkout", FieldInput.of("Half", "formula").withFormula("estimate / 2"));
    app.database()
        .txVoid(
            h ->
                definition
                    .fields()
                    .setValues(
                        h,
                        ana,
                        app.products().access(h, ana, "checkout"),
                        epic.id(),
                        epic.type().id(),
                        Map.of(
                            "notes",
                            TextNode.valueOf(AWKWARD_TEXT),
                            "reviewer",
                            TextNode.valueOf("@ben"))));
    // Prototypes: screens (an uploaded image's bytes), a hotspot, a revoked share link.
    var prototypes = definition.prototypes();
    var prototype = prototypes.create(ana, "checkout", "Prototype ✓", AWKWARD_TEXT);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"><text>✓</text></svg>"
            .getBytes(StandardCharsets.UTF_8);
    var first = prototypes.addImage(ana, prototype.key(), 1, "Ünïcødé", svg, null).value();
    var second = prototypes.addImage(ana, prototype.key(), 2, "Second", svg, null).value();
    prototypes.addHotspot(
        ana,
        prototype.key(),
        3,
        first.id(),
        new PrototypeService.HotspotInput(0.1, 0.2, 0.3, 0.4, second.id(), AWKWARD_TEXT));
    var share = prototypes.share(ana, prototype.key(), "Revoked");
    prototypes.revokeShare(ana, prototype.key(), share.link().id());
    // Requirement documents: a product template, a document with versions and an approver.
    var docs = definition.documents();
    var template =
        docs.templates().create(ana, "checkout", new TemplateInput("Brief ✓", "", AWKWARD_TEXT));
    var doc = docs.documents().create(ana, "checkout", NewDocument.of(template.key(), "Doc ✓"));
    docs.documents().update(ana, doc.key(), doc.version(), null, AWKWARD_TEXT + "\nv2");
    docs.documents().requestReview(ana, doc.key(), List.of("ben"));
    // Saved views (the demo adds some too).
    definition
        .views()
        .create(
            ana,
            "checkout",
            new SavedViewService.ViewInput(
                "Épics ✓ \"quoted\"", "board", "type:epic -\"a, b\"", "status", List.of("key")));
    // Wireframes with two versions, and an image attached to the epic (bytes in a BLOB).
    var wireframes = definition.wireframes().wireframes();
    var sketch = wireframes.create(ana, "checkout", "Sketch ✓", "{\n  \"Ünïcødé ✓\" | [OK]\n}");
    wireframes.update(ana, sketch.item().key(), 1, null, "{\n  [Pay 🚀]\n}");
    definition
        .wireframes()
        .attachments()
        .upload(
            ana,
            epic.key(),
            "tiny ✓.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\"/>"
                .getBytes(StandardCharsets.UTF_8));
    // The discovery hat: the demo's customers, contacts and personas, a currency of the
    // workspace's own, and a CSV file waiting for its confirmation.
    var discovery = app.app().discovery();
    discovery.customers().changeCurrency(ana, "northwind", 1, "EUR");
    discovery
        .imports()
        .stage(
            ana,
            "northwind",
            "crm ✓.csv",
            ("name,external_id,arr\n\"Ünïcødé, \"\"Ltd\"\"\",X-1,1000.50\n")
                .getBytes(StandardCharsets.UTF_8));
    fillSurveyTables(app, ana);
    fillFeedbackTables(app, ana);
    fillPlanningTables(app, epic.id());
    fillReleasePlanTables(app, ana, epic.key());
  }

  /** Work items imported from a CSV file (their external keys) and an upload waiting. */
  private static void fillImportTables(TestApp app, User ana) {
    var imports = app.app().delivery().imports().items();
    byte[] csv =
        "key,title,tags\nÜ-1,\"Imported ✓, \"\"quoted\"\"\",ünïcødé\n"
            .getBytes(StandardCharsets.UTF_8);
    imports.run(
        ana,
        "checkout",
        io.hatrack.delivery.imports.ImportFile.of("items ✓.csv", csv),
        io.hatrack.delivery.imports.ImportOptions.of(
            io.hatrack.delivery.imports.ImportFormat.CSV, false),
        io.hatrack.kernel.jobs.JobProgress.NONE);
    imports.stage(
        ana,
        "checkout",
        "waiting ✓.csv",
        csv,
        io.hatrack.delivery.imports.ImportOptions.of(
            io.hatrack.delivery.imports.ImportFormat.CSV, true));
  }

  /** A release plan of the epic (scored by fillPlanningTables' model), solved and accepted. */
  private static void fillReleasePlanTables(TestApp app, User ana, String epic) {
    var planning = app.app().planning().releasePlanning();
    planning.teams().setEfforts(ana, epic, Map.of("payments", 3.0));
    var plan =
        planning
            .plans()
            .create(
                ana,
                "checkout",
                io.hatrack.planning.plans.PlanRequest.of("Plan ✓ 🚀", List.of("2027-Q1"))
                    .withModel("RICE ✓")
                    .withTeams(List.of("payments")));
    planning.plans().accept(ana, "checkout", plan.plan().id());
    // fillEveryTable is at Checkstyle's 120 lines: the delivery hat's imports are filled from here.
    fillImportTables(app, ana);
  }

  /**
   * Feedback (the demo adds plenty): a theme with a sentiment-scored member, and an older piece
   * merged into a newer one, so that duplicate_of points forward in id order.
   */
  private static void fillFeedbackTables(TestApp app, User ana) {
    var feedback = app.app().discovery().feedback().service();
    var older =
        feedback.create(ana, "checkout", FeedbackDraft.of(AWKWARD_TEXT, "email").withImportance(2));
    var newer = feedback.create(ana, "checkout", FeedbackDraft.of("Ünïcødé ✓ 🚀", "portal"));
    feedback.merge(ana, newer.key(), List.of(older.key()));
    app.database()
        .txVoid(
            h -> {
              long theme =
                  feedback.createTheme(h, newer.productId(), "ünïcødé cards", "ünïcødé\ncards");
              feedback.setTheme(h, newer.id(), theme);
              feedback.setSentiment(h, newer.id(), -0.25);
            });
    // A feedback file uploaded and previewed, waiting for its import.
    app.app()
        .discovery()
        .feedbackImport()
        .stage(
            ana,
            "checkout",
            "tickets ✓.csv",
            "text,tags\n\"Ünïcødé, \"\"quoted\"\" 🚀\",cards;3ds\n"
                .getBytes(StandardCharsets.UTF_8),
            io.hatrack.discovery.feedback.imports.FileFormat.CSV);
  }

  /**
   * The planning hat's shared core (teams, efforts, scoring models, scores, the roadmap's
   * schedule), written directly until the hat's services write them; awkward text in every text
   * column.
   */
  private static void fillPlanningTables(TestApp app, long item) {
    app.database()
        .txVoid(
            h -> {
              long workspace =
                  h.select("SELECT workspace_id FROM entity WHERE id = ?", item)
                      .mapTo(Long.class)
                      .one();
              long product =
                  h.select("SELECT product_id FROM entity WHERE id = ?", item)
                      .mapTo(Long.class)
                      .one();
              long team =
                  h.createUpdate(
                          "INSERT INTO team (workspace_id, slug, name, description, created_at,"
                              + " updated_at) VALUES (?, 'paiements', 'Paiements ✓', ?, 1, 2)")
                      .bind(0, workspace)
                      .bind(1, AWKWARD_TEXT)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              h.execute(
                  "INSERT INTO item_effort (item_id, team_id, effort) VALUES (?, ?, 2.5)",
                  item,
                  team);
              long model =
                  h.createUpdate(
                          "INSERT INTO scoring_model (product_id, name, kind, config, created_at,"
                              + " updated_at) VALUES (?, 'RICE ✓', 'rice', ?, 1, 2)")
                      .bind(0, product)
                      .bind(1, "{\"note\": \"ünïcødé 🚀\"}")
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one();
              h.execute(
                  "INSERT INTO item_score (item_id, model_id, inputs, score, exact, computed_at)"
                      + " VALUES (?, ?, '{}', 1.5, '3/2', 3)",
                  item,
                  model);
              h.execute(
                  "INSERT INTO item_schedule (item_id, product_id, horizon, start_date, end_date,"
                      + " release_name, team_id, public, updated_at)"
                      + " VALUES (?, ?, 'now', '2027-01-01', '2027-03-31', 'Q1 ✓', ?, TRUE, 4)",
                  item,
                  product,
                  team);
            });
  }

  /**
   * Surveys (the demo adds an NPS survey with responses): an anonymous one answered through a
   * personal link with awkward text, and a revoked link.
   */
  private static void fillSurveyTables(TestApp app, User ana) {
    var surveys = app.app().discovery().surveys();
    var survey =
        surveys
            .surveys()
            .create(
                ana,
                "checkout",
                SurveyDraft.of(
                        "Sondage ✓",
                        QuestionDraft.of("text", AWKWARD_TEXT),
                        QuestionDraft.choice("multiple", "Ünïcødé?", "A ✓", "B 🚀"))
                    .anonymously()
                    .withStatus("open"));
    var links =
        surveys
            .surveys()
            .createLinks(
                ana,
                survey.key(),
                List.of(
                    new SurveyService.Recipient("Batch ✓", null),
                    new SurveyService.Recipient("", null)));
    surveys.surveys().revokeLink(ana, survey.key(), links.links().get(1).id());
    surveys
        .responses()
        .respond(
            "checkout",
            survey.publicCode(),
            links.tokens().get(0),
            "192.0.2.3",
            ResponseInput.of(
                AnswerInput.text(survey.questions().get(0).id(), AWKWARD_TEXT),
                AnswerInput.choices(survey.questions().get(1).id(), "A ✓", "B 🚀")));
  }

  private static void assertSameRows(
      Map<String, List<List<Object>>> actual, Map<String, List<List<Object>>> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String table : expected.keySet()) {
      assertThat(actual.get(table)).as("rows of " + table).isEqualTo(expected.get(table));
    }
  }

  private static Map<String, Long> manifestCounts(JsonNode manifest) {
    Map<String, Long> counts = new TreeMap<>();
    manifest
        .path("tables")
        .forEach(t -> counts.put(t.path("name").asText(), t.path("rows").asLong()));
    return counts;
  }

  @ParameterizedTest(name = "into {0}")
  @EnumSource(Dialect.class)
  void aBackupRestoresEveryRowOfEveryTableIntoAnEmptyDatabase(Dialect target, @Fresh TestApp source)
      throws IOException {
    fillEveryTable(source);
    Map<String, List<List<Object>>> original = TableDump.of(source.database());
    assertThat(original).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
    Path file = dir.resolve("hatrack.zip");

    Backups.Summary taken = backups.backup(source.database(), file, "test");
    TestDatabase empty = TestDatabases.blank(target);
    Backups.Summary restored = backups.restore(file, empty.url());

    Map<String, List<List<Object>>> copy = TableDump.of(empty);
    assertSameRows(copy, original);
    assertThat(new TreeMap<>(taken.rows())).isEqualTo(TableDump.counts(original));
    assertThat(new TreeMap<>(restored.rows())).isEqualTo(TableDump.counts(original));
    assertThat(restored.schemaVersion())
        .isEqualTo(taken.schemaVersion())
        .isEqualTo(source.database().schemaVersion());
    try (Database db = empty.openWithoutMigrating()) {
      assertThat(db.schemaVersion()).isEqualTo(source.database().schemaVersion());
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theManifestSaysWhatTheBackupHolds(@Fresh TestApp source) {
    fillEveryTable(source);
    Path file = dir.resolve("hatrack.zip");

    Backups.Summary taken = backups.backup(source.database(), file, "9.9.9");
    JsonNode manifest = backups.manifest(file);

    assertThat(manifest.path("format").asText()).isEqualTo(Backups.FORMAT);
    assertThat(manifest.path("format_version").asInt()).isEqualTo(1);
    assertThat(manifest.path("hatrack_version").asText()).isEqualTo("9.9.9");
    assertThat(manifest.path("schema_version").asText())
        .isEqualTo(source.database().schemaVersion());
    assertThat(manifest.path("source").asText())
        .isEqualTo(source.dialect().name().toLowerCase(Locale.ROOT));
    assertThat(manifestCounts(manifest)).isEqualTo(new TreeMap<>(taken.rows()));
    assertThat(taken.totalRows()).isEqualTo(taken.rows().values().stream().mapToLong(n -> n).sum());
  }

  @ParameterizedTest(name = "into {0}")
  @EnumSource(Dialect.class)
  void aRestoredDatabaseKeepsWorkingWithFreshIds(Dialect target, @Fresh TestApp source) {
    fillEveryTable(source);
    long highest =
        source
            .database()
            .read(
                h ->
                    h.createQuery(
                            "SELECT MAX(e.number) FROM entity e JOIN product p"
                                + " ON p.id = e.product_id WHERE p.slug = 'checkout'")
                        .mapTo(Long.class)
                        .one());
    Path file = dir.resolve("hatrack.zip");
    backups.backup(source.database(), file, "test");
    TestDatabase migratedButEmpty = TestDatabases.fresh(target);

    backups.restore(file, migratedButEmpty.url());

    try (TestApp restored = TestApp.on(migratedButEmpty)) {
      User ana =
          restored
              .sessions()
              .signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "test", null)
              .user();
      assertThat(restored.workspaces().mine(ana))
          .extracting(w -> w.workspace().slug())
          .containsExactly("northwind");
      User newcomer = Fixtures.user(restored, "newcomer");
      Page added = restored.pages().create(ana, "checkout", "After the restore", "");
      assertThat(newcomer.id()).isGreaterThan(ana.id());
      assertThat(added.item().key()).isEqualTo("CHK-" + (highest + 1));
      assertThat(restored.collaboration().comments().add(ana, added.item().key(), "works").id())
          .isPositive();
    }
  }

  @Test
  void restoringIntoADatabaseThatHoldsDataIsRefusedAndWritesNothing(
      @Fresh TestApp source, TestApp occupied) {
    fillEveryTable(source);
    Path file = dir.resolve("hatrack.zip");
    backups.backup(source.database(), file, "test");
    team(occupied);
    Map<String, List<List<Object>>> before = TableDump.of(occupied.database());

    assertThatThrownBy(() -> backups.restore(file, occupied.testDatabase().url()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already holds data");

    assertSameRows(TableDump.of(occupied.database()), before);
  }

  @Test
  void aFileThatIsNotABackupIsRefusedWithAClearMessage() throws IOException {
    TestDatabase target = TestDatabases.blank(dialect);
    Path garbage = Files.write(dir.resolve("garbage.zip"), new byte[] {1, 2, 3, 4, 5});
    Path noManifest = zip("no-manifest.zip", Map.of("tables/app_user.jsonl", "[1]\n"));
    Path foreign =
        zip("foreign.zip", Map.of("manifest.json", "{\"format\": \"someone-elses-backup\"}"));
    Path newer =
        zip(
            "newer.zip",
            Map.of("manifest.json", "{\"format\": \"hatrack-backup\", \"format_version\": 99}"));

    assertThatThrownBy(() -> backups.restore(garbage, target.url()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("garbage.zip")
        .hasMessageContaining("not a readable backup");
    assertThatThrownBy(() -> backups.restore(noManifest, target.url()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Hatrack backup: it has no manifest.json");
    assertThatThrownBy(() -> backups.restore(foreign, target.url()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a Hatrack backup: unknown format");
    assertThatThrownBy(() -> backups.restore(newer, target.url()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("newer Hatrack");
    assertThat(TableDump.of(target)).isEmpty();
  }

  @Test
  void aDamagedTableRollsBackTheWholeRestore(@Fresh TestApp source) throws IOException {
    fillEveryTable(source);
    Path good = dir.resolve("good.zip");
    backups.backup(source.database(), good, "test");
    Path damaged = dir.resolve("damaged.zip");
    rewrite(good, damaged, "tables/page.jsonl", text -> text + "[\"too few columns\"]\n");
    TestDatabase target = TestDatabases.blank(dialect);

    assertThatThrownBy(() -> backups.restore(damaged, target.url()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page")
        .hasMessageContaining("malformed row");

    assertThat(TableDump.of(target))
        .allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
    backups.restore(good, target.url());
    assertSameRows(TableDump.of(target), TableDump.of(source.database()));
  }

  @Test
  void aBackupTakenWhileWritesGoOnIsOneConsistentSnapshot(@Fresh TestApp source) throws Exception {
    Team team = team(source);
    for (int i = 0; i < 60; i++) {
      page(source, team.owner(), team.product());
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong();
    AtomicReference<Throwable> writerFailure = new AtomicReference<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                while (writing.get()) {
                  Page page = page(source, team.owner(), team.product());
                  source.collaboration().comments().add(team.owner(), page.item().key(), "more");
                  written.incrementAndGet();
                }
              } catch (RuntimeException e) {
                writerFailure.set(e);
              }
            },
            "backup-test-writer");
    writer.start();
    Path file = dir.resolve("busy.zip");
    List<Long> overlapping = new ArrayList<>();
    try {
      while (written.get() < 3) {
        Thread.sleep(10);
      }
      for (int i = 0; i < 20 && overlapping.size() < 3; i++) {
        long before = written.get();
        backups.backup(source.database(), file, "test");
        if (written.get() > before) {
          overlapping.add(written.get() - before);
        }
      }
    } finally {
      writing.set(false);
      writer.join();
    }
    assertThat(writerFailure.get()).isNull();
    assertThat(overlapping).as("backups that ran while pages were written").isNotEmpty();

    TestDatabase target = TestDatabases.blank(dialect);
    Backups.Summary restored = backups.restore(file, target.url());

    Map<String, Long> rows = TableDump.counts(TableDump.of(target));
    assertThat(new TreeMap<>(restored.rows())).isEqualTo(rows);
    assertThat(manifestCounts(backups.manifest(file))).isEqualTo(rows);
    try (Database db = target.openWithoutMigrating()) {
      db.read(
          h -> {
            long pages = count(h, "SELECT COUNT(*) FROM page");
            assertThat(count(h, "SELECT COUNT(*) FROM entity WHERE kind = 'page'"))
                .isEqualTo(pages);
            assertThat(
                    count(
                        h, "SELECT next_number - 1 FROM product WHERE id = " + team.product().id()))
                .isEqualTo(pages);
            assertThat(count(h, "SELECT COUNT(*) FROM activity WHERE action = 'page.created'"))
                .isEqualTo(pages);
            // The writer comments on each new page in a second transaction, which the
            // snapshot may have caught between the two.
            assertThat(count(h, "SELECT COUNT(*) FROM activity WHERE action = 'comment.added'"))
                .isEqualTo(count(h, "SELECT COUNT(*) FROM comment"))
                .isBetween(pages - 61, pages - 60);
            return null;
          });
    }
  }

  private static long count(Handle h, String sql) {
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  private Path zip(String name, Map<String, String> entries) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Copies a ZIP, changing the text of one entry. */
  private static void rewrite(Path from, Path to, String entryName, UnaryOperator<String> change)
      throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        OutputStream out = Files.newOutputStream(to);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      Enumeration<? extends ZipEntry> entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        byte[] bytes;
        try (InputStream content = in.getInputStream(entry)) {
          bytes = content.readAllBytes();
        }
        if (entry.getName().equals(entryName)) {
          bytes =
              change
                  .apply(new String(bytes, StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
  }
}
