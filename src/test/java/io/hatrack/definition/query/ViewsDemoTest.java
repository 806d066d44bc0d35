package io.hatrack.definition.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ViewsDemoTest {

  @Test
  void checkoutHasAnasOpenItemsTheSavedCardsBoardARiskBoardAndTheBugs(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();

    var views = app.app().definition().views().list(ana, "checkout");

    assertThat(views)
        .extracting(SavedView::name, v -> v.layout().id())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bugs", "list"),
            org.assertj.core.groups.Tuple.tuple("My open items", "list"),
            org.assertj.core.groups.Tuple.tuple("Risk board", "board"),
            org.assertj.core.groups.Tuple.tuple("Saved cards board", "board"));
    assertThat(views.get(2).groupBy()).isEqualTo("risk");
    assertThat(views.get(1).query()).startsWith("owner:me -category:done");
    assertThat(views.get(0).query()).isEqualTo("type:bug");
  }

  @Test
  void theBoardShowsEverythingUnderTheSavedPaymentMethodsEpicWhenItExists(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    // The work items' demo made the epic; the view follows the first item of that title.
    var epic =
        app.app()
            .definition()
            .workItems()
            .list(ana, "checkout", "epic", "\"" + ViewsDemo.EPIC + "\"", "key", null, 1)
            .slice()
            .items()
            .get(0);
    var seed =
        new ViewsDemo(
            app.database(), app.app().definition().views(), app.products(), new QueryStore());
    app.database()
        .txVoid(
            h -> h.execute("DELETE FROM saved_view WHERE product_id = ?", epic.item().productId()));

    seed.seed(
        new DemoStory(
            app.workspaces().mine(ana).get(0).workspace(),
            java.util.Map.of("ana", ana),
            app.products().access(ana, "checkout").product(),
            app.products().access(ana, "mobile").product(),
            new io.hatrack.kernel.demo.DemoClock(app.clock().instant())));

    assertThat(app.app().definition().views().list(ana, "checkout"))
        .filteredOn(v -> v.name().equals("Saved cards board"))
        .extracting(SavedView::query)
        .containsExactly("under:" + epic.key());
  }
}
