package io.hatrack;

import static io.hatrack.testing.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.Product;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TableDump;
import io.hatrack.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class DemoSeedTest {

  private static User signInAsAna(TestApp app) {
    return app.sessions()
        .signIn(DemoStory.LOGIN_EMAIL, DemoStory.PASSWORD, "demo-test", null)
        .user();
  }

  @Test
  void anEmptyInstallationGetsNorthwindLabsWithItsPeopleAndProducts(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();

    User ana = signInAsAna(app);
    assertThat(app.workspaces().mine(ana))
        .singleElement()
        .satisfies(
            access -> {
              assertThat(access.workspace().name()).isEqualTo("Northwind Labs");
              assertThat(access.workspace().slug()).isEqualTo("northwind");
              assertThat(access.role()).isEqualTo(Role.OWNER);
            });
    assertThat(app.workspaces().members(ana, "northwind"))
        .extracting(m -> m.user().handle(), Member::role)
        .containsExactlyInAnyOrder(
            tuple("ana", Role.OWNER),
            tuple("ben", Role.EDITOR),
            tuple("chloe", Role.EDITOR),
            tuple("dev", Role.COMMENTER),
            tuple("eva", Role.COMMENTER),
            tuple("femi", Role.ADMIN));
    assertThat(app.products().list(ana, "northwind"))
        .extracting(Product::key, Product::name)
        .containsExactly(tuple("CHK", "Checkout"), tuple("MOB", "Mobile"));
  }

  @Test
  void theDemoHasPagesCommentsLinksTagsAndNotifications(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana = signInAsAna(app);

    List<Item> checkoutPages = app.pages().list(ana, "checkout", null, 50).items();
    List<Item> mobilePages = app.pages().list(ana, "mobile", null, 50).items();

    assertThat(checkoutPages)
        .extracting(Item::title)
        .contains("Checkout vision 2027", "Interview notes: Brightwave Retail")
        .hasSize(4);
    assertThat(mobilePages)
        .extracting(Item::title)
        .containsExactly("Mobile payouts: open questions");
    // Comments on pages only: every hat's demo adds comments on its own items.
    long pageComments =
        app.database()
            .read(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM comment c JOIN entity e ON e.id = c.entity_id"
                                + " WHERE e.kind = 'page'")
                        .mapTo(Long.class)
                        .one());
    assertThat(pageComments).isEqualTo(6);
    assertThat(app.collaboration().comments().list(ana, "CHK-1", 0, 10).total()).isEqualTo(3);
    assertThat(app.collaboration().tags().list(ana, "CHK-1")).containsExactly("2027", "strategy");
    assertThat(app.collaboration().links().list(ana, "CHK-1"))
        .extracting(l -> l.other().key(), l -> l.label())
        .containsExactlyInAnyOrder(tuple("CHK-2", "supported by"), tuple("CHK-3", "relates to"));
    assertThat(app.pages().get(ana, "CHK-1").page().body()).contains("baseline re-measured");
    User femi = app.accounts().byEmail("femi@northwind.example").orElseThrow();
    assertThat(app.collaboration().notifications().unreadCount(femi)).isPositive();
  }

  @Test
  void seedingAgainReturnsFalseAndChangesNothing(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    Map<String, List<List<Object>>> seeded = TableDump.of(app.database());

    assertThat(app.app().seedDemoIfEmpty()).isFalse();

    assertThat(TableDump.of(app.database())).isEqualTo(seeded);
  }

  @Test
  void anInstallationWithAnyAccountIsNotSeeded(@Fresh TestApp app) {
    User someone = user(app, "someone");

    assertThat(app.app().seedDemoIfEmpty()).isFalse();

    assertThat(app.accounts().byEmail(DemoStory.LOGIN_EMAIL)).isEmpty();
    assertThat(app.workspaces().mine(someone)).isEmpty();
    assertThat(app.count("workspace")).isZero();
  }

  @Test
  void theDemoHasAHierarchyOfAboutSixtyWorkItemsFromTheObjectiveDownToStories(@Fresh TestApp app) {
    app.app().seedDemoIfEmpty();
    User ana = signInAsAna(app);
    var items = app.app().definition().workItems();

    var listing = items.list(ana, "checkout", null, null, null, 200);
    var story = items.list(ana, "checkout", null, "Pay with a saved card", null, 5);

    // The sprints' demo (delivery hat) adds the stories of Payments' and Checkout web's sprints.
    long sprintWork =
        listing.slice().items().stream()
            .filter(w -> w.description().startsWith("Planned for sprint"))
            .count();
    assertThat(listing.slice().total() - sprintWork).isBetween(55L, 80L);
    assertThat(listing.slice().items())
        .extracting(w -> w.type().id())
        .contains("objective", "initiative", "epic", "feature", "story", "bug", "task");
    assertThat(story.slice().items()).hasSize(1);
    var chain = new java.util.ArrayList<String>();
    var current = items.get(ana, story.slice().items().get(0).key()).item();
    while (current.parent() != null) {
      chain.add(current.parent().title());
      current = items.get(ana, current.parent().key()).item();
    }
    assertThat(chain)
        .containsExactly(
            "One-click saved cards",
            "Saved payment methods",
            "Reduce checkout drop-off",
            "Grow payment volume 30 % this year");
  }
}
