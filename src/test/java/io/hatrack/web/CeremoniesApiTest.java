package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Stand-ups, sprint reviews and retrospectives of a team over the JSON API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CeremoniesApiTest {
  private TestServer server;
  private TestServer.Api ana;
  private TestServer.Api ben;
  private TestServer.Api eve;
  private User benUser;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    User a = server.user("Ana Lima");
    benUser = server.user("Ben Okafor");
    User e = server.user("Eve Editor");
    ws = server.workspace(a);
    product = server.product(a, ws);
    server.app().workspaces().addMember(a, ws.slug(), benUser.email(), Role.EDITOR);
    server.app().workspaces().addMember(a, ws.slug(), e.email(), Role.EDITOR);
    ana = server.api(a);
    ben = server.api(benUser);
    eve = server.api(e);
    ana.post(teams(), "{\"name\": \"Payments\"}");
    ana.put(team() + "/members", "{\"user\": \"" + a.handle() + "\"}");
    ana.put(team() + "/members", "{\"user\": \"" + benUser.handle() + "\"}");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String teams() {
    return "/api/v1/workspaces/" + ws.slug() + "/teams";
  }

  private String team() {
    return teams() + "/payments";
  }

  private Answer postIfMatch(TestServer.Api api, String path, String ifMatch) {
    return api.send(
        api.request(path).header("If-Match", ifMatch).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void membersPostTheirOwnStandUpsAndTheDaySummarisesThemWithOpenBlockers() {
    String standups = team() + "/standups";
    Answer posted =
        ben.post(
            standups + "/2026-03-02/entries",
            "{\"yesterday\": \"PRs\", \"today\": \"Retries\", \"blockers\": [\"No sandbox\"]}");
    Answer twice = ben.post(standups + "/2026-03-02/entries", "{\"today\": \"Again\"}");
    Answer stranger = eve.post(standups + "/2026-03-02/entries", "{\"today\": \"Mine\"}");
    Answer empty = ana.post(standups + "/2026-03-02/entries", "{\"today\": \" \"}");
    long entry = posted.json().path("id").asLong();
    Answer notHers =
        ana.patch(standups + "/2026-03-02/entries/" + entry, "{\"today\": \"x\"}", "\"1\"");
    Answer day = ana.get(standups + "?day=2026-03-03");
    JsonNode blocker = day.json().path("open_blockers").get(0);
    Answer stale =
        postIfMatch(
            ana, standups + "/blockers/" + blocker.path("id").asLong() + "/resolve", "\"9\"");
    Answer resolved =
        postIfMatch(
            ana,
            standups + "/blockers/" + blocker.path("id").asLong() + "/resolve",
            "\"" + blocker.path("version").asLong() + "\"");
    Answer open = ana.get(standups + "/blockers");

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.header("ETag")).isEqualTo("\"1\"");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(stranger.status()).isEqualTo(400);
    assertThat(stranger.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("user");
    assertThat(stranger.json().path("error").path("message").asText())
        .contains("not a member of the team");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(notHers.status()).isEqualTo(403);
    assertThat(day.status()).as(day.toString()).isEqualTo(200);
    assertThat(day.json().path("entries")).isEmpty();
    assertThat(day.json().path("missing")).hasSize(2);
    assertThat(blocker.path("text").asText()).isEqualTo("No sandbox");
    assertThat(blocker.path("age_days").asInt()).isEqualTo(1);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(resolved.json().path("resolved_by").asText()).isEqualTo("Ana Lima");
    assertThat(open.json().path("items")).isEmpty();
  }

  @Test
  void aReviewCapturesFeedbackLinkedToItsItemsAndRefusesUnknownKeys() {
    WorkItem cards =
        server
            .app()
            .definition()
            .workItems()
            .create(benUser, product.slug(), NewWorkItem.of("feature", "Saved cards"));
    String reviews = team() + "/reviews";
    Answer unknown =
        ana.post(reviews, "{\"title\": \"R\", \"items\": [\"" + cards.key() + "\", \"ZZZ-1\"]}");
    Answer held =
        ana.post(
            reviews,
            "{\"title\": \"Sprint 14 review\", \"day\": \"2026-03-05\", \"sprint\": \"Sprint 14\","
                + " \"items\": [\""
                + cards.key()
                + "\"], \"members\": [\""
                + benUser.handle()
                + "\"],"
                + " \"guests\": [\"Maria Rossi\"]}");
    String one = held.header("Location");
    Answer feedback =
        ana.post(
            one + "/feedback",
            "{\"stakeholder\": \"Maria Rossi\", \"text\": \"Save cards per buyer\"}");
    Answer badItem = ana.post(one + "/feedback", "{\"text\": \"Hm\", \"items\": [\"CHK-999\"]}");
    Answer got = ana.get(one);
    Answer stale = ana.patch(one, "{\"title\": \"x\"}", "\"1\"");
    Answer inbox = ana.get("/api/v1/feedback/" + feedback.json().path("key").asText());

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("message").asText()).contains("ZZZ-1");
    assertThat(held.status()).as(held.toString()).isEqualTo(201);
    assertThat(held.json().path("stakeholders")).hasSize(2);
    assertThat(feedback.status()).as(feedback.toString()).isEqualTo(201);
    assertThat(feedback.json().path("items").get(0).asText()).isEqualTo(cards.key());
    assertThat(badItem.status()).isEqualTo(400);
    assertThat(got.json().path("feedback")).hasSize(1);
    assertThat(got.json().path("version").asLong()).isEqualTo(2);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
    assertThat(inbox.body()).contains("sprint_review");
  }

  @Test
  void aRetroTakesCardsVotesWithinTheBudgetGroupsAndActionItems() {
    String retros = team() + "/retros";
    Answer noColumns = ana.post(retros, "{\"format\": \"custom\", \"columns\": []}");
    Answer made =
        ana.post(retros, "{\"title\": \"Sprint 13\", \"day\": \"2026-02-12\", \"vote_budget\": 2}");
    String one = made.header("Location");
    Answer card = ben.post(one + "/cards", "{\"column\": \"Stop\", \"text\": \"Flaky tests\"}");
    Answer emptyCard = ben.post(one + "/cards", "{\"column\": \"Stop\", \"text\": \"\"}");
    long cardId = card.json().path("id").asLong();
    Answer vote = ben.put(one + "/cards/" + cardId + "/votes", "{\"votes\": 2}");
    Answer over = ben.put(one + "/cards/" + cardId + "/votes", "{\"votes\": 3}");
    Answer group = ana.post(one + "/groups", "{\"title\": \"CI\", \"cards\": [" + cardId + "]}");
    Answer action =
        ana.post(
            one + "/actions",
            "{\"text\": \"Quarantine flaky tests\", \"owner\": \""
                + benUser.handle()
                + "\", \"due\": \"2026-02-20\"}");
    Answer next =
        ana.post(
            retros,
            "{\"title\": \"Sprint 14\", \"day\": \"2026-02-26\", \"format\": \"mad_sad_glad\"}");
    String nextOne = next.header("Location");
    JsonNode carried = ana.get(nextOne).json().path("carried_actions");
    Answer done =
        ana.patch(
            nextOne + "/actions/" + action.json().path("id").asLong(),
            "{\"done\": true}",
            "\"" + action.json().path("version").asLong() + "\"");
    Answer board = ben.get(one);

    assertThat(noColumns.status()).isEqualTo(400);
    assertThat(noColumns.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("columns");
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    assertThat(made.json().path("retro").path("columns").toString())
        .isEqualTo("[\"Start\",\"Stop\",\"Continue\"]");
    assertThat(card.status()).as(card.toString()).isEqualTo(201);
    assertThat(card.json().path("column").asInt()).isEqualTo(1);
    assertThat(emptyCard.status()).isEqualTo(400);
    assertThat(vote.json().path("votes_left").asInt()).isZero();
    assertThat(over.status()).isEqualTo(400);
    assertThat(over.json().path("error").path("message").asText()).contains("budget");
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    assertThat(action.status()).as(action.toString()).isEqualTo(201);
    assertThat(carried).hasSize(1);
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().path("done_in").asLong())
        .isEqualTo(next.json().path("retro").path("id").asLong());
    assertThat(board.json().path("cards").get(0).path("group_id").asLong())
        .isEqualTo(group.json().path("id").asLong());
    assertThat(board.json().path("cards").get(0).path("my_votes").asInt()).isEqualTo(2);
    assertThat(board.json().path("votes_used").asInt()).isEqualTo(2);
  }

  @Test
  void theOpenApiDocumentListsTheCeremonies() {
    Answer doc = ana.get("/api/openapi.json");

    assertThat(doc.body())
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/standups")
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/reviews/{review}/feedback")
        .contains("/api/v1/workspaces/{workspace}/teams/{team}/retros/{retro}/cards/{card}/votes");
  }
}
