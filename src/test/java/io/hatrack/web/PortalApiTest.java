package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.discovery.portal.Idea;
import io.hatrack.discovery.portal.IdeaDraft;
import io.hatrack.discovery.portal.PortalService;
import io.hatrack.discovery.portal.Visitor;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.OnEveryDatabase;
import io.hatrack.testing.TestApp;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal over the JSON API, on SQLite and PostgreSQL: settings with versions, the idea list
 * with votes, moderation with If-Match, merging, links to features, comment moderation, errors.
 */
@OnEveryDatabase
class PortalApiTest {
  private TestServer server;
  private User ana;
  private Product product;
  private TestServer.Api api;
  private TestServer.Api viewer;

  @BeforeEach
  void start(TestApp app) {
    server = TestServer.serving(app);
    ana = server.user("Ana");
    User vic = server.user("Vic");
    Workspace ws = server.workspace(ana);
    server.app().workspaces().addMember(ana, ws.slug(), vic.email(), Role.VIEWER);
    product = server.product(ana, ws);
    api = server.api(ana);
    viewer = server.api(vic);
  }

  private String base() {
    return "/api/v1/products/" + product.slug() + "/portal";
  }

  private PortalService portal() {
    return server.app().discovery().portal().portal();
  }

  private static Answer put(TestServer.Api as, String path, String body, String ifMatch) {
    var request = as.request(path).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return as.send(request);
  }

  private void turnOn() {
    Answer on = put(api, base() + "/settings", "{\"enabled\": true}", "\"1\"");
    assertThat(on.status()).as(on.toString()).isEqualTo(200);
  }

  private Idea idea(String title, String... voters) {
    Idea idea =
        portal()
            .post(
                product.slug(),
                Visitor.of(null, "author." + TestServer.unique() + "@shop.example"),
                new IdeaDraft(title, "Why it matters.", "Author", null),
                "192.0.2.1")
            .idea();
    for (String v : voters) {
      portal().vote(product.slug(), idea.id(), Visitor.of(null, v), null, "192.0.2.2");
    }
    return idea;
  }

  @Test
  void settingsStartOffAndChangeWithTheirVersion() {
    Answer off = api.get(base() + "/settings");
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json().path("enabled").asBoolean()).isFalse();
    assertThat(off.header("ETag")).isEqualTo("\"1\"");
    assertThat(off.json().path("public_url").asText())
        .isEqualTo("/p/" + product.slug() + "/feedback");

    Answer on =
        put(api, base() + "/settings", "{\"enabled\": true, \"approve_first\": true}", "\"1\"");

