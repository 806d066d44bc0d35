package io.hatrack.discovery.feedback.themes;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.discovery.text.ThemeModel;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Forbidden;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@OnEveryDatabase
class ThemeServiceTest {

  static final List<String> INVOICES = ThemeServiceTestTexts.INVOICES;
  static final List<String> PAYOUTS = ThemeServiceTestTexts.PAYOUTS;
  static final List<String> CARDS = ThemeServiceTestTexts.CARDS;

  static FeedbackService feedback(TestApp app) {
    return app.app().discovery().feedback().service();
  }

  static ThemeService themes(TestApp app) {
    return app.app().discovery().themes().service();
  }

  /** A team whose product has feedback on three topics, in the order invoices, payouts, cards. */
  static List<Feedback> seed(TestApp app, Team team) {
    List<FeedbackDraft> drafts = new ArrayList<>();
    for (List<String> topic : List.of(INVOICES, PAYOUTS, CARDS)) {
      topic.forEach(t -> drafts.add(FeedbackDraft.of(t, "support_ticket")));
    }
    return feedback(app).createAll(team.owner(), team.product().slug(), drafts);
  }

  static ThemeRunReport run(TestApp app, Team team) {
    return themes(app).run(team.owner(), team.product().slug(), JobProgress.NONE);
  }

  static Long themeOf(TestApp app, Team team, Feedback f) {
    return feedback(app).get(team.owner(), Long.toString(f.id())).feedback().themeId();
  }

  static List<ThemeView> list(TestApp app, Team team) {
    return themes(app).overview(team.owner(), team.product().slug()).themes();
  }

  /** The theme most of a topic's feedback is in. */
  static long themeOfTopic(TestApp app, Team team, List<Feedback> topic) {
    Map<Long, Long> counts =
        topic.stream()
            .map(f -> themeOf(app, team, f))
            .filter(java.util.Objects::nonNull)
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  @Test
  void aRunGroupsUntriagedFeedbackIntoThemesLabelledByTopTermsWithQuotes(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    Feedback archived =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of("Export invoices to PDF, archived", "email")
                    .withStatus("archived"));

    ThemeRunReport report = run(app, team);

    assertThat(report.grouped()).isEqualTo(made.size());
    assertThat(report.method()).isEqualTo(ThemeModel.METHOD);
    List<ThemeView> themes = list(app, team);
    assertThat(themes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(themes.stream().mapToLong(ThemeView::members).sum()).isEqualTo(report.themed());
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long payouts = themeOfTopic(app, team, made.subList(8, 16));
    assertThat(invoices).isNotEqualTo(payouts);
    assertThat(made.subList(0, 8))
        .allSatisfy(f -> assertThat(themeOf(app, team, f)).isEqualTo(invoices));
    ThemeView invoiceTheme = themes(app).get(team.owner(), invoices);
    assertThat(invoiceTheme.terms()).isNotEmpty();
    assertThat(String.join(" ", invoiceTheme.terms())).containsAnyOf("invoice", "pdf", "export");
    assertThat(invoiceTheme.name()).isEqualTo(invoiceTheme.label());
    assertThat(invoiceTheme.quotes()).hasSizeBetween(1, 3);
    assertThat(invoiceTheme.quotes()).allSatisfy(q -> assertThat(INVOICES).contains(q.text()));
    assertThat(themeOf(app, team, archived)).isNull();
    assertThat(themes(app).overview(team.owner(), team.product().slug()).method())
        .isEqualTo(ThemeModel.METHOD);
  }

  @Test
  void newFeedbackJoinsTheNearestThemeOnArrivalByEveryPath(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long payouts = themeOfTopic(app, team, made.subList(8, 16));

    Feedback one =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of("Our payout reached the bank a week late", "api"));
    Feedback unrelated =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of("Zebras juggle xylophones", "api"));
    List<Long> bulk =
        app.database()
            .tx(
                h -> {
                  ProductAccess p = app.products().access(h, team.owner(), team.product().slug());
                  return feedback(app)
                      .createAll(
                          h,
                          team.owner(),
                          p,
                          List.of(FeedbackDraft.of("Slow bank payouts again", "other")),
                          "a test");
                });

