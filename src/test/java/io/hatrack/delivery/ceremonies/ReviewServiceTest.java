package io.hatrack.delivery.ceremonies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackSource;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ReviewServiceTest {

  private static WorkItem feature(TestApp app, CeremonyFixtures.Crew c, String title) {
    return app.app()
        .definition()
        .workItems()
        .create(c.olivia(), c.base().product().slug(), NewWorkItem.of("feature", title));
  }

  private static ReviewService reviews(TestApp app) {
    return CeremonyFixtures.ceremonies(app).reviews();
  }

  @Test
  void aReviewNamesItsDemoedItemsAndWhoWasThereMembersAndGuests(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    WorkItem cards = feature(app, c, "Saved cards");
    WorkItem payouts = feature(app, c, "Next-day payouts");

    ReviewService.Detail d =
        reviews(app)
            .create(
                c.olivia(),
                c.ws(),
                c.team(),
                new ReviewDraft(
                    "2027-03-05",
                    "Sprint 14 review",
                    "Sprint 14",
                    null,
                    List.of(cards.key(), payouts.key()),
                    List.of(c.ben().handle()),
                    List.of("Maria Rossi (Acme)")));

    assertThat(d.items()).extracting(i -> i.key()).containsExactly(cards.key(), payouts.key());
    assertThat(d.stakeholders())
        .extracting(Stakeholder::name)
        .containsExactly("Ben", "Maria Rossi (Acme)");
    assertThat(d.stakeholders()).extracting(Stakeholder::member).containsExactly(true, false);
    assertThat(d.review().sprint()).isEqualTo("Sprint 14");
    assertThat(reviews(app).list(c.vic(), c.ws(), c.team()).reviews()).hasSize(1);
  }

  @Test
  void feedbackBecomesSprintReviewFeedbackLinkedToTheItemsItIsAbout(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    WorkItem cards = feature(app, c, "Saved cards");
    WorkItem payouts = feature(app, c, "Next-day payouts");
    ReviewService.Detail d =
        reviews(app)
            .create(
                c.olivia(),
                c.ws(),
                c.team(),
                new ReviewDraft(
                    null,
                    "Review",
                    null,
                    null,
                    List.of(cards.key(), payouts.key()),
                    null,
                    List.of("Maria")));
    long maria = d.stakeholders().get(0).id();

    ReviewFeedback f =
        reviews(app)
            .addFeedback(
                c.olivia(),
                c.ws(),
                c.team(),
                d.review().id(),
                new ReviewService.FeedbackInput(
                    Long.toString(maria), "We need cards saved per buyer", List.of(cards.key())));
    ReviewFeedback all =
        reviews(app)
            .addFeedback(
                c.olivia(),
                c.ws(),
                c.team(),
                d.review().id(),
                new ReviewService.FeedbackInput("maria", "Looks great", null));
    Feedback item = app.app().discovery().feedback().service().get(c.olivia(), f.key()).feedback();

    assertThat(f.stakeholder()).isEqualTo("Maria");
    assertThat(f.items()).containsExactly(cards.key());
    assertThat(all.items()).containsExactly(cards.key(), payouts.key());
    assertThat(item.source()).isEqualTo(FeedbackSource.SPRINT_REVIEW);
    assertThat(app.collaboration().links().list(c.olivia(), f.key()))
        .anyMatch(l -> l.type().equals("supports") && l.outgoing() && l.other().id() == cards.id());
    assertThat(reviews(app).get(c.vic(), c.ws(), c.team(), d.review().id()).feedback()).hasSize(2);
  }

  @Test
  void anUnknownItemKeyOrStakeholderIsRefusedAndNothingIsHalfWritten(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    WorkItem cards = feature(app, c, "Saved cards");
    long reviews = app.count("sprint_review");
    long feedback = app.count("feedback");

    assertThatThrownBy(
            () ->
                reviews(app)
                    .create(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        new ReviewDraft(
                            null,
                            "Review",
                            null,
                            null,
                            List.of(cards.key(), "CHK-9999"),
                            null,
                            null)))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.getMessage()).contains("items").contains("CHK-9999"));
    assertThat(app.count("sprint_review")).isEqualTo(reviews);

    ReviewService.Detail d =
        reviews(app)
            .create(
                c.olivia(),
                c.ws(),
                c.team(),
                new ReviewDraft(null, "Review", null, null, List.of(cards.key()), null, null));
    assertThatThrownBy(
            () ->
                reviews(app)
                    .addFeedback(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        d.review().id(),
                        new ReviewService.FeedbackInput("Nobody", "Hm", null)))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () ->
                reviews(app)
                    .addFeedback(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        d.review().id(),
                        new ReviewService.FeedbackInput(null, "Hm", List.of("CHK-9999"))))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(
            () ->
                reviews(app)
                    .addFeedback(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        d.review().id(),
                        new ReviewService.FeedbackInput(null, "  ", null)))
        .isInstanceOf(Invalid.class);
    assertThat(app.count("feedback")).isEqualTo(feedback);
    assertThatThrownBy(
            () ->
                reviews(app)
                    .create(
                        c.vic(),
                        c.ws(),
                        c.team(),
                        new ReviewDraft(null, "V", null, null, null, null, null)))
        .isInstanceOf(Forbidden.class);
  }

  @Test
  void aReviewIsChangedWithItsVersionAndKeepsStakeholdersStillPresent(TestApp app) {
    CeremonyFixtures.Crew c = CeremonyFixtures.crew(app);
    WorkItem cards = feature(app, c, "Saved cards");
    ReviewService.Detail d =
        reviews(app)
            .create(
                c.olivia(),
                c.ws(),
                c.team(),
                new ReviewDraft(
                    null,
                    "Review",
                    null,
                    null,
                    List.of(cards.key()),
                    null,
                    List.of("Maria", "Tom")));

    ReviewService.Detail changed =
        reviews(app)
            .update(
                c.olivia(),
                c.ws(),
                c.team(),
                d.review().id(),
                d.review().version(),
                new ReviewDraft(
                    null, "Sprint 14 review", null, null, null, null, List.of("Maria")));

    assertThat(changed.review().title()).isEqualTo("Sprint 14 review");
    assertThat(changed.items()).hasSize(1);
    assertThat(changed.stakeholders())
        .extracting(Stakeholder::id)
        .containsExactly(d.stakeholders().get(0).id());
    assertThatThrownBy(
            () ->
                reviews(app)
                    .update(
                        c.olivia(),
                        c.ws(),
                        c.team(),
                        d.review().id(),
                        d.review().version(),
                        new ReviewDraft(null, "Stale", null, null, null, null, null)))
        .isInstanceOf(Conflict.class);
  }
}
