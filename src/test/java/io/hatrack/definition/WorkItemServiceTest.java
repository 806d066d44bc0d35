package io.hatrack.definition;

import static io.hatrack.definition.WorkItems.create;
import static io.hatrack.definition.WorkItems.description;
import static io.hatrack.definition.WorkItems.draft;
import static io.hatrack.definition.WorkItems.footprint;
import static io.hatrack.definition.WorkItems.items;
import static io.hatrack.definition.WorkItems.json;
import static io.hatrack.definition.WorkItems.read;
import static io.hatrack.definition.WorkItems.type;
import static io.hatrack.definition.WorkItems.workflows;
import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Link;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.Race;
import io.hatrack.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Work items: creating, moving through the workflow, optimistic locking, owners, permissions,
 * activity and links.
 */
@OnEveryDatabase
class WorkItemServiceTest {
  // ---- creating ----

  @Test
  void creatingAnItemGivesItTheNextProductKeyAndTheWorkflowsFirstState(TestApp app) {
    Team team = team(app);
    User ed = team.member(app, Role.EDITOR, "ed");

    WorkItem first =
        items(app).create(ed, team.product().slug(), NewWorkItem.of("feature", "  Saved cards  "));
    WorkItem second = create(app, team, "story", "Save a card at checkout");

    assertThat(first.key()).isEqualTo("CHK-1");
    assertThat(second.key()).isEqualTo("CHK-2");
    assertThat(first.title()).isEqualTo("Saved cards");
    assertThat(first.type()).isEqualTo(WorkItemType.FEATURE);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.item().kind()).isEqualTo(WorkItemStore.KIND);
    assertThat(first.item().createdBy()).isEqualTo(ed.id());
    Workflow workflow = workflows(app).workflow(ed, team.product().slug());
    assertThat(first.state()).isEqualTo(workflow.initial());
    assertThat(first.state().name()).isEqualTo("Backlog");
    assertThat(first.parent()).isNull();
    assertThat(first.owner()).isNull();
    assertThat(first.estimate()).isNull();
    assertThat(first.size()).isNull();
    assertThat(first.description()).isEmpty();
    assertThat(first.children()).isZero();
    assertThat(second.position()).isGreaterThan(first.position());
    assertThat(read(app, ed, first)).isEqualTo(first);
    assertThat(items(app).get(ed, Long.toString(first.id())).item()).isEqualTo(first);
  }

  @Test
  void theKeySequenceIsSharedWithTheProductsOtherItems(TestApp app) {
    Team team = team(app);
    page(app, team.owner(), team.product());

    WorkItem item = create(app, team, "task", "Wire the vault");

    assertThat(item.key()).isEqualTo("CHK-2");
  }

  @Test
  void anItemCanStartInANamedStateOfTheWorkflowWhateverTheCase(TestApp app) {
    Team team = team(app);

    WorkItem item =
        items(app)
            .create(
                team.owner(),
                team.product().slug(),
                draft("story", "Pay with a saved card", null, null, null, null, " in PROGRESS "));

    assertThat(item.state().name()).isEqualTo("In progress");
  }

  @Test
  void anUnknownStateTypeOrABlankTitleIsRefusedAndNothingIsWritten(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(), slug, draft("story", "A", null, null, null, null, "Limbo")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo(
                        "must be one of Backlog, Ready, In progress, In review, Done, Won't do"));
    assertThatThrownBy(() -> items(app).create(team.owner(), slug, NewWorkItem.of("saga", "A")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("type"))
                    .isEqualTo(
                        "must be one of objective, initiative, epic, feature, story, bug, task"));
    assertThatThrownBy(() -> items(app).create(team.owner(), slug, NewWorkItem.of(null, "A")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("type")).isNotEmpty());
    assertThatThrownBy(() -> items(app).create(team.owner(), slug, NewWorkItem.of("story", "  ")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("title")).isEqualTo("must not be blank"));
    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, NewWorkItem.of("story", "t".repeat(201))))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("title")).isEqualTo("must be at most 200 characters"));

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(create(app, team, "story", "After the refusals").key()).isEqualTo("CHK-1");
  }

  @Test
  void textWithANulCharacterIsRefusedAsInvalidOnEveryDatabase(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () -> items(app).create(team.owner(), slug, NewWorkItem.of("story", "N\u0000l")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("title")).isNotEmpty());
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        draft("story", "Nul", "a\u0000b", null, null, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("description")).isNotEmpty());

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aFailureLateInTheTransactionLeavesNoHalfWrittenItem(TestApp app) {
    Team team = team(app);
    workflows(app).workflow(team.owner(), team.product().slug());
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                app.database()
                    .tx(
                        h -> {
                          ProductAccess product =
                              app.products().access(h, team.owner(), team.product().slug());
                          items(app)
                              .create(h, team.owner(), product, NewWorkItem.of("epic", "Doomed"));
                          throw new IllegalStateException("the disk is full");
                        }))
        .hasMessage("the disk is full");

    assertThat(footprint(app)).isEqualTo(before);
    assertThat(create(app, team, "epic", "Survivor").key()).isEqualTo("CHK-1");
  }

  // ---- the workflow ----

  @Test
  void aTransitionTheWorkflowDoesNotAllowIsRefusedAndTheItemKeepsItsStatus(TestApp app) {
    Team team = team(app);
    WorkItem item = create(app, team, "story", "Save a card");
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                items(app)
                    .update(team.owner(), item.key(), 1, WorkItemChanges.none().withStatus("Done")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("status"))
                    .isEqualTo(
                        "cannot move from \u201cBacklog\u201d to \u201cDone\u201d;"
                            + " allowed: Ready, In progress, Won't do"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(), item.key(), 1, WorkItemChanges.none().withStatus("Shipped")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("status")).startsWith("must be one of"));

    assertThat(read(app, team.owner(), item)).isEqualTo(item);
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void anItemMovesThroughTheWorkflowOneAllowedStepAtATime(TestApp app) {
    Team team = team(app);
    WorkItem item = create(app, team, "story", "Save a card");
    WorkItem other = create(app, team, "story", "Already in progress");
    other =
        items(app)
            .update(team.owner(), other.key(), 1, WorkItemChanges.none().withStatus("in progress"));

    WorkItem doing =
        items(app)
            .update(team.owner(), item.key(), 1, WorkItemChanges.none().withStatus("In progress"));
    WorkItem review =
        items(app)
            .update(team.owner(), item.key(), 2, WorkItemChanges.none().withStatus("In review"));
    WorkItem same =
        items(app)
            .update(team.owner(), item.key(), 3, WorkItemChanges.none().withStatus("In review"));
    WorkItem done =
        items(app).update(team.owner(), item.key(), 4, WorkItemChanges.none().withStatus("Done"));

    assertThat(doing.state().name()).isEqualTo("In progress");
    assertThat(doing.position()).as("appended to its new column").isGreaterThan(other.position());
    assertThat(review.state().name()).isEqualTo("In review");
    assertThat(same.state()).isEqualTo(review.state());
    assertThat(same.position()).isEqualTo(review.position());
    assertThat(done.state().category()).isEqualTo(StateCategory.DONE);
    assertThat(done.version()).isEqualTo(5);
    assertThat(app.collaboration().activity().forItem(team.owner(), item.key(), 0, 10))
        .extracting(ActivityEntry::action, ActivityEntry::summary)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(
                "work_item.status_changed", "moved " + item.item().label() + " to Done"));
  }

  // ---- optimistic locking ----

  @Test
  void aStaleVersionIsAConflictAndTheFirstWriteStands(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    WorkItem item = create(app, team, "feature", "Saved cards");
    WorkItem bens =
        items(app)
            .update(ben, item.key(), item.version(), WorkItemChanges.none().withTitle("Ben's"));
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        item.key(),
                        item.version(),
                        WorkItemChanges.none().withTitle("Ana's").withStatus("Ready")))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));

    assertThat(read(app, team.owner(), item)).isEqualTo(bens);
    assertThat(bens.title()).isEqualTo("Ben's");
    assertThat(bens.state().name()).isEqualTo("Backlog");
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void anUpdateChangesOnlyTheGivenFieldsAndStampsTheTime(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    WorkItem item =
        items(app)
            .create(
                team.owner(),
                team.product().slug(),
                draft("story", "Save a card", "First notes", "@" + ben.handle(), 3.0, null, null));
    app.clock().advance(Duration.ofMinutes(5));

    WorkItem changed =
        items(app).update(ben, item.key(), 1, WorkItemChanges.none().withTitle("  Save cards  "));

    assertThat(changed.title()).isEqualTo("Save cards");
    assertThat(changed.description()).isEqualTo("First notes");
    assertThat(changed.owner().id()).isEqualTo(ben.id());
    assertThat(changed.estimate()).isEqualTo(3.0);
    assertThat(changed.state()).isEqualTo(item.state());
    assertThat(changed.position()).isEqualTo(item.position());
    assertThat(changed.item().updatedAt()).isEqualTo(app.clock().instant());
    assertThat(changed.item().updatedBy()).isEqualTo(ben.id());
    assertThat(changed.version()).isEqualTo(2);
  }

  @Test
  void anUpdateIsValidatedLikeACreate(TestApp app) {
    Team team = team(app);
    WorkItem item = create(app, team, "story", "Save a card");

    assertThatThrownBy(
            () ->
                items(app)
                    .update(team.owner(), item.key(), 1, WorkItemChanges.none().withTitle(" ")))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("title")).isEqualTo("must not be blank"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        item.key(),
                        1,
                        description("x".repeat(WorkItemService.MAX_DESCRIPTION + 1))))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("description")).isNotEmpty());
    assertThatThrownBy(() -> items(app).update(team.owner(), item.key(), 1, type("saga")))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("type")).isNotEmpty());

    assertThat(read(app, team.owner(), item)).isEqualTo(item);
  }

  @Test
  void twoPeopleChangingTheSameItemAtOnceOneWins(TestApp app) throws Exception {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    WorkItem item = create(app, team, "story", "Save a card");

    int wins =
        Race.successes(
            () ->
                items(app)
                    .update(
                        team.owner(), item.key(), 1, WorkItemChanges.none().withStatus("Ready")),
            () ->
                items(app)
                    .update(ben, item.key(), 1, WorkItemChanges.none().withStatus("In progress")));

    assertThat(wins).isEqualTo(1);
    WorkItem now = read(app, team.owner(), item);
    assertThat(now.version()).isEqualTo(2);
    assertThat(now.state().name()).isIn("Ready", "In progress");
    assertThat(app.collaboration().activity().forItem(team.owner(), item.key(), 0, 10))
        .extracting(ActivityEntry::action)
        .containsExactly("work_item.status_changed", "work_item.created");
  }

  // ---- owners ----

  @Test
  void anOwnerMustBeAWorkspaceMemberNamedByHandleWithOrWithoutAt(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    User ben = team.member(app, Role.VIEWER, "ben");
    User cam = team.member(app, Role.EDITOR, "cam");
    User outsider = user(app, "mallory");

    WorkItem withAt =
        items(app)
            .create(
                team.owner(),
                slug,
                draft("story", "A", null, "@" + ben.handle(), null, null, null));
    WorkItem without =
        items(app)
            .create(
                team.owner(),
                slug,
                draft(
                    "story",
                    "B",
                    null,
                    " " + cam.handle().toUpperCase(java.util.Locale.ROOT) + " ",
                    null,
                    null,
                    null));

    assertThat(withAt.owner()).isEqualTo(new Person(ben.id(), ben.handle(), ben.name()));
    assertThat(without.owner().id()).isEqualTo(cam.id());
    Map<String, Long> before = footprint(app);
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        draft("story", "C", null, "@" + outsider.handle(), null, null, null)))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("owner"))
                    .isEqualTo("no member @" + outsider.handle() + " in this workspace"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        withAt.key(),
                        1,
                        WorkItemChanges.none().withOwner("nobody-" + outsider.id())))
        .isInstanceOf(Invalid.class);
    assertThat(footprint(app)).isEqualTo(before);

    WorkItem handedOver =
        items(app)
            .update(team.owner(), withAt.key(), 1, WorkItemChanges.none().withOwner(cam.handle()));
    WorkItem unowned =
        items(app).update(team.owner(), withAt.key(), 2, WorkItemChanges.none().withOwner("none"));
    assertThat(handedOver.owner().id()).isEqualTo(cam.id());
    assertThat(unowned.owner()).isNull();
    WorkItem unownedToo =
        items(app).update(team.owner(), without.key(), 1, WorkItemChanges.none().withOwner(null));
    assertThat(unownedToo.owner()).isNull();
  }

  // ---- permissions ----

  @Test
  void aViewerCannotCreateOrChangeItemsWhileACommenterCanRead(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    User viewer = team.member(app, Role.VIEWER, "vic");
    User commenter = team.member(app, Role.COMMENTER, "cam");
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(() -> items(app).create(viewer, slug, NewWorkItem.of("story", "Mine")))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining("editor role");
    assertThatThrownBy(() -> items(app).create(commenter, slug, NewWorkItem.of("story", "Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                items(app)
                    .update(viewer, feature.key(), 1, WorkItemChanges.none().withTitle("Mine")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        commenter, feature.key(), 1, WorkItemChanges.none().withStatus("Ready")))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> items(app).delete(viewer, feature.key(), 1))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> items(app).delete(commenter, feature.key(), 1))
        .isInstanceOf(Forbidden.class);
    assertThat(footprint(app)).isEqualTo(before);

    WorkItemService.View view = items(app).get(commenter, feature.key());
    assertThat(view.item()).isEqualTo(feature);
    assertThat(view.access().role()).isEqualTo(Role.COMMENTER);
    assertThat(view.workflow().initial().name()).isEqualTo("Backlog");
    assertThat(view.settings().estimateUnit()).isEqualTo(EstimateUnit.POINTS);
    assertThat(items(app).children(viewer, epic.key()))
        .extracting(WorkItem::id)
        .containsExactly(feature.id());
    assertThat(items(app).roots(viewer, slug, 10))
        .extracting(WorkItem::id)
        .containsExactly(epic.id());
    assertThat(items(app).list(viewer, slug, null, null, null, 10).slice().total()).isEqualTo(2);

    items(app).delete(team.owner(), feature.key(), 1);
    assertThatThrownBy(() -> items(app).restore(viewer, feature.key()))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void nonMembersSeeNoItems(TestApp app) {
    Team team = team(app);
    WorkItem item = create(app, team, "epic", "Cards");
    User outsider = user(app, "mallory");
    String slug = team.product().slug();

    assertThatThrownBy(() -> items(app).get(outsider, item.key())).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).get(outsider, Long.toString(item.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).children(outsider, Long.toString(item.id())))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).roots(outsider, slug, 10)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).list(outsider, slug, null, null, null, 10))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).create(outsider, slug, NewWorkItem.of("story", "X")))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        outsider,
                        Long.toString(item.id()),
                        1,
                        WorkItemChanges.none().withTitle("X")))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).delete(outsider, Long.toString(item.id()), 1))
        .isInstanceOf(NotFound.class);
  }

  // ---- activity ----

  @Test
  void creatingChangingDeletingAndRestoringAreRecordedWithValuesBeforeAndAfter(TestApp app)
      throws Exception {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    WorkItem item = create(app, team, "feature", "Saved cards");
    items(app).update(ben, item.key(), 1, WorkItemChanges.none().withTitle("One-click cards"));
    items(app).update(ben, item.key(), 2, WorkItemChanges.none().withStatus("Ready"));
    items(app).update(ben, item.key(), 3, WorkItemChanges.none().withTitle("One-click cards"));

    List<ActivityEntry> feed =
        app.collaboration().activity().forItem(team.owner(), item.key(), 0, 10);

    assertThat(feed)
        .extracting(ActivityEntry::action)
        .containsExactly("work_item.status_changed", "work_item.updated", "work_item.created");
    ActivityEntry created = feed.get(2);
    assertThat(created.summary())
        .isEqualTo("created the feature " + item.key() + " \u201cSaved cards\u201d");
    assertThat(created.actorId()).isEqualTo(team.owner().id());
    assertThat(created.productId()).isEqualTo(team.product().id());
    assertThat(json(created.afterJson()).path("status").asText()).isEqualTo("Backlog");
    assertThat(json(created.afterJson()).path("type").asText()).isEqualTo("feature");
    ActivityEntry edited = feed.get(1);
    assertThat(edited.actorId()).isEqualTo(ben.id());
    assertThat(json(edited.beforeJson())).isEqualTo(json("{\"title\":\"Saved cards\"}"));
    assertThat(json(edited.afterJson())).isEqualTo(json("{\"title\":\"One-click cards\"}"));
    ActivityEntry moved = feed.get(0);
    assertThat(moved.summary())
        .isEqualTo("moved " + item.key() + " \u201cOne-click cards\u201d to Ready");
    assertThat(json(moved.beforeJson())).isEqualTo(json("{\"status\":\"Backlog\"}"));
    assertThat(json(moved.afterJson())).isEqualTo(json("{\"status\":\"Ready\"}"));

    items(app).delete(team.owner(), item.key(), 4);
    items(app).restore(team.owner(), item.key());

    WorkspaceAccess ws = app.workspaces().access(team.owner(), team.workspace().slug());
    List<ActivityEntry> audit = app.collaboration().activity().auditLog(ws, 0, 3);
    assertThat(audit)
        .extracting(ActivityEntry::action)
        .containsExactly("work_item.restored", "work_item.deleted", "work_item.status_changed");
    assertThat(audit).allMatch(e -> e.entityId() != null && e.entityId() == item.id());
    assertThat(json(audit.get(1).beforeJson())).isEqualTo(json("{\"title\":\"One-click cards\"}"));
  }

  @Test
  void mentioningSomeoneInTheDescriptionNotifiesThemOnce(TestApp app) {
    Team team = team(app);
    User ben = team.member(app, Role.EDITOR, "ben");
    String slug = team.product().slug();

    WorkItem item =
        items(app)
            .create(
                team.owner(),
                slug,
                draft(
                    "story",
                    "Save a card",
                    "@" + ben.handle() + " please look",
                    null,
                    null,
                    null,
                    null));
    items(app)
        .update(
            team.owner(), item.key(), 1, description("@" + ben.handle() + " please look again"));

    assertThat(app.collaboration().notifications().count(ben, false)).isEqualTo(1);
  }

  // ---- links between work items ----

  @Test
  void aDependsOnCycleBetweenWorkItemsIsRefused(TestApp app) {
    Team team = team(app);
    User ana = team.owner();
    WorkItem a = create(app, team, "story", "Save a card");
    WorkItem b = create(app, team, "story", "Pay with a saved card");
    WorkItem c = create(app, team, "story", "Remove a saved card");
    app.collaboration().links().add(ana, a.key(), b.key(), "depends-on");
    app.collaboration().links().add(ana, b.key(), c.key(), "depends-on");

    assertThatThrownBy(() -> app.collaboration().links().add(ana, c.key(), a.key(), "depends-on"))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("target"))
                    .isEqualTo(
                        "this dependency would make a cycle: "
                            + String.join(" \u2192 ", c.key(), a.key(), b.key(), c.key())));

    assertThat(app.collaboration().links().list(ana, c.key()))
        .extracting(Link::outgoing)
        .containsExactly(false);
    // A link of another type between the same items is no dependency.
    app.collaboration().links().add(ana, c.key(), a.key(), "relates-to");
  }
}
