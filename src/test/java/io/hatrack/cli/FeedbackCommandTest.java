package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackFilter;
import io.hatrack.discovery.feedback.FeedbackSource;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.kernel.work.Product;
import io.hatrack.testing.Fixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hatrack feedback add}: a piece of feedback into a product's inbox. */
@OnEveryDatabase
class FeedbackCommandTest {
  private final Dialect dialect;

  FeedbackCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  private CommandLineRun run(TestApp app, String... args) {
    List<String> all = new ArrayList<>(List.of("feedback", "add"));
    all.addAll(List.of(args));
    all.addAll(List.of(storage(app.testDatabase())));
    return CommandLineRun.of(all.toArray(String[]::new));
  }

  /** A product key no other test uses, e.g. {@code FBQX}. */
  private static String uniqueKey() {
    long n = Fixtures.unique();
    StringBuilder key = new StringBuilder("FB");
    while (n > 0) {
      key.append((char) ('A' + n % 26));
      n /= 26;
    }
    return key.toString();
  }

  private static List<Feedback> inbox(TestApp app, Team team, Product product) {
    return app.app()
        .discovery()
        .feedback()
        .service()
        .list(team.owner(), product.slug(), FeedbackFilter.ALL, null, 50)
        .slice()
        .items();
  }

  @Test
  void addsFeedbackByProductKeyWithCustomerDateImportanceAndTags(TestApp app) {
    Team team = team(app);
    Product product = Fixtures.product(app, team.owner(), team.workspace(), uniqueKey());
    app.app()
        .discovery()
        .customers()
        .create(
            team.owner(),
            team.workspace().slug(),
            CustomerDraft.of("Kestrel Bikes").withExternalId("CRM-" + Fixtures.unique()));

    CommandLineRun added =
        run(
            app,
            "--product",
            product.key().toLowerCase(java.util.Locale.ROOT),
            "--text",
            "Apple Pay on mobile please",
            "--source",
            "sales_call",
            "--customer",
            "kestrel bikes",
            "--date",
            "2025-02-03",
            "--importance",
            "3",
            "--tag",
            "wallets",
            "--tag",
            "Mobile");

    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.lastLine())
        .startsWith("Added " + product.key() + "-")
        .endsWith("\u201cApple Pay on mobile please\u201d from Kestrel Bikes.");
    Feedback f = inbox(app, team, product).get(0);
    assertThat(f.source()).isEqualTo(FeedbackSource.SALES_CALL);
    assertThat(f.importance()).isEqualTo(3);
    assertThat(f.happenedAt()).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
    assertThat(f.item().createdBy()).isEqualTo(team.owner().id());
    assertThat(app.collaboration().tags().list(team.owner(), f.key()))
        .containsExactly("mobile", "wallets");
  }

  @Test
  void anUnknownCustomerOrBadInputIsRefusedNamingTheOptionAndAddsNothing(TestApp app) {
    Team team = team(app);
    Product product = Fixtures.product(app, team.owner(), team.workspace(), uniqueKey());

    CommandLineRun unknown =
        run(app, "--product", product.slug(), "--text", "Hi", "--customer", "Nobody Inc");
    CommandLineRun bad =
        run(
            app,
            "--product",
            product.slug(),
            "--text",
            " ",
            "--importance",
            "9",
            "--source",
            "fax");
    CommandLineRun noProduct = run(app, "--product", "NOSUCHPRODUCT", "--text", "Hi");

    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("--customer no customer with the external id or name");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("--text").contains("--importance").contains("--source");
    assertThat(noProduct.exit()).isEqualTo(1);
    assertThat(noProduct.err()).contains("--product no product");
    assertThat(inbox(app, team, product)).isEmpty();
  }
}
