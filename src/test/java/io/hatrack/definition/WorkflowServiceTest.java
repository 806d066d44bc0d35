package io.hatrack.definition;

import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.WorkflowService.StateInput;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class WorkflowServiceTest {

  private static WorkflowService workflows(TestApp app) {
    return app.app().definition().workflows();
  }

  private static WorkItemService items(TestApp app) {
    return app.app().definition().workItems();
  }

  private static Workflow workflow(TestApp app, Team team) {
    return workflows(app).workflow(team.owner(), team.product().slug());
  }

  private static WorkflowState state(Workflow w, String name) {
    return w.byName(name).orElseThrow();
  }

  private static StateInput kept(WorkflowState s, String... movesTo) {
    return new StateInput(s.id(), s.name(), s.category().id(), List.of(movesTo));
  }

  private static StateInput added(String name, String category, String... movesTo) {
    return new StateInput(null, name, category, List.of(movesTo));
  }

  /** The workflow as lines "Name (category) -> next, next", for comparing whole workflows. */
  private static List<String> describe(Workflow w) {
    List<String> lines = new ArrayList<>();
    for (WorkflowState s : w.states()) {
      lines.add(
          s.name()
              + " ("
              + s.category().id()
              + ") -> "
              + String.join(", ", w.next(s).stream().map(WorkflowState::name).toList()));
    }
    return lines;
  }

  private static Map<String, Long> footprint(TestApp app) {
    return Map.of(
        "workflow_state", app.count("workflow_state"),
        "workflow_transition", app.count("workflow_transition"),
        "definition_settings", app.count("definition_settings"),
        "activity", app.count("activity"));
  }

  private static WorkItem create(TestApp app, Team team, String title) {
    return items(app).create(team.owner(), team.product().slug(), NewWorkItem.of("story", title));
  }

  private static WorkItem move(TestApp app, Team team, WorkItem item, String status) {
    WorkItem now = items(app).get(team.owner(), item.key()).item();
    return items(app)
        .update(team.owner(), item.key(), now.version(), WorkItemChanges.none().withStatus(status));
  }

  // ---- the default ----

  @Test
  void aProductGetsTheDefaultWorkflowAndSettingsOnFirstUseAndOnlyOnce(TestApp app) {
    Team team = team(app);
    User viewer = team.member(app, Role.VIEWER, "vic");

    Workflow w = workflows(app).workflow(viewer, team.product().slug());

    assertThat(describe(w))
        .containsExactly(
            "Backlog (todo) -> Ready, In progress, Won't do",
            "Ready (todo) -> Backlog, In progress, Won't do",
            "In progress (doing) -> Ready, In review, Done, Won't do",
            "In review (doing) -> In progress, Done, Won't do",
            "Done (done) -> In progress",
            "Won't do (done) -> Backlog");
    assertThat(w.initial().name()).isEqualTo("Backlog");
    assertThat(w.states()).extracting(WorkflowState::position).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(w.states()).extracting(WorkflowState::productId).containsOnly(team.product().id());
    WorkflowStore.Settings settings = workflows(app).settings(viewer, team.product().slug());
    assertThat(settings)
        .isEqualTo(new WorkflowStore.Settings(team.product().id(), EstimateUnit.POINTS, null, 1));

    Map<String, Long> before = footprint(app);
    assertThat(workflow(app, team)).isEqualTo(w);
    assertThat(workflows(app).settings(team.owner(), team.product().slug())).isEqualTo(settings);
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void twoFirstUsesAtOnceMakeOneWorkflow(TestApp app) throws Exception {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    String slug = team.product().slug();

    int created =
        Race.successes(
            () -> items(app).create(team.owner(), slug, NewWorkItem.of("story", "Ana's")),
            () -> items(app).create(ben, slug, NewWorkItem.of("story", "Ben's")));

    assertThat(created).isEqualTo(2);
    Workflow w = workflow(app, team);
    assertThat(w.states()).hasSize(6);
    long rows =
        app.database()
            .read(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM workflow_state WHERE product_id = :p")
                        .bind("p", team.product().id())
                        .mapTo(Long.class)
                        .one());
    assertThat(rows).isEqualTo(6);
    assertThat(items(app).list(team.owner(), slug, null, null, null, 10).slice().items())
        .extracting(i -> i.state().id())
        .containsOnly(w.initial().id());
  }

  @Test
  void eachProductHasItsOwnWorkflow(TestApp app) {
    Team team = team(app);
    Product other = product(app, team.owner(), team.workspace(), "PAY");
    Workflow mine = workflow(app, team);
    Workflow theirs = workflows(app).workflow(team.owner(), other.slug());

    workflows(app)
        .replace(
            team.owner(),
            team.product().slug(),
            List.of(kept(state(mine, "Backlog"), "Done"), kept(state(mine, "Done"))));

    assertThat(workflows(app).workflow(team.owner(), other.slug())).isEqualTo(theirs);
    assertThat(theirs.states())
        .extracting(WorkflowState::id)
        .doesNotContainAnyElementsOf(mine.states().stream().map(WorkflowState::id).toList());
  }

  @Test
  void outsidersCannotReadAWorkflow(TestApp app) {
    Team team = team(app);
    User outsider = user(app, "mallory");

    assertThatThrownBy(() -> workflows(app).workflow(outsider, team.product().slug()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> workflows(app).settings(outsider, team.product().slug()))
        .isInstanceOf(NotFound.class);
  }

  // ---- replacing the workflow ----

  @Test
  void replacingTheWorkflowKeepsItemsInKeptStatesAndRenamesThem(TestApp app) throws Exception {
    Team team = team(app);
    Workflow before = workflow(app, team);
    WorkItem waiting = create(app, team, "Waiting");
    WorkItem started = move(app, team, create(app, team, "Started"), "In progress");

    Workflow after =
        workflows(app)
            .replace(
                team.owner(),
                team.product().slug(),
                List.of(
                    new StateInput(
                        state(before, "Backlog").id(), " To do ", "todo", List.of("in progress")),
                    kept(state(before, "In progress"), "To do", "Blocked", "Shipped"),
                    added("Blocked", "doing", "In progress", "Blocked"),
                    new StateInput(
                        state(before, "Done").id(), "Shipped", "DONE", List.of(" In progress "))));

    assertThat(describe(after))
        .containsExactly(
            "To do (todo) -> In progress",
            "In progress (doing) -> To do, Blocked, Shipped",
            "Blocked (doing) -> In progress",
            "Shipped (done) -> In progress");
    assertThat(after.states()).extracting(WorkflowState::position).containsExactly(0, 1, 2, 3);
    assertThat(state(after, "To do").id()).isEqualTo(state(before, "Backlog").id());
    assertThat(state(after, "Shipped").id()).isEqualTo(state(before, "Done").id());
    assertThat(after.byName("Ready")).isEmpty();
    assertThat(after.byName("Won't do")).isEmpty();
    assertThat(workflow(app, team)).isEqualTo(after);
    assertThat(items(app).get(team.owner(), waiting.key()).item().state().name())
        .isEqualTo("To do");
    assertThat(items(app).get(team.owner(), started.key()).item().state())
        .isEqualTo(state(after, "In progress"));

    WorkspaceAccess ws = app.workspaces().access(team.owner(), team.workspace().slug());
    ActivityEntry entry = app.collaboration().activity().auditLog(ws, 0, 1).get(0);
    assertThat(entry.action()).isEqualTo("definition.workflow_changed");
    assertThat(entry.productId()).isEqualTo(team.product().id());
    assertThat(entry.actorId()).isEqualTo(team.owner().id());
    assertThat(entry.beforeJson()).contains("Backlog (todo) -> Ready, In progress, Won't do");
    assertThat(entry.afterJson()).contains("Blocked (doing) -> In progress");
  }

  @Test
  void itemsFollowTheNewTransitionsAndNewItemsStartInTheNewFirstState(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);
    WorkItem item = create(app, team, "Old item");
    workflows(app)
        .replace(
            team.owner(),
            team.product().slug(),
            List.of(
                added("Triage", "todo", "Backlog"),
                kept(state(before, "Backlog"), "Done"),
                kept(state(before, "Done"))));

    WorkItem fresh = create(app, team, "New item");
    WorkItem done = move(app, team, item, "Done");

    assertThat(fresh.state().name()).isEqualTo("Triage");
    assertThat(done.state().name()).isEqualTo("Done");
    assertThatThrownBy(() -> move(app, team, done, "Backlog"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo(
                        "cannot move from \u201cDone\u201d to \u201cBacklog\u201d; allowed: none"));
    assertThatThrownBy(() -> move(app, team, fresh, "In progress"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo("must be one of Triage, Backlog, Done"));
  }

  @Test
  void removingAStateThatHoldsItemsIsRefusedAndNothingChanges(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);
    WorkItem ready = move(app, team, create(app, team, "Ready one"), "Ready");
    Map<String, Long> footprint = footprint(app);

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        team.product().slug(),
                        List.of(
                            new StateInput(
                                state(before, "Backlog").id(), "Renamed", "todo", List.of("Done")),
                            kept(state(before, "Done")))))
        .isInstanceOfSatisfying(
            Conflict.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "The state \u201cReady\u201d still holds 1 item(s); move them first."));

    assertThat(workflow(app, team)).isEqualTo(before);
    assertThat(footprint(app)).isEqualTo(footprint);
    assertThat(items(app).get(team.owner(), ready.key()).item().state().name()).isEqualTo("Ready");
  }

  @Test
  void aDeletedItemStillHoldsItsStateSoThatItCanBeRestored(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);
    WorkItem ready = move(app, team, create(app, team, "Ready one"), "Ready");
    items(app).delete(team.owner(), ready.key(), ready.version());

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        team.product().slug(),
                        List.of(
                            kept(state(before, "Backlog"), "Done"), kept(state(before, "Done")))))
        .isInstanceOf(Conflict.class);

    assertThat(items(app).restore(team.owner(), ready.key()).state().name()).isEqualTo("Ready");
  }

  @Test
  void aWorkflowWithoutADoneStateIsRefused(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        team.product().slug(),
                        List.of(added("Open", "todo", "Busy"), added("Busy", "doing", "Open"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states"))
                    .isEqualTo("at least one state must be in the done category"));
    assertThatThrownBy(() -> workflows(app).replace(team.owner(), team.product().slug(), List.of()))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states")).isEqualTo("a workflow needs at least one state"));
    assertThatThrownBy(() -> workflows(app).replace(team.owner(), team.product().slug(), null))
        .isInstanceOf(Invalid.class);

    assertThat(workflow(app, team)).isEqualTo(before);
  }

  @Test
  void aDoneCategoryIsRecognisedWhateverItsCaseAndSpacing(TestApp app) {
    Team team = team(app);

    Workflow after =
        workflows(app)
            .replace(
                team.owner(),
                team.product().slug(),
                List.of(added("Open", "todo", "Closed"), added("Closed", " Done ")));

    assertThat(state(after, "Closed").category()).isEqualTo(StateCategory.DONE);
  }

  @Test
  void aWorkflowWithUnreachableStatesIsRefusedNamingThem(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);
    Map<String, Long> footprint = footprint(app);

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        team.product().slug(),
                        List.of(
                            kept(state(before, "Backlog"), "Done"),
                            added("Limbo", "doing", "Done", "Purgatory"),
                            added("Purgatory", "doing", "Limbo"),
                            kept(state(before, "Done"), "Backlog"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states"))
                    .isEqualTo(
                        "no move leads from \u201cBacklog\u201d to \u201cLimbo\u201d,"
                            + " \u201cPurgatory\u201d"));

    assertThat(workflow(app, team)).isEqualTo(before);
    assertThat(footprint(app)).isEqualTo(footprint);
  }

  @Test
  void aSingleDoneStateIsAWorkflow(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);

    Workflow after =
        workflows(app)
            .replace(team.owner(), team.product().slug(), List.of(kept(state(before, "Done"))));

    assertThat(describe(after)).containsExactly("Done (done) -> ");
    assertThat(create(app, team, "Born done").state().name()).isEqualTo("Done");
  }

  @Test
  void badStateNamesCategoriesMovesAndIdsAreRefusedAndNothingChanges(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Workflow before = workflow(app, team);
    Team strangers = team(app);
    WorkflowState foreign = workflow(app, strangers).initial();
    Map<String, Long> footprint = footprint(app);

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(added(" ", "todo", "Done"), added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("states[0].name")).isEqualTo("must not be blank"));
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(added("x".repeat(41), "todo", "Done"), added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states[0].name"))
                    .isEqualTo("must be at most 40 characters"));
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(added("Done", "todo", "done"), added(" DONE ", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("states[1].name")).isEqualTo("is used twice"));
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(added("Open", "later", "Done"), added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states[0].category"))
                    .isEqualTo("must be todo, doing or done"));
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(added("Open", "todo", "Done", "Nowhere"), added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states"))
                    .isEqualTo("\u201cOpen\u201d moves to an unknown state \u201cNowhere\u201d"));
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(), slug, List.of(kept(foreign, "Done"), added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("states"))
                    .isEqualTo("no state with id " + foreign.id() + " in this workflow"));

    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(
                            kept(state(before, "Backlog"), "Done"),
                            new StateInput(
                                state(before, "Backlog").id(), "Again", "todo", List.of("Done")),
                            kept(state(before, "Done")))))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("states[1].id")).isEqualTo("is used twice"));
    List<String> toNothing = new ArrayList<>();
    toNothing.add("Done");
    toNothing.add(null);
    assertThatThrownBy(
            () ->
                workflows(app)
                    .replace(
                        team.owner(),
                        slug,
                        List.of(
                            new StateInput(null, "Open", "todo", toNothing),
                            added("Done", "done"))))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("states")).contains("unknown state"));

    assertThat(workflow(app, team)).isEqualTo(before);
    assertThat(footprint(app)).isEqualTo(footprint);
  }

  @Test
  void twoStatesCanSwapNamesAndARemovedNameCanBeReused(TestApp app) {
    Team team = team(app);
    Workflow before = workflow(app, team);
    WorkflowState backlog = state(before, "Backlog");
    WorkflowState ready = state(before, "Ready");
    WorkflowState done = state(before, "Done");

    Workflow swapped =
        workflows(app)
            .replace(
                team.owner(),
                team.product().slug(),
                List.of(
                    new StateInput(backlog.id(), "Ready", "todo", List.of("Backlog")),
                    new StateInput(ready.id(), "Backlog", "todo", List.of("Done")),
                    kept(done)));

    assertThat(state(swapped, "Ready").id()).isEqualTo(backlog.id());
    assertThat(state(swapped, "Backlog").id()).isEqualTo(ready.id());

    Workflow reused =
        workflows(app)
            .replace(
                team.owner(),
                team.product().slug(),
                List.of(added("Backlog", "todo", "Done"), kept(done)));

    assertThat(describe(reused)).containsExactly("Backlog (todo) -> Done", "Done (done) -> ");
    assertThat(state(reused, "Backlog").id()).isNotIn(backlog.id(), ready.id());
  }

  @Test
  void onlyAdminsChangeTheWorkflowAndTheSettings(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    User editor = team.member(app, Role.EDITOR, "ed");
    User admin = team.member(app, Role.ADMIN, "ada");
    Workflow before = workflow(app, team);
    List<StateInput> simpler =
        List.of(kept(state(before, "Backlog"), "Done"), kept(state(before, "Done")));

    assertThatThrownBy(() -> workflows(app).replace(editor, slug, simpler))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("admin role");
    assertThatThrownBy(() -> workflows(app).updateSettings(editor, slug, 1, "size", null))
        .isInstanceOf(Forbidden.class);
    assertThat(workflow(app, team)).isEqualTo(before);
    assertThat(workflows(app).settings(editor, slug).estimateUnit()).isEqualTo(EstimateUnit.POINTS);

    assertThat(workflows(app).replace(admin, slug, simpler).states()).hasSize(2);
    assertThat(workflows(app).updateSettings(admin, slug, 1, "size", null).estimateUnit())
        .isEqualTo(EstimateUnit.SIZE);
  }

  // ---- settings ----

  @Test
  void settingsChangeAtTheCurrentVersionAndAreRecorded(TestApp app) throws Exception {
    Team team = team(app);
    String slug = team.product().slug();

    WorkflowStore.Settings sized =
        workflows(app).updateSettings(team.owner(), slug, 1, " SIZE ", 8.0);
    WorkflowStore.Settings days =
        workflows(app).updateSettings(team.owner(), slug, 2, "days", null);

    assertThat(sized)
        .isEqualTo(new WorkflowStore.Settings(team.product().id(), EstimateUnit.SIZE, 8.0, 2));
    assertThat(days)
        .isEqualTo(new WorkflowStore.Settings(team.product().id(), EstimateUnit.DAYS, null, 3));
    assertThat(workflows(app).settings(team.owner(), slug)).isEqualTo(days);
    WorkspaceAccess ws = app.workspaces().access(team.owner(), team.workspace().slug());
    ActivityEntry entry = app.collaboration().activity().auditLog(ws, 0, 1).get(0);
    assertThat(entry.action()).isEqualTo("definition.settings_changed");
    assertThat(entry.beforeJson()).contains("\"estimate_unit\":\"size\"");
    assertThat(entry.afterJson()).contains("\"estimate_unit\":\"days\"");
  }

  @Test
  void aSettingsUpdateWithAStaleVersionIsAConflictAndTheFirstWriteStands(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    User admin = team.member(app, Role.ADMIN, "ada");
    WorkflowStore.Settings first = workflows(app).updateSettings(admin, slug, 1, "size", null);
    Map<String, Long> footprint = footprint(app);

    assertThatThrownBy(() -> workflows(app).updateSettings(team.owner(), slug, 1, "days", 5.0))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));

    assertThat(workflows(app).settings(team.owner(), slug)).isEqualTo(first);
    assertThat(footprint(app)).isEqualTo(footprint);
  }

  @Test
  void anUnknownUnitOrAStorySizeLimitOutOfRangeIsRefused(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    WorkflowStore.Settings before = workflows(app).settings(team.owner(), slug);

    assertThatThrownBy(() -> workflows(app).updateSettings(team.owner(), slug, 1, "hours", null))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("estimate_unit")).isEqualTo("must be points, size or days"));
    assertThatThrownBy(() -> workflows(app).updateSettings(team.owner(), slug, 1, null, null))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("estimate_unit")).isNotEmpty());
    for (double bad : new double[] {0, -1, 10_001, Double.NaN}) {
      assertThatThrownBy(() -> workflows(app).updateSettings(team.owner(), slug, 1, "points", bad))
          .isInstanceOfSatisfying(
              Invalid.class,
              e ->
                  assertThat(e.reasonFor("story_size_limit"))
                      .isEqualTo("must be a positive number up to 10,000"));
    }

    assertThat(workflows(app).settings(team.owner(), slug)).isEqualTo(before);
  }
}
