package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.plans.PlanFixtures;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Teams, capacity, efforts, release plans and scenarios over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private User ana;
  private User vic;
  private Workspace ws;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    vic = server.user("Vic Viewer");
    ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String teams() {
    return "/api/v1/workspaces/" + ws.slug() + "/teams";
  }

  @Test
  void aTeamIsCreatedChangedWithIfMatchAndGivesItsCapacity() {
    Answer created = api.post(teams(), "{\"name\": \"Payments API\", \"effort_unit\": \"days\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("slug").asText()).isEqualTo("payments-api");
    String team = teams() + "/payments-api";

    Answer member =
        api.put(team + "/members", "{\"user\": \"" + vic.handle() + "\", \"allocation\": 50}");
    Answer holiday =
        api.post(team + "/days-off", "{\"first_day\": \"2027-01-01\", \"note\": \"New year\"}");
    Answer capacity = api.get(team + "/capacity?from=2027-01-01&to=2027-03-31&period=month");
    Answer stale = api.patch(team, "{\"description\": \"x\"}", "\"999\"");
    long version = api.get(team).json().path("version").asLong();
    Answer patched = api.patch(team, "{\"description\": \"Cards\"}", "\"" + version + "\"");

    assertThat(member.status()).as(member.toString()).isEqualTo(200);
    assertThat(member.json().path("members").get(0).path("allocation").asInt()).isEqualTo(50);
    assertThat(holiday.status()).as(holiday.toString()).isEqualTo(201);
    assertThat(capacity.status()).as(capacity.toString()).isEqualTo(200);
    JsonNode january = capacity.json().path("periods").get(0);
    assertThat(january.path("period").asText()).isEqualTo("2027-01");
    assertThat(january.path("working_days").asInt()).isEqualTo(21);
    assertThat(january.path("capacity").asDouble()).isEqualTo(10.0);
    assertThat(capacity.json().path("method").asText()).contains("allocation");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("description").asText()).isEqualTo("Cards");
  }

  @Test
  void badTeamInputAnswers400WithTheFieldAndUnknownTeams404() {
    Answer bad = api.post(teams(), "{\"name\": \"X\", \"effort_unit\": \"hours\"}");
    Answer unknownField = api.post(teams(), "{\"name\": \"Y\", \"colour\": \"red\"}");
    Answer missing = api.get(teams() + "/no-such-team");
    Answer noCapacity = api.get(teams() + "/no-such-team/capacity");
    Answer forbidden = viewer.post(teams(), "{\"name\": \"Viewers\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("effort_unit");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(noCapacity.status()).isEqualTo(404);
    assertThat(forbidden.status()).isEqualTo(403);
  }

  /** A product with a scored feature that needs the new team's capacity. */
  private record Planned(Product product, WorkItem big, WorkItem small) {}

  private Planned planned(String teamName) {
    Product p = server.product(ana, ws);
    long rice = PlanFixtures.model(server.app(), p, "RICE", "rice");
    PlanFixtures.team(server.app(), ana, ws.slug(), teamName, Map.of(ana.handle(), 100));
    String slug = teamName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    WorkItem big = PlanFixtures.feature(server.app(), ana, p, rice, "Big", 9.5, Map.of(slug, 50.0));
    WorkItem small =
        PlanFixtures.feature(server.app(), ana, p, rice, "Small", 2.25, Map.of(slug, 20.0));
    return new Planned(p, big, small);
  }

  @Test
  void effortsAreReadAndReplacedPerTeamAndZeroIsRefused() {
    Planned p = planned("Effort team");
    String url = "/api/v1/items/" + p.small().key() + "/efforts";

    Answer read = api.get(url);
    Answer put = api.put(url, "{\"effort-team\": 12.5}");
    Answer zero = api.put(url, "{\"effort-team\": 0}");
    Answer text = api.put(url, "{\"effort-team\": \"lots\"}");
    Answer unknown = api.put(url, "{\"nobody\": 3}");

    assertThat(read.json().path("efforts").path("effort-team").asDouble()).isEqualTo(20.0);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
    assertThat(put.json().path("efforts").path("effort-team").asDouble()).isEqualTo(12.5);
    assertThat(zero.status()).isEqualTo(400);
    assertThat(text.status()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(api.get(url).json().path("efforts").path("effort-team").asDouble()).isEqualTo(12.5);
  }

  @Test
  void aPlanIsSolvedWithAScenarioAndAcceptedAndInfeasibleInputIs400() {
    Planned p = planned("Plan team");
    String plans = "/api/v1/products/" + p.product().slug() + "/plans";

    Answer created =
        api.post(
            plans, "{\"name\": \"H1\", \"periods\": [\"2027-Q1\"], \"teams\": [\"plan-team\"]}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode plan = created.json();
    long id = plan.path("id").asLong();
    Answer scenario =
        api.post(
            plans + "/" + id + "/scenarios",
            "{\"name\": \"More\", \"capacity\": [{\"team\": \"plan-team\", \"period\": \"2027-Q1\","
                + " \"change\": 10}]}");
    Answer accepted = api.post(plans + "/" + id + "/accept", "");
    Answer infeasible =
        api.post(
            plans,
            "{\"periods\": [\"2027-Q1\"], \"pins\": {\""
                + p.big().key()
                + "\": \"2027-Q1\", \""
                + p.small().key()
                + "\": \"2027-Q1\"}, \"time_limit_seconds\": 5}");
    Answer unknownPeriod = api.post(plans, "{\"periods\": [\"someday\"]}");
    Answer missing = api.get(plans + "/987654321");
    Answer viewerSolve = viewer.post(plans, "{\"periods\": [\"2027-Q1\"]}");

    assertThat(plan.path("status").asText()).isEqualTo("optimal");
    assertThat(plan.path("objective").asDouble()).isEqualTo(9.5);
    assertThat(plan.path("planned").get(0).path("key").asText()).isEqualTo(p.big().key());
    assertThat(plan.path("left_out").get(0).path("reason").asText()).contains("Plan team");
    assertThat(plan.path("capacity").get(0).path("capacity").asDouble()).isEqualTo(64.0);
    assertThat(plan.path("capacity").get(0).path("load").asDouble()).isEqualTo(50.0);
    assertThat(plan.path("explanation").asText()).contains("Proven optimal");
    assertThat(scenario.status()).as(scenario.toString()).isEqualTo(201);
    assertThat(scenario.json().path("objective").asDouble()).isEqualTo(11.75);
    assertThat(scenario.json().path("parent_id").asLong()).isEqualTo(id);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("accepted_at").isNull()).isFalse();
    JsonNode again = api.get(plans + "/" + id).json();
    assertThat(again.path("scenarios").get(0).path("in").get(0).asText())
        .isEqualTo(p.small().key());
    assertThat(infeasible.status()).as(infeasible.toString()).isEqualTo(400);
    assertThat(infeasible.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("constraints");
    assertThat(unknownPeriod.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(viewerSolve.status()).isEqualTo(403);
    assertThat(api.get(plans).json().path("total").asLong()).isEqualTo(2);
  }
}