    assertThat(themeOf(app, team, one)).isEqualTo(payouts);
    assertThat(themeOf(app, team, unrelated)).isNull();
    assertThat(feedback(app).get(team.owner(), Long.toString(bulk.get(0))).feedback().themeId())
        .isEqualTo(payouts);
  }

  @Test
  void renamedAndTaggedThemesSurviveARerunAndKeepTheirMembers(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long payouts = themeOfTopic(app, team, made.subList(8, 16));
    Feedback card = made.get(16);

    themes(app).rename(team.owner(), invoices, null, "  Invoice export ");
    ThemeService.Placement placed =
        themes(app).tag(team.owner(), Long.toString(card.id()), payouts);
    run(app, team);

    ThemeView renamed = themes(app).get(team.owner(), invoices);
    assertThat(renamed.name()).isEqualTo("Invoice export");
    assertThat(renamed.renamed()).isTrue();
    assertThat(renamed.kept()).isTrue();
    assertThat(made.subList(0, 8))
        .allSatisfy(f -> assertThat(themeOf(app, team, f)).isEqualTo(invoices));
    assertThat(placed.tagged()).isTrue();
    assertThat(themeOf(app, team, card)).isEqualTo(payouts);
    assertThat(themes(app).placement(team.owner(), card.key()).tagged()).isTrue();
  }

  @Test
  void mergingMovesMembersAndTagsAndDeletesTheOtherTheme(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long payouts = themeOfTopic(app, team, made.subList(8, 16));
    themes(app).tag(team.owner(), made.get(9).key(), payouts);

    ThemeView merged = themes(app).merge(team.owner(), invoices, payouts);

    assertThat(merged.kept()).isTrue();
    assertThat(made.subList(0, 16))
        .allSatisfy(f -> assertThat(themeOf(app, team, f)).isEqualTo(invoices));
    assertThat(list(app, team)).extracting(ThemeView::id).doesNotContain(payouts);
    assertThat(themes(app).placement(team.owner(), made.get(9).key()).themeId())
        .isEqualTo(invoices);
    assertThat(merged.terms()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    run(app, team);
    assertThat(made.subList(0, 16))
        .allSatisfy(f -> assertThat(themeOf(app, team, f)).isEqualTo(invoices));
  }

  @Test
  void splittingMakesTwoKeptThemesThatARerunKeeps(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long payouts = themeOfTopic(app, team, made.subList(8, 16));
    themes(app).merge(team.owner(), invoices, payouts);

    List<ThemeView> parts = themes(app).split(team.owner(), invoices);

    assertThat(parts).hasSize(2);
    assertThat(parts).allSatisfy(p -> assertThat(p.kept()).isTrue());
    assertThat(parts.get(0).members() + parts.get(1).members()).isEqualTo(16);
    assertThat(parts.get(1).position()).isEqualTo(parts.get(0).position() + 1);
    long other = parts.get(1).id();
    long invoiceSide = themeOfTopic(app, team, made.subList(0, 8));
    long payoutSide = themeOfTopic(app, team, made.subList(8, 16));
    assertThat(List.of(invoiceSide, payoutSide)).containsExactlyInAnyOrder(invoices, other);
    run(app, team);
    assertThat(list(app, team)).extracting(ThemeView::id).contains(invoices, other);
  }

  @Test
  void taggingPullsTheCentroidSoThatSimilarNewFeedbackFollows(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    Feedback refund =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of("Refunds for cancelled subscriptions take weeks", "email"));
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long cards = themeOfTopic(app, team, made.subList(16, 24));
    Long was = themeOf(app, team, refund);
    long target = invoices == (was == null ? -1 : was) ? cards : invoices;

    themes(app).tag(team.owner(), refund.key(), target);
    Feedback similar =
        feedback(app)
            .create(
                team.owner(),
                team.product().slug(),
                FeedbackDraft.of("Refunds for cancelled subscriptions are so slow", "email"));

    assertThat(themeOf(app, team, similar)).isEqualTo(target);
  }

  @Test
  void takingFeedbackOutOfAnyThemeKeepsItOutOfLaterRuns(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);

    ThemeService.Placement out = themes(app).tag(team.owner(), made.get(0).key(), null);
    run(app, team);

    assertThat(out.themeId()).isNull();
    assertThat(themeOf(app, team, made.get(0))).isNull();
  }

  @Test
  void changesAreValidatedAndCheckedForRightsAndStaleVersions(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    ThemeView before = themes(app).get(team.owner(), invoices);
    User viewer = team.member(app, Role.VIEWER, "vera");
    Team other =
        new Team(
            team.owner(),
            team.workspace(),
            Fixtures.product(app, team.owner(), team.workspace(), "OTH"));
    seed(app, other);
    run(app, other);
    long foreign = list(app, other).get(0).id();

    assertThatThrownBy(() -> themes(app).rename(team.owner(), invoices, null, "x".repeat(121)))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.reasonFor("name")).isNotBlank());
    assertThatThrownBy(() -> themes(app).rename(team.owner(), invoices, null, "two\nlines"))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> themes(app).merge(team.owner(), invoices, invoices))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("theme")).contains("this theme"));
    assertThatThrownBy(() -> themes(app).merge(team.owner(), invoices, foreign))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("theme")).contains("no theme"));
    assertThatThrownBy(() -> themes(app).tag(team.owner(), made.get(0).key(), foreign))
        .isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> themes(app).rename(viewer, invoices, null, "Mine"))
        .isInstanceOf(Forbidden.class);
    assertThatThrownBy(() -> themes(app).run(viewer, team.product().slug(), JobProgress.NONE))
        .isInstanceOf(Forbidden.class);
    themes(app).rename(team.owner(), invoices, before.version(), "Invoices");
    assertThatThrownBy(() -> themes(app).rename(team.owner(), invoices, before.version(), "Stale"))
        .isInstanceOf(Conflict.class);
    assertThat(themes(app).get(team.owner(), invoices).name()).isEqualTo("Invoices");
  }

  @Test
  void aThemeOfOnePieceOfFeedbackCannotBeSplit(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    long payouts = themeOfTopic(app, team, made.subList(8, 16));
    for (Feedback f : made.subList(1, 8)) {
      themes(app).tag(team.owner(), f.key(), payouts);
    }

    assertThatThrownBy(() -> themes(app).split(team.owner(), invoices))
        .isInstanceOfSatisfying(
            Invalid.class, e -> assertThat(e.reasonFor("theme")).contains("fewer than two"));
  }

  @Test
  void aRunIsRefusedWhenThePmChangedThemesWhileItWasGrouping(TestApp app) {
    Team team = team(app);
    List<Feedback> made = seed(app, team);
    run(app, team);
    long invoices = themeOfTopic(app, team, made.subList(0, 8));
    JobProgress renameMeanwhile =
        new JobProgress() {
          @Override
          public void phase(String name, long total) {
            if (name.equals("saving")) {
              themes(app).rename(team.owner(), invoices, null, "Renamed meanwhile");
            }
          }

          @Override
          public void advance(long steps) {}
        };

    assertThatThrownBy(() -> themes(app).run(team.owner(), team.product().slug(), renameMeanwhile))
        .isInstanceOf(Conflict.class);
    assertThat(themes(app).get(team.owner(), invoices).name()).isEqualTo("Renamed meanwhile");
  }
}
