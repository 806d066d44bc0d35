package io.hatrack.delivery.ceremonies;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.FeedbackSource;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.testing.Fresh;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's ceremonies of the Payments team: stand-ups with one open and one resolved blocker, a
 * sprint review with two stakeholders' feedback linked to demoed items, a voted and grouped
 * retrospective with one action item done and one open, and a later retro where the open one shows.
 */
@OnEveryDatabase
class CeremoniesDemoTest {

  @Test
  void thePaymentsTeamHasStandUpsAReviewAndTwoRetrospectives(@Fresh TestApp app) {
    assertThat(app.app().seedDemoIfEmpty()).isTrue();
    User ana = app.accounts().byEmail(DemoStory.LOGIN_EMAIL).orElseThrow();
    Ceremonies c = app.app().delivery().ceremonies();
    LocalDate today = LocalDate.ofInstant(app.clock().instant(), ZoneOffset.UTC);
    List<LocalDate> days = CeremoniesDemo.workingDays(today, 4);

    StandupService.Day first =
        c.standups().day(ana, "northwind", "payments", days.get(0).toString());
    StandupService.Day now = c.standups().day(ana, "northwind", "payments", today.toString());
    assertThat(first.entries())
        .extracting(e -> e.handle())
        .containsExactlyInAnyOrder("ben", "femi");
    assertThat(first.shown()).hasSize(1);
    assertThat(now.shown()).hasSize(2);
    assertThat(now.summary().openBlockers())
        .extracting(Blocker::text)
        .singleElement()
        .asString()
        .contains("cut-off");
    assertThat(now.shown())
        .filteredOn(b -> !b.open())
        .extracting(Blocker::resolvedByName)
        .containsExactly("Ana Lima");
    assertThat(now.summary().posted()).extracting(m -> m.handle()).containsExactly("ben");
    assertThat(now.summary().missing()).extracting(m -> m.handle()).containsExactly("femi");

    ReviewService.Listing reviews = c.reviews().list(ana, "northwind", "payments");
    assertThat(reviews.reviews()).hasSize(1);
    ReviewService.Detail review =
        c.reviews().get(ana, "northwind", "payments", reviews.reviews().get(0).id());
    assertThat(review.items())
        .extracting(i -> i.title())
        .containsExactly("3-D Secure retry", "Next-day payouts");
    assertThat(review.feedback()).hasSize(2);
    assertThat(review.feedback())
        .extracting(ReviewFeedback::stakeholder)
        .containsExactly("Maria Rossi (Acme Freight)", "Dev Patel");
    assertThat(review.feedback()).allMatch(f -> f.items().size() == 1);
    assertThat(
            app.app()
                .discovery()
                .feedback()
                .service()
                .get(ana, review.feedback().get(0).key())
                .feedback()
                .source())
        .isEqualTo(FeedbackSource.SPRINT_REVIEW);

    List<Retro> retros = c.retros().list(ana, "northwind", "payments").retros();
    assertThat(retros)
        .extracting(Retro::title)
        .containsExactly("Sprint 14 retrospective", "Sprint 13 retrospective");
    RetroService.Board sprint13 =
        c.retros().board(ana, "northwind", "payments", retros.get(1).id());
    assertThat(sprint13.retro().format()).isEqualTo(RetroFormat.START_STOP_CONTINUE);
    assertThat(sprint13.groups()).hasSize(1);
    assertThat(sprint13.cards().stream().mapToInt(RetroCard::votes).sum()).isEqualTo(9);
    assertThat(sprint13.actions())
        .extracting(ActionItem::done)
        .containsExactlyInAnyOrder(true, false);
    RetroService.Board sprint14 =
        c.retros().board(ana, "northwind", "payments", retros.get(0).id());
    assertThat(sprint14.carried())
        .extracting(ActionItem::text)
        .singleElement()
        .asString()
        .contains("cut-off");
  }
}
