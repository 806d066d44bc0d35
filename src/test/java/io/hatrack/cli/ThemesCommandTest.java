package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.themes.ThemeServiceTestTexts;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hatrack themes}: groups a product's feedback into themes and lists them. */
@OnEveryDatabase
class ThemesCommandTest {
  private final Dialect dialect;

  ThemesCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  @Test
  void runGroupsTheFeedbackAndListsThemesWithTheirTerms(TestApp app) {
    Team team = team(app);
    List<FeedbackDraft> drafts = new ArrayList<>();
    ThemeServiceTestTexts.INVOICES.forEach(t -> drafts.add(FeedbackDraft.of(t, "email")));
    ThemeServiceTestTexts.PAYOUTS.forEach(t -> drafts.add(FeedbackDraft.of(t, "email")));
    app.app()
        .discovery()
        .feedback()
        .service()
        .createAll(team.owner(), team.product().slug(), drafts);
    String[] store = storage(app.testDatabase());

    CommandLineRun before =
        CommandLineRun.of("themes", "--product", team.product().slug(), store[0], store[1]);
    CommandLineRun run =
        CommandLineRun.of(
            "themes", "--product", team.product().slug(), "--run", store[0], store[1]);
    CommandLineRun unknown =
        CommandLineRun.of("themes", "--product", "NOPE-NOPE", store[0], store[1]);

    assertThat(before.exit()).as(before.err()).isZero();
    assertThat(before.out()).contains("No themes yet");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Grouped 16 pieces of feedback into").contains("invoice");
    assertThat(run.out()).contains("Method: Spherical k-means");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("--product no product");
  }
}
