package io.hatrack.definition;

import static io.hatrack.definition.WorkItems.create;
import static io.hatrack.definition.WorkItems.footprint;
import static io.hatrack.definition.WorkItems.items;
import static io.hatrack.definition.WorkItems.keys;
import static io.hatrack.definition.WorkItems.read;
import static io.hatrack.definition.WorkItems.type;
import static io.hatrack.testing.Fixtures.page;
import static io.hatrack.testing.Fixtures.product;
import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.work.Product;
import io.hatrack.pages.Page;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Work items in the hierarchy: parents by type, moves, cycles, ranks, deleting and restoring. */
@OnEveryDatabase
class WorkItemHierarchyTest {
  // ---- the hierarchy ----

  @Test
  void itemsNestFromObjectiveDownToTasks(TestApp app) {
    Team team = team(app);

    WorkItem objective = create(app, team, "objective", "Grow payment volume");
    WorkItem initiative = create(app, team, "initiative", "Reduce drop-off", objective);
    WorkItem epic = create(app, team, "epic", "Saved payment methods", initiative);
    WorkItem feature = create(app, team, "feature", "One-click saved cards", epic);
    WorkItem story = create(app, team, "story", "Pay with a saved card", feature);
    WorkItem bug = create(app, team, "bug", "Card list empty on Safari", story);
    WorkItem task = create(app, team, "task", "Reproduce on Safari 17", bug);

    assertThat(feature.parent())
        .isEqualTo(new WorkItem.ParentRef(epic.id(), epic.key(), epic.title(), WorkItemType.EPIC));
    assertThat(task.parent().key()).isEqualTo(bug.key());
    assertThat(items(app).children(team.owner(), epic.key()))
        .extracting(WorkItem::id)
        .containsExactly(feature.id());
    assertThat(read(app, team.owner(), story).children()).isEqualTo(1);
    assertThat(items(app).roots(team.owner(), team.product().slug(), 10))
        .extracting(WorkItem::id)
        .containsExactly(objective.id());
    // Skipping levels is fine where the rules allow it.
    WorkItem directTask = create(app, team, "task", "Ask the bank", epic);
    assertThat(directTask.parent().id()).isEqualTo(epic.id());
    assertThat(items(app).children(team.owner(), epic.key()))
        .extracting(WorkItem::id)
        .containsExactly(feature.id(), directTask.id());
  }

