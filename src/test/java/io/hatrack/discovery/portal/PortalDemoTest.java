package io.hatrack.discovery.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's Checkout portal: twelve ideas with votes, statuses, links, a merge, a mail. */
@OnEveryDatabase
class PortalDemoTest {
  @Test
  void checkoutsPortalHasTwelveVotedIdeasSomeLinkedToFeatures(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    Portal portal = app.app().discovery().portal();

    PortalService.Board board =
        portal.portal().board("checkout", Visitor.ANONYMOUS, PortalStore.Order.TOP, null, 0, 50);

    assertThat(board.settings().enabled()).isTrue();
    assertThat(board.ideas()).hasSize(12);
    assertThat(board.ideas()).allSatisfy(i -> assertThat(i.votes()).isBetween(10, 60));
    assertThat(board.ideas().get(0).title()).isEqualTo("Save cards for returning customers");
    assertThat(board.ideas().get(0).votes())
        .as("54, and three new voters of the duplicate")
        .isEqualTo(57);
    assertThat(board.ideas())
        .extracting(Idea::status)
        .contains(IdeaStatus.PLANNED, IdeaStatus.IN_PROGRESS, IdeaStatus.DONE);
    long linked =
        board.ideas().stream()
            .filter(i -> !portal.moderation().idea(ana, "checkout", i.id()).links().isEmpty())
            .count();
    assertThat(linked).isEqualTo(3);
    List<Idea> merged =
        portal
            .moderation()
            .ideas(
                ana,
                "checkout",
                new PortalModeration.Filter(null, null, PortalStore.Order.NEW, 0, 50))
            .ideas()
            .stream()
            .filter(i -> i.mergedInto() != null)
            .toList();
    assertThat(merged).extracting(Idea::title).containsExactly("Remember my card next time");
    assertThat(portal.outbox().open()).isTrue();
    assertThat(portal.outbox().mails(null, "lena@example.com", 5)).hasSize(1);
  }
}