    assertThat(on.status()).as(on.toString()).isEqualTo(200);
    assertThat(on.json().path("approve_first").asBoolean()).isTrue();
    assertThat(on.header("ETag")).isEqualTo("\"2\"");
    assertThat(put(api, base() + "/settings", "{\"enabled\": false}", "\"1\"").status())
        .isEqualTo(409);
    assertThat(put(api, base() + "/settings", "{\"enabled\": false}", null).status())
        .isEqualTo(428);
    assertThat(put(viewer, base() + "/settings", "{\"enabled\": false}", "\"2\"").status())
        .isEqualTo(403);
  }

  @Test
  void ideasAreListedByVotesWithTheirStatusAndFiltered() {
    turnOn();
    Idea few = idea("Dark mode");
    Idea many = idea("Save cards", "a@shop.example", "b@shop.example");

    Answer list = viewer.get(base() + "/ideas");

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("total").asLong()).isEqualTo(2);
    JsonNode first = list.json().path("items").get(0);
    assertThat(first.path("id").asLong()).isEqualTo(many.id());
    assertThat(first.path("votes").asInt()).isEqualTo(3);
    assertThat(first.path("status").asText()).isEqualTo("under_review");
    assertThat(first.path("visibility").asText()).isEqualTo("approved");
    assertThat(first.path("item").asText()).startsWith(product.key() + "-");
    assertThat(
            viewer
                .get(base() + "/ideas?sort=new&limit=1")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asLong())
        .isEqualTo(many.id());
    assertThat(viewer.get(base() + "/ideas?status=planned").json().path("total").asLong()).isZero();
    Answer bad = viewer.get(base() + "/ideas?status=soon");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.toString()).contains("status");
    Answer page = viewer.get(base() + "/ideas?limit=1");
    assertThat(page.json().path("next_cursor").asText()).isNotBlank();
    Answer next =
        viewer.get(base() + "/ideas?limit=1&cursor=" + page.json().path("next_cursor").asText());
    assertThat(next.json().path("items").get(0).path("id").asLong()).isEqualTo(few.id());
  }

  @Test
  void moderationNeedsTheCurrentVersionAndNamesBadValues() {
    turnOn();
    Idea idea = idea("Partial captures");
    String one = base() + "/ideas/" + idea.id();
    Answer got = api.get(one);
    assertThat(got.status()).isEqualTo(200);
    String etag = got.header("ETag");

    Answer planned = api.patch(one, "{\"status\": \"planned\", \"visibility\": \"hidden\"}", etag);

    assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
    assertThat(planned.json().path("status").asText()).isEqualTo("planned");
    assertThat(planned.json().path("visibility").asText()).isEqualTo("hidden");
    assertThat(api.patch(one, "{\"status\": \"done\"}", etag).status()).isEqualTo(409);
    Answer bad = api.patch(one, "{\"status\": \"shipped\"}", planned.header("ETag"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().toString()).contains("status").contains("under_review");
    assertThat(api.patch(one, "{\"status\": \"done\"}", null).status()).isEqualTo(428);
    assertThat(viewer.patch(one, "{\"status\": \"done\"}", planned.header("ETag")).status())
        .isEqualTo(403);
    assertThat(api.get(base() + "/ideas/999999999").status()).isEqualTo(404);
  }

  @Test
  void mergingMovesVotesAndAVoterOfBothCountsOnce() {
    turnOn();
    Idea original = idea("Save cards", "x@shop.example", "both@shop.example");
    Idea duplicate = idea("Remember my card", "both@shop.example", "z@shop.example");

    Answer merged =
        api.post(
            base() + "/ideas/" + original.id() + "/merge", "{\"ideas\": [" + duplicate.id() + "]}");

    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    assertThat(merged.json().path("votes").asInt()).as("two authors, x, both, z").isEqualTo(5);
    Answer gone = api.get(base() + "/ideas/" + duplicate.id());
    assertThat(gone.json().path("idea").path("merged_into").asLong()).isEqualTo(original.id());
    assertThat(gone.json().path("idea").path("votes").asInt()).isZero();
    Answer again =
        api.post(
            base() + "/ideas/" + original.id() + "/merge", "{\"ideas\": [" + duplicate.id() + "]}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(api.post(base() + "/ideas/" + original.id() + "/merge", "{}").status())
        .isEqualTo(400);
  }

  @Test
  void anIdeaIsLinkedToTheFeatureItSupports() {
    turnOn();
    Idea idea = idea("Next-day payouts");
    Answer feature =
        api.post(
            "/api/v1/products/" + product.slug() + "/items",
            "{\"type\": \"feature\", \"title\": \"Next-day payouts\"}");
    assertThat(feature.status()).as(feature.toString()).isEqualTo(201);
    String key = feature.json().path("key").asText();

    Answer linked =
        api.post(base() + "/ideas/" + idea.id() + "/links", "{\"item\": \"" + key + "\"}");

    assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    assertThat(linked.json().path("type").asText()).isEqualTo("supports");
    assertThat(linked.json().path("item").asText()).isEqualTo(key);
    JsonNode links = api.get(base() + "/ideas/" + idea.id()).json().path("links");
    assertThat(links.get(0).path("item").asText()).isEqualTo(key);
    assertThat(api.post(base() + "/ideas/" + idea.id() + "/links", "{\"item\": \"\"}").status())
        .isEqualTo(400);
  }

  @Test
  void commentsAreApprovedOrHidden() {
    turnOn();
    Idea idea = idea("Webhooks for refunds");
    portal()
        .comment(
            product.slug(),
            idea.id(),
            Visitor.of(null, "c@shop.example"),
            new io.hatrack.discovery.portal.CommentDraft("Needed", "C", null),
            "192.0.2.3");
    long comment =
        api.get(base() + "/ideas/" + idea.id()).json().path("comments").get(0).path("id").asLong();

    Answer hidden =
        api.patch(base() + "/comments/" + comment, "{\"visibility\": \"hidden\"}", null);

    assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
    assertThat(hidden.json().path("visibility").asText()).isEqualTo("hidden");
    assertThat(portal().idea(product.slug(), idea.id(), Visitor.ANONYMOUS).comments()).isEmpty();
    assertThat(
            api.patch(base() + "/comments/" + comment, "{\"visibility\": \"gone\"}", null).status())
        .isEqualTo(400);
  }

  @Test
  void theOpenApiDocumentDescribesThePortal() {
    Answer doc = api.get("/api/openapi.json");

    assertThat(doc.json().path("paths").has("/api/v1/products/{product}/portal/ideas")).isTrue();
    assertThat(
            doc.json()
                .path("paths")
                .path("/api/v1/products/{product}/portal/ideas/{idea}/merge")
                .has("post"))
        .isTrue();
    assertThat(
            doc.json()
                .path("paths")
                .path("/api/v1/products/{product}/portal/ideas/{idea}")
                .has("patch"))
        .isTrue();
  }
}