  @Test
  void aParentOfTheWrongTypeIsRefusedNamingTheAllowedTypes(TestApp app) {
    Team team = team(app);
    WorkItem objective = create(app, team, "objective", "Grow");
    WorkItem initiative = create(app, team, "initiative", "Reduce drop-off", objective);
    WorkItem story = create(app, team, "story", "Loose story");
    String slug = team.product().slug();
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("story", "Misplaced").withParent(initiative.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo(
                        "a story cannot sit under a initiative (it may sit under: epic,"
                            + " feature)"));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("objective", "Sub-objective").withParent(objective.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo(
                        "a objective cannot sit under a objective (it is always at the top)"));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("epic", "Upside down").withParent(story.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .contains("it may sit under: objective, initiative"));

    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void aParentMustBeALiveWorkItemOfTheSameProduct(TestApp app) {
    Team team = team(app);
    String slug = team.product().slug();
    Page page = page(app, team.owner(), team.product());
    Product other = product(app, team.owner(), team.workspace(), "PAY");
    WorkItem elsewhere =
        items(app).create(team.owner(), other.slug(), NewWorkItem.of("epic", "Elsewhere"));
    WorkItem gone = create(app, team, "epic", "Gone");
    items(app).delete(team.owner(), gone.key(), gone.version());
    Team strangers = team(app);
    WorkItem foreign =
        items(app)
            .create(strangers.owner(), strangers.product().slug(), NewWorkItem.of("epic", "X"));

    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("feature", "F").withParent(page.item().key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo(
                        page.item().key() + " is not a work item of " + team.product().name()));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("feature", "F").withParent(elsewhere.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("parent")).contains("is not a work item of"));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(), slug, NewWorkItem.of("feature", "F").withParent(gone.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo("no work item " + gone.key() + " that you can see"));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(),
                        slug,
                        NewWorkItem.of("feature", "F").withParent(Long.toString(foreign.id()))))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("parent")).startsWith("no work item"));
    assertThatThrownBy(
            () ->
                items(app)
                    .create(
                        team.owner(), slug, NewWorkItem.of("feature", "F").withParent("CHK-999")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo("no work item CHK-999 that you can see"));
  }

  @Test
  void movingAnItemReParentsItAndItsChildrenMoveWithIt(TestApp app) {
    Team team = team(app);
    WorkItem from = create(app, team, "epic", "Cards");
    WorkItem to = create(app, team, "epic", "Wallets");
    WorkItem feature = create(app, team, "feature", "One-click", from);
    WorkItem s1 = create(app, team, "story", "Save a card", feature);
    WorkItem s2 = create(app, team, "story", "Pay with a card", feature);

    WorkItem moved =
        items(app)
            .update(
                team.owner(),
                feature.key(),
                feature.version(),
                WorkItemChanges.none().withParent(to.key()));

    assertThat(moved.parent().id()).isEqualTo(to.id());
    assertThat(moved.version()).isEqualTo(2);
    assertThat(moved.children()).isEqualTo(2);
    assertThat(items(app).children(team.owner(), from.key())).isEmpty();
    assertThat(items(app).children(team.owner(), to.key()))
        .extracting(WorkItem::id)
        .containsExactly(feature.id());
    assertThat(items(app).children(team.owner(), feature.key()))
        .extracting(WorkItem::id)
        .containsExactly(s1.id(), s2.id());
    assertThat(read(app, team.owner(), s1).version()).isEqualTo(1);
    List<ActivityEntry> feed =
        app.collaboration().activity().forItem(team.owner(), feature.key(), 0, 1);
    assertThat(feed.get(0).summary())
        .isEqualTo("moved " + feature.item().label() + " under " + to.key());
  }

  @Test
  void movingAnItemToTheTopLevelMakesItARoot(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);

    WorkItem top =
        items(app)
            .update(team.owner(), feature.key(), 1, WorkItemChanges.none().withParent("none"));
    WorkItem back =
        items(app)
            .update(team.owner(), feature.key(), 2, WorkItemChanges.none().withParent(epic.key()));
    WorkItem topAgain =
        items(app).update(team.owner(), feature.key(), 3, WorkItemChanges.none().withParent(null));

    assertThat(top.parent()).isNull();
    assertThat(back.parent().id()).isEqualTo(epic.id());
    assertThat(topAgain.parent()).isNull();
    assertThat(items(app).roots(team.owner(), team.product().slug(), 10))
        .extracting(WorkItem::id)
        .containsExactlyInAnyOrder(epic.id(), feature.id());
    assertThat(
            app.collaboration()
                .activity()
                .forItem(team.owner(), feature.key(), 0, 1)
                .get(0)
                .summary())
        .isEqualTo("moved " + feature.item().label() + " to the top level");
  }

  @Test
  void movingAnItemUnderItsOwnDescendantIsRefusedAsACycleAndNothingChanges(TestApp app) {
    Team team = team(app);
    WorkItem initiative = create(app, team, "initiative", "Reduce drop-off");
    WorkItem epic = create(app, team, "epic", "Cards", initiative);
    WorkItem feature = create(app, team, "feature", "One-click", epic);
    WorkItem story = create(app, team, "story", "Save a card", feature);
    WorkItem epicBefore = read(app, team.owner(), epic);
    Map<String, Long> before = footprint(app);

    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        epic.key(),
                        epic.version(),
                        WorkItemChanges.none().withParent(story.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo(
                        story.key()
                            + " sits under "
                            + epic.key()
                            + ", so "
                            + epic.key()
                            + " cannot move under it (that would be a loop)"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        initiative.key(),
                        initiative.version(),
                        WorkItemChanges.none().withParent(feature.key())))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("parent")).contains("loop"));
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        epic.key(),
                        epic.version(),
                        WorkItemChanges.none().withParent(epic.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("parent")).isEqualTo("an item cannot be its own parent"));

    assertThat(read(app, team.owner(), epic)).isEqualTo(epicBefore);
    assertThat(read(app, team.owner(), initiative).parent()).isNull();
    assertThat(footprint(app)).isEqualTo(before);
  }

  @Test
  void movingAnItemUnderAParentOfTheWrongTypeIsRefused(TestApp app) {
    Team team = team(app);
    WorkItem initiative = create(app, team, "initiative", "Reduce drop-off");
    WorkItem epic = create(app, team, "epic", "Cards", initiative);
    WorkItem story = create(app, team, "story", "Save a card", epic);

    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        story.key(),
                        1,
                        WorkItemChanges.none().withParent(initiative.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("parent")).contains("it may sit under: epic, feature"));

    assertThat(read(app, team.owner(), story).parent().id()).isEqualTo(epic.id());
  }

  @Test
  void changingTheTypeMustFitBothTheParentAndTheChildren(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);
    create(app, team, "story", "Save a card", feature);
    WorkItem loose = create(app, team, "story", "Loose", epic);

    assertThatThrownBy(() -> items(app).update(team.owner(), feature.key(), 1, type("story")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("type"))
                    .startsWith("its child ")
                    .endsWith("(a story) cannot sit under a story; move it first"));
    assertThatThrownBy(() -> items(app).update(team.owner(), loose.key(), 1, type("objective")))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.reasonFor("parent"))
                    .isEqualTo("a objective cannot sit under a epic (it is always at the top)"));

    WorkItem bug = items(app).update(team.owner(), loose.key(), 1, type("Bug"));
    assertThat(bug.type()).isEqualTo(WorkItemType.BUG);
    assertThat(read(app, team.owner(), feature).type()).isEqualTo(WorkItemType.FEATURE);
  }

  @Test
  void rootsAndChildrenComeInRankOrderAndAMoveBetweenNeighboursReranks(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem a = create(app, team, "story", "A", epic);
    WorkItem b = create(app, team, "story", "B", epic);
    WorkItem c = create(app, team, "story", "C", epic);

    double between = WorkItemService.between(a.position(), b.position());
    items(app).update(team.owner(), c.key(), 1, WorkItemChanges.none().withPosition(between));
    double first = WorkItemService.between(null, a.position());
    items(app).update(team.owner(), b.key(), 1, WorkItemChanges.none().withPosition(first));

    assertThat(keys(items(app).children(team.owner(), epic.key())))
        .containsExactly(b.key(), a.key(), c.key());
    assertThat(items(app).roots(team.owner(), team.product().slug(), 10))
        .extracting(WorkItem::id)
        .containsExactly(epic.id());
    assertThat(items(app).roots(team.owner(), team.product().slug(), 0)).isEmpty();
  }

  // ---- deleting and restoring ----

  @Test
  void deletingMovesChildrenUpToTheDeletedItemsParentAndRestoringBringsTheItemBack(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);
    WorkItem s1 = create(app, team, "story", "Save a card", feature);
    WorkItem s2 = create(app, team, "story", "Pay with a card", feature);

    int moved = items(app).delete(team.owner(), feature.key(), feature.version());

    assertThat(moved).isEqualTo(2);
    assertThatThrownBy(() -> items(app).get(team.owner(), feature.key()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(
            () ->
                items(app)
                    .update(team.owner(), feature.key(), 2, WorkItemChanges.none().withTitle("Z")))
        .isInstanceOf(NotFound.class);
    assertThat(items(app).children(team.owner(), epic.key()))
        .extracting(WorkItem::id)
        .containsExactlyInAnyOrder(s1.id(), s2.id());
    assertThat(read(app, team.owner(), s1).parent().id()).isEqualTo(epic.id());
    assertThat(read(app, team.owner(), epic).children()).isEqualTo(2);
    assertThat(items(app).list(team.owner(), team.product().slug(), null, null, null, 10).slice())
        .extracting(Slice::total)
        .isEqualTo(3L);

    WorkItem restored = items(app).restore(team.owner(), feature.key());

    assertThat(restored.title()).isEqualTo("One-click");
    assertThat(restored.version()).isEqualTo(3);
    assertThat(restored.parent().id()).isEqualTo(epic.id());
    assertThat(restored.children()).isZero();
    assertThat(read(app, team.owner(), feature)).isEqualTo(restored);
    assertThat(items(app).children(team.owner(), epic.key()))
        .extracting(WorkItem::id)
        .containsExactlyInAnyOrder(feature.id(), s1.id(), s2.id());
  }

  @Test
  void aChildMovedUpByADeleteUnderAParentItsTypeWouldNotChooseCanStillBeEdited(TestApp app) {
    // Deleting the feature puts its story directly under the initiative, which the rules would
    // refuse for a new story; editing the story's other fields must still work.
    Team team = team(app);
    WorkItem initiative = create(app, team, "initiative", "Reduce drop-off");
    WorkItem feature = create(app, team, "feature", "One-click", initiative);
    WorkItem story = create(app, team, "story", "Save a card", feature);
    items(app).delete(team.owner(), feature.key(), 1);

    WorkItem edited =
        items(app)
            .update(
                team.owner(),
                story.key(),
                1,
                WorkItemChanges.none().withTitle("Save a card once").withStatus("Ready"));

    assertThat(edited.title()).isEqualTo("Save a card once");
    assertThat(edited.parent().id()).isEqualTo(initiative.id());
    assertThatThrownBy(
            () ->
                items(app)
                    .update(
                        team.owner(),
                        story.key(),
                        2,
                        WorkItemChanges.none().withParent(initiative.key())))
        .isInstanceOfSatisfying(
            Invalid.class,
            e -> assertThat(e.reasonFor("parent")).contains("it may sit under: epic, feature"));
    assertThatThrownBy(() -> items(app).update(team.owner(), story.key(), 2, type("bug")))
        .as("a type change is checked against the parent it sits under")
        .isInstanceOf(Invalid.class);
  }

  @Test
  void deletingATopLevelItemMakesItsChildrenRoots(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);

    assertThat(items(app).delete(team.owner(), epic.key(), 1)).isEqualTo(1);

    assertThat(read(app, team.owner(), feature).parent()).isNull();
    assertThat(items(app).roots(team.owner(), team.product().slug(), 10))
        .extracting(WorkItem::id)
        .containsExactly(feature.id());
  }

  @Test
  void deletingAtAStaleVersionIsAConflictAndTheChildrenStay(TestApp app) {
    Team team = team(app);
    WorkItem epic = create(app, team, "epic", "Cards");
    WorkItem feature = create(app, team, "feature", "One-click", epic);
    items(app).update(team.owner(), epic.key(), 1, WorkItemChanges.none().withTitle("Cards 2"));

    assertThatThrownBy(() -> items(app).delete(team.owner(), epic.key(), 1))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThatThrownBy(() -> items(app).restore(team.owner(), epic.key()))
        .isInstanceOf(Conflict.class)
        .hasMessageContaining("not deleted");

    assertThat(read(app, team.owner(), feature).parent().id()).isEqualTo(epic.id());
  }

  @Test
  void onlyWorkItemsAreFoundHere(TestApp app) {
    Team team = team(app);
    Page page = page(app, team.owner(), team.product());

    assertThatThrownBy(() -> items(app).get(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> items(app).children(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class);
    app.pages().delete(team.owner(), page.item().key(), page.version());
    assertThatThrownBy(() -> items(app).restore(team.owner(), page.item().key()))
        .isInstanceOf(NotFound.class);
  }
}
