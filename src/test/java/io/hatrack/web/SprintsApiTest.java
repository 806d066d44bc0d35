package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sprints, their items, start, close, burndown and velocity over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SprintsApiTest {
  private TestServer server;
  private TestServer.Api api;
  private TestServer.Api viewer;
  private User ana;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    ana = server.user("Ana Lima");
    User vic = server.user("Vic Viewer");
    ws = server.workspace(ana);
    product = server.product(ana, ws);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** A new team with Ana full time, sprints from today; its sprints' API address. */
  private String team(String name) {
    var teams = server.app().planning().releasePlanning().teams();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    var t = teams.create(ana, ws.slug(), new TeamDraft(name, null, null, "days", 2, today, null));
    teams.putMember(ana, ws.slug(), t.slug(), ana.handle(), 100);
    return "/api/v1/workspaces/" + ws.slug() + "/teams/" + t.slug();
  }

  private WorkItem item(String type, String title, Double estimate, String parent) {
    return server
        .app()
        .definition()
        .workItems()
        .create(
            ana,
            product.slug(),
            new NewWorkItem(
                type, title, null, parent, null, estimate, null, null, null, null, null, null,
                List.of()));
  }

  private static String body(String item) {
    return "{\"item\": \"" + item + "\"}";
  }

  @Test
  void aSprintIsPlannedChangedWithIfMatchAndDeletedWhilePlanned() {
    String team = team("Api planners");
    Answer created = api.post(team + "/sprints", "{\"goal\": \"Saved cards\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String sprint = team + "/sprints/1";
    Answer list = api.get(team + "/sprints");
    Answer stale = api.patch(sprint, "{\"goal\": \"x\"}", "\"99\"");
    long version = api.get(sprint).json().path("version").asLong();
    Answer patched = api.patch(sprint, "{\"name\": \"Cards sprint\"}", "\"" + version + "\"");
    Answer noIfMatch = api.delete(sprint, null);
    Answer deleted = api.delete(sprint, "\"" + patched.json().path("version").asLong() + "\"");

    assertThat(created.header("Location")).endsWith("/sprints/1");
    assertThat(created.json().path("status").asText()).isEqualTo("planned");
    assertThat(created.json().path("capacity").asDouble()).isEqualTo(10.0);
    assertThat(created.json().path("goal").asText()).isEqualTo("Saved cards");
    assertThat(list.json().path("items")).hasSize(1);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("name").asText()).isEqualTo("Cards sprint");
    assertThat(noIfMatch.status()).isIn(400, 428);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(sprint).status()).isEqualTo(404);
  }

  @Test
  void badInputAnswers400WithTheFieldAndNothingHalfWritten() {
    String team = team("Api refusals");
    Answer backwards =
        api.post(team + "/sprints", "{\"start\": \"2027-03-10\", \"end\": \"2027-03-01\"}");
    Answer first =
        api.post(team + "/sprints", "{\"start\": \"2027-03-01\", \"end\": \"2027-03-14\"}");
    Answer overlap =
        api.post(team + "/sprints", "{\"start\": \"2027-03-07\", \"end\": \"2027-03-20\"}");
    Answer unknownField = api.post(team + "/sprints", "{\"length\": 3}");
    WorkItem w = item("story", "Twice", 2.0, null);
    api.post(team + "/sprints/1/items", body(w.key()));
    Answer twice = api.post(team + "/sprints/1/items", body(w.key()));
    Answer closePlanned = api.post(team + "/sprints/1/close", "");
    Answer forbidden = viewer.post(team + "/sprints", "{}");
    Answer missing = api.get(team + "/sprints/42");

    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("end");
    assertThat(first.status()).isEqualTo(201);
    assertThat(overlap.status()).isEqualTo(400);
    assertThat(overlap.json().path("error").path("details").get(0).path("reason").asText())
        .contains("overlaps Sprint 1");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().path("error").path("details").get(0).path("reason").asText())
        .contains("already in Sprint 1");
    assertThat(closePlanned.status()).isEqualTo(400);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(api.get(team + "/sprints").json().path("items")).hasSize(1);
    assertThat(api.get(team + "/sprints/1").json().path("items")).hasSize(1);
  }

  @Test
  void aSprintStartsClosesAndGivesItsBurndownAndTheTeamsVelocity() {
    String team = team("Api runners");
    api.post(team + "/sprints", "{}");
    api.post(team + "/sprints", "{}");
    WorkItem epic = item("epic", "Wallets", null, null);
    WorkItem a = item("feature", "Apple Pay", 3.0, epic.key());
    WorkItem b = item("feature", "Google Pay", 2.0, epic.key());
    WorkItem c = item("story", "Hotfix", 1.0, null);
    item("feature", "Wallet settings", 7.0, epic.key());
    api.post(team + "/sprints/1/items", body(a.key()));
    api.post(team + "/sprints/1/items", body(b.key()));

    Answer started = api.post(team + "/sprints/1/start", "");
    Answer second = api.post(team + "/sprints/2/start", "");
    Answer added = api.post(team + "/sprints/1/items", body(c.key()));
    io.hatrack.delivery.sprints.SprintFixtures.finish(server.app(), ana, a.key());
    Answer burndown = api.get(team + "/sprints/1/burndown");
    Answer closed = api.post(team + "/sprints/1/close", "{\"unfinished\": \"next_sprint\"}");
    Answer velocity = api.get(team + "/velocity?epic=" + epic.key());
    Answer remaining = api.get(team + "/velocity?remaining=7");
    Answer badRemaining = api.get(team + "/velocity?remaining=many");

    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(started.json().path("status").asText()).isEqualTo("active");
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().path("error").path("details").get(0).path("reason").asText())
        .contains("still active");
    assertThat(added.json().path("scope_changes").get(0).path("change").asText())
        .isEqualTo("added");
    JsonNode bd = burndown.json();
    assertThat(bd.path("committed").asDouble()).isEqualTo(5.0);
    assertThat(bd.path("remaining").get(0).asDouble()).isEqualTo(3.0);
    assertThat(bd.path("scope").get(0).asDouble()).isEqualTo(6.0);
    assertThat(bd.path("days")).hasSize(14);
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    JsonNode record = closed.json().path("closed").path("record");
    assertThat(record.path("committed").asDouble()).isEqualTo(5.0);
    assertThat(record.path("completed").asDouble()).isEqualTo(3.0);
    assertThat(record.path("added").asDouble()).isEqualTo(1.0);
    assertThat(record.path("carried").asDouble()).isEqualTo(3.0);
    assertThat(closed.json().path("next").path("number").asInt()).isEqualTo(2);
    assertThat(api.get(team + "/sprints/2").json().path("items")).hasSize(2);
    assertThat(velocity.status()).as(velocity.toString()).isEqualTo(200);
    assertThat(velocity.json().path("average").asDouble()).isEqualTo(3.0);
    // Google Pay (2) and Wallet settings (7) remain: 9 at 3 a sprint is 3 sprints.
    assertThat(velocity.json().path("forecast").path("remaining").asDouble()).isEqualTo(9.0);
    assertThat(velocity.json().path("forecast").path("fewest_sprints").asInt()).isEqualTo(3);
    assertThat(remaining.json().path("forecast").path("most_sprints").asInt()).isEqualTo(3);
    assertThat(badRemaining.status()).isEqualTo(400);
  }

  @Test
  void theSprintOperationsAreInTheOpenApiDocument() {
    String doc = api.get("/api/openapi.json").body();

    assertThat(doc)
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/sprints/{sprint}/burndown")
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/sprints/{sprint}/close")
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/velocity");
  }
}
