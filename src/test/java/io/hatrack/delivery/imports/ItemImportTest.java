package io.hatrack.delivery.imports;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.Link;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Importing the realistic sample files of each tool, end to end, into a product's work items. */
@OnEveryDatabase
class ItemImportTest {

  static byte[] sample(String name) {
    try (InputStream in = ItemImportTest.class.getResourceAsStream("/imports/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ItemImport.Report run(TestApp app, Team t, String file, ImportOptions options) {
    return app.app()
        .delivery()
        .imports()
        .items()
        .run(
            t.owner(),
            t.product().slug(),
            ImportFile.of(file, sample(file)),
            options,
            JobProgress.NONE);
  }

  static Map<String, WorkItem> items(TestApp app, Team t) {
    return app
        .app()
        .definition()
        .workItems()
        .list(t.owner(), t.product().slug(), null, null, "key", null, 200)
        .slice()
        .items()
        .stream()
        .collect(Collectors.toMap(WorkItem::title, Function.identity()));
  }

  static List<String> tags(TestApp app, Team t, WorkItem w) {
    return app.collaboration().tags().list(t.owner(), w.key());
  }

  static List<Comment> comments(TestApp app, Team t, WorkItem w) {
    return app.collaboration().comments().list(t.owner(), w.key(), 0, 50).comments();
  }

  private static User ben(TestApp app, Team t) {
    User ben = app.accounts().create(Fixtures.email("ben"), "Ben Okafor", Fixtures.PASSWORD);
    app.workspaces().addMember(t.owner(), t.workspace().slug(), ben.email(), Role.EDITOR);
    return ben;
  }

  @Test
  void aJiraAllFieldsExportBecomesWorkItemsWithParentsEstimatesTagsCommentsAndLinks(TestApp app) {
    Team t = team(app);
    User ben = ben(app, t);

    ItemImport.Report report =
        run(app, t, "jira-all-fields.csv", ImportOptions.of(ImportFormat.JIRA, false));

    assertThat(report.problems()).isEmpty();
    assertThat(report.saved()).isTrue();
    assertThat(report.records()).isEqualTo(6);
    assertThat(report.created()).isEqualTo(6);
    assertThat(report.comments()).isEqualTo(4);
    assertThat(report.links()).isEqualTo(1);
    assertThat(report.notes())
        .anySatisfy(n -> assertThat(n).contains("dates read as dd/MMM/yy h:mm a"))
        .anySatisfy(n -> assertThat(n).contains("Dana Unknown (1)"))
        .anySatisfy(n -> assertThat(n).contains("PAY-9"))
        .anySatisfy(n -> assertThat(n).contains("columns not imported").contains("Watchers"));
    assertThat(report.statuses())
        .containsEntry("QA Verification", "In progress (by category doing)")
        .containsEntry("In Review", "In review (same name)")
        .containsEntry("To Do", "Backlog (by category todo)");
    assertThat(report.types()).containsEntry("Sub-task", "task (guessed)");
    Map<String, WorkItem> items = items(app, t);
    WorkItem epic = items.get("One-click saved cards");
    WorkItem store = items.get("Store a card at checkout");
    WorkItem pay = items.get("Pay with a saved card");
    WorkItem tests = items.get("Write vault integration tests");
    WorkItem bug = items.get("Cards vanish after session timeout");
    assertThat(epic.type().id()).isEqualTo("epic");
    assertThat(epic.state().name()).isEqualTo("In progress");
    assertThat(epic.description()).contains("\n\nGoal: fewer drop-offs");
    assertThat(store.parent().key()).isEqualTo(epic.key());
    assertThat(store.state().name()).isEqualTo("Done");
    assertThat(store.estimate()).isEqualTo(5.0);
    assertThat(store.owner().id()).isEqualTo(ben.id());
    assertThat(tests.type().id()).isEqualTo("task");
    assertThat(tests.parent().key()).isEqualTo(store.key());
    assertThat(tests.estimate()).isEqualTo(2.0);
    assertThat(bug.type().id()).isEqualTo("bug");
    assertThat(bug.parent().key()).isEqualTo(epic.key());
    assertThat(bug.owner()).isNull();
    assertThat(items.get("Explore Apple Pay").type().id()).isEqualTo("task");
    assertThat(tags(app, t, store))
        .containsExactlyInAnyOrder(
            "saved-cards", "sprint-payments sprint 1", "sprint-payments sprint 2");
    List<Comment> said = comments(app, t, store);
    assertThat(said).hasSize(2);
    assertThat(said)
        .anySatisfy(
            c -> {
              assertThat(c.authorId()).isEqualTo(ben.id());
              assertThat(c.body()).isEqualTo("Tokenised with the PSP vault, no PAN stored.");
            })
        .anySatisfy(
            c -> {
              assertThat(c.authorId()).isEqualTo(t.owner().id());
              assertThat(c.body())
                  .startsWith("_557058:f00ba4 wrote in Jira:_")
                  .contains("see \"PCI notes\"");
            });
    List<Link> links = app.collaboration().links().list(t.owner(), pay.key());
    assertThat(links).hasSize(1);
    assertThat(links.get(0).type()).isEqualTo("depends-on");
    assertThat(links.get(0).outgoing()).isTrue();
    assertThat(links.get(0).other().key()).isEqualTo(store.key());
  }

  @Test
  void importingTheSameFileAgainUpdatesNothingAndAChangedRecordUpdatesItsItem(TestApp app) {
    Team t = team(app);
    run(app, t, "jira-all-fields.csv", ImportOptions.of(ImportFormat.JIRA, false));
    Map<String, WorkItem> before = items(app, t);

    ItemImport.Report again =
        run(app, t, "jira-all-fields.csv", ImportOptions.of(ImportFormat.JIRA, false));
    String changed =
        new String(sample("jira-all-fields.csv"), java.nio.charset.StandardCharsets.UTF_8)
            .replace(
                "Pay with a saved card,PAY-3,10003,10001,Story,In Review",
                "Pay with a saved card (v2),PAY-3,10003,10001,Story,Backlog");
    ItemImport.Report third =
        app.app()
            .delivery()
            .imports()
            .items()
            .run(
                t.owner(),
                t.product().slug(),
                ImportFile.of(
                    "jira.csv", changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ImportOptions.of(ImportFormat.JIRA, false),
                JobProgress.NONE);

    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(6);
    assertThat(third.problems()).isEmpty();
    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.unchanged()).isEqualTo(5);
    Map<String, WorkItem> after = items(app, t);
    assertThat(after).hasSize(6);
    WorkItem pay = after.get("Pay with a saved card (v2)");
    assertThat(pay.key()).isEqualTo(before.get("Pay with a saved card").key());
    // The other tool's workflow is taken as it is: In review back to Backlog.
    assertThat(pay.state().name()).isEqualTo("Backlog");
    assertThat(comments(app, t, after.get("Store a card at checkout"))).hasSize(2);
    assertThat(app.count("import_key")).isGreaterThanOrEqualTo(6);
  }

  @Test
  void gitHubIssuesSkipPullRequestsAndMapStateReasonsLabelsAndMilestones(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        run(app, t, "github-issues.json", ImportOptions.of(ImportFormat.GITHUB, false));

    assertThat(report.problems()).isEmpty();
    assertThat(report.created()).isEqualTo(3);
    assertThat(report.skipped()).containsEntry("pull requests are not imported", 2L);
    assertThat(report.statuses())
        .containsEntry("closed (not planned)", "Won't do (by category done)")
        .containsEntry("closed", "Done (by category done)")
        .containsEntry("open", "Backlog (by category todo)");
    Map<String, WorkItem> items = items(app, t);
    WorkItem safari = items.get("3-D Secure challenge fails on Safari 17");
    assertThat(safari.type().id()).isEqualTo("bug");
    assertThat(safari.description()).startsWith("Repro: Safari 17.3");
    assertThat(tags(app, t, safari))
        .containsExactlyInAnyOrder("bug", "3ds", "milestone-q1 payments");
    assertThat(items.get("Saved cards: list and delete").state().name()).isEqualTo("Done");
    assertThat(items.get("Saved cards: list and delete").type().id()).isEqualTo("feature");
    assertThat(items.get("Support paper cheques").state().name()).isEqualTo("Won't do");
    assertThat(items).doesNotContainKey("Add saved-card endpoint");
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("ben (1)"));
  }

  @Test
  void aTrelloBoardBecomesCardsWithChecklistsAsTaskListsAndCommentsFromActions(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        run(
            app,
            t,
            "trello-board.json",
            ImportOptions.parse("trello", false, List.of("status:Ideas=Ready")));

    assertThat(report.problems()).isEmpty();
    assertThat(report.created()).isEqualTo(3);
    assertThat(report.skipped())
        .containsEntry("archived cards are not imported", 1L)
        .containsEntry("cards of archived lists are not imported", 1L);
    Map<String, WorkItem> items = items(app, t);
    WorkItem last = items.get("Remember the last used card");
    assertThat(last.state().name()).isEqualTo("In progress");
    assertThat(last.description())
        .isEqualTo(
            "Preselect the card the buyer used last.\n\n### Definition of done\n\n"
                + "- [x] API returns last_used_at\n- [ ] Design reviewed by Chloe");
    assertThat(tags(app, t, last)).containsExactly("saved cards");
    assertThat(comments(app, t, last))
        .extracting(Comment::body)
        .containsExactly("_ana wrote in Trello:_\n\nChloe has mocks for this.");
    WorkItem flicker = items.get("Card list flickers on slow networks");
    assertThat(flicker.type().id()).isEqualTo("bug");
    assertThat(flicker.state().name()).isEqualTo("Done");
    assertThat(tags(app, t, flicker)).containsExactlyInAnyOrder("bug", "purple");
    assertThat(items.get("Offer wallets (Apple Pay, Google Pay)").state().name())
        .isEqualTo("Ready");
  }

  @Test
  void aGenericCsvIsImportedWithItsColumnsMappedAndGuessed(TestApp app) {
    Team t = team(app);

    ItemImport.Report report =
        run(
            app,
            t,
            "generic.csv",
            ImportOptions.parse("csv", false, List.of("Parent Ref=parent", "Notes=description")));

    assertThat(report.problems()).isEmpty();
    assertThat(report.created()).isEqualTo(4);
    assertThat(report.columns())
        .containsEntry("Ref", "key")
        .containsEntry("Title", "title")
        .containsEntry("Kind", "type")
        .containsEntry("State", "status")
        .containsEntry("Points", "estimate")
        .containsEntry("Labels", "tags")
        .containsEntry("Parent Ref", "parent")
        .containsEntry("Notes", "description");
    Map<String, WorkItem> items = items(app, t);
    WorkItem epic = items.get("Invoice export");
    WorkItem csv = items.get("Export invoices as CSV");
    WorkItem bug = items.get("Totals are off by one cent");
    assertThat(epic.state().name()).isEqualTo("Ready");
    assertThat(csv.parent().key()).isEqualTo(epic.key());
    assertThat(csv.estimate()).isEqualTo(3.0);
    assertThat(bug.parent().key()).isEqualTo(csv.key());
    assertThat(tags(app, t, bug)).containsExactlyInAnyOrder("invoices", "rounding");
    assertThat(csv.description()).isEqualTo("Columns match the accounting import.");
  }
}
