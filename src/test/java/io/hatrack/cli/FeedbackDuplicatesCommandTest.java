package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.Product;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hatrack feedback duplicates}: a product's possible duplicates, after a scan if asked. */
@OnEveryDatabase
class FeedbackDuplicatesCommandTest {
  private final Dialect dialect;

  FeedbackDuplicatesCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private CommandLineRun run(TestApp app, String... args) {
    TestDatabase db = app.testDatabase();
    List<String> all = new ArrayList<>(List.of("feedback", "duplicates"));
    all.addAll(List.of(args));
    all.addAll(
        dialect == Dialect.SQLITE
            ? List.of("--data", db.dataDir().toString())
            : List.of("--db", db.url()));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  @Test
  void listsThePossibleDuplicatesOfAProductAndScansWhenAsked(TestApp app) {
    Team team = team(app);
    Product product = team.product();
    var feedback = app.app().discovery().feedback().service();
    String cards = "Please let us save cards so that customers can pay with one click at checkout";
    Feedback a = feedback.create(team.owner(), product.slug(), FeedbackDraft.of(cards, "email"));
    Feedback b =
        feedback.create(
            team.owner(), product.slug(), FeedbackDraft.of(cards + " next time", "email"));

    CommandLineRun listed = run(app, "--product", product.slug());
    CommandLineRun scanned = run(app, "--product", product.slug(), "--scan");
    CommandLineRun unknown = run(app, "--product", "no-such-product");

    assertThat(listed.exit()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains("1 possible duplicate in 1 group:")
        .contains(a.key())
        .contains(b.key());
    assertThat(scanned.out()).contains("Scanned 2 pieces of feedback").contains("1 group.");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("--product no product with the key or slug");
  }
}
