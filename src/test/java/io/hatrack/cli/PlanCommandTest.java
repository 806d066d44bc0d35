package io.hatrack.cli;

import static io.hatrack.testing.Fixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.db.Dialect;
import io.hatrack.planning.plans.PlanFixtures;
import io.hatrack.testing.Fixtures.Team;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code hatrack plan}: solves a release plan and prints it; infeasible input exits with 1. */
@OnEveryDatabase
class PlanCommandTest {
  private final Dialect dialect;

  PlanCommandTest(Dialect dialect) {
    this.dialect = dialect;
  }

  private String[] storage(TestDatabase db) {
    return dialect == Dialect.SQLITE
        ? new String[] {"--data", db.dataDir().toString()}
        : new String[] {"--db", db.url()};
  }

  @Test
  void aPlanIsPrintedAsATableOrJsonAndBadInputExitsWithAMessage(TestApp app) throws Exception {
    Team t = team(app);
    long rice = PlanFixtures.model(app.app(), t.product(), "RICE", "rice");
    PlanFixtures.team(
        app.app(), t.owner(), t.workspace().slug(), "Cli team", Map.of(t.owner().handle(), 100));
    WorkItem big =
        PlanFixtures.feature(
            app.app(), t.owner(), t.product(), rice, "Saved cards", 9.0, Map.of("cli-team", 50.0));
    WorkItem small =
        PlanFixtures.feature(
            app.app(), t.owner(), t.product(), rice, "Receipts", 2.0, Map.of("cli-team", 20.0));
    String[] store = storage(app.testDatabase());
    String product = t.product().slug();

    CommandLineRun table =
        CommandLineRun.of(
            "plan",
            "--product",
            product,
            "--periods",
            "2027-Q1",
            "--teams",
            "cli-team",
            "--time-limit",
            "5",
            store[0],
            store[1]);
    CommandLineRun json =
        CommandLineRun.of(
            "plan",
            "--product",
            product,
            "--periods",
            "2027-Q1,2027-Q2",
            "--model",
            "RICE",
            "--json",
            store[0],
            store[1]);
    CommandLineRun badPeriod =
        CommandLineRun.of("plan", "--product", product, "--periods", "soon", store[0], store[1]);
    CommandLineRun infeasible =
        CommandLineRun.of(
            "plan",
            "--product",
            product,
            "--periods",
            "2027-Q1",
            "--pin",
            big.key() + "=2027-Q1," + small.key() + "=2027-Q1",
            store[0],
            store[1]);
    CommandLineRun noProduct =
        CommandLineRun.of("plan", "--product", "NOPE", "--periods", "2027-Q1", store[0], store[1]);

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out())
        .contains("optimal")
        .contains("2027 Q1")
        .contains(big.key())
        .contains("Greedy would give")
        .contains("Left out")
        .contains(small.key());
    assertThat(json.exit()).as(json.err()).isZero();
    JsonNode plan = new ObjectMapper().readTree(json.out());
    assertThat(plan.path("planned").size()).isEqualTo(2);
    assertThat(plan.path("objective").asDouble()).isEqualTo(11.0);
    assertThat(badPeriod.exit()).isEqualTo(1);
    assertThat(badPeriod.err()).contains("--periods").contains("not a quarter");
    assertThat(infeasible.exit()).isEqualTo(1);
    assertThat(infeasible.err()).contains("no plan can satisfy").contains("Cli team");
    assertThat(noProduct.exit()).isEqualTo(1);
    assertThat(noProduct.err()).contains("no product");
  }
}
