package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.TestServer;
import io.hatrack.testing.TestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requirement documents over the API: templates, versions, diffs, reviews, exports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsApiTest {
  private TestServer server;
  private User owner;
  private User benUser;
  private User femiUser;
  private TestServer.Api ana;
  private TestServer.Api ben;
  private TestServer.Api femi;
  private Workspace ws;
  private Product product;

  @BeforeAll
  void start() {
    server = TestServer.start();
    owner = server.user("Ana Lima");
    ws = server.workspace(owner);
    product = server.product(owner, ws);
    benUser = server.user("Ben Okafor");
    femiUser = server.user("Femi Adeyemi");
    server.app().workspaces().addMember(owner, ws.slug(), benUser.email(), Role.EDITOR);
    server.app().workspaces().addMember(owner, ws.slug(), femiUser.email(), Role.COMMENTER);
    ana = server.api(owner);
    ben = server.api(benUser);
    femi = server.api(femiUser);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private String docs() {
    return "/api/v1/products/" + product.slug() + "/documents";
  }

  private JsonNode create(String template, String title, String body) {
    String json =
        "{\"template\":\""
            + template
            + "\",\"title\":\""
            + title
            + "\""
            + (body == null ? "" : ",\"body\":\"" + body + "\"")
            + "}";
    Answer created = ana.post(docs(), json);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  @Test
  void creatingFromATemplateAnswersWithTheDraftItsEtagAndLocation() {
    Answer created = ana.post(docs(), "{\"template\":\"prd\",\"title\":\"Saved cards\"}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode d = created.json();
    assertThat(d.path("key").asText()).startsWith(product.key() + "-");
    assertThat(d.path("status").asText()).isEqualTo("draft");
    assertThat(d.path("version").asLong()).isEqualTo(1);
    assertThat(d.path("latest_version").asInt()).isEqualTo(1);
    assertThat(d.path("template").asText()).isEqualTo("prd");
    assertThat(d.path("body").asText()).contains("## Success metrics");
    assertThat(d.path("body_html").asText()).contains("<h2>Success metrics</h2>");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(created.header("Location")).isEqualTo("/api/v1/documents/" + d.path("id").asLong());
    assertThat(ana.get("/api/v1/documents/" + d.path("key").asText()).json().path("id").asLong())
        .isEqualTo(d.path("id").asLong());
    assertThat(ana.get("/api/v1/items/" + d.path("key").asText()).json().path("status").asText())
        .isEqualTo("draft");
  }

  @Test
  void anUnknownTemplateIsRefusedNamingTheField() {
    Answer refused = ana.post(docs(), "{\"template\":\"memo\",\"title\":\"X\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("details").get(0).path("field").asText())
        .isEqualTo("template");
  }

  @Test
  void everyPatchIsAVersionAndTheDiffOfAnyTwoComesAsHunks() {
    JsonNode d = create("blank", "Metrics", "Conversion 61 %\\nKeep scope");
    String path = "/api/v1/documents/" + d.path("id").asLong();
    assertThat(ana.patch(path, "{\"body\":\"Conversion 68 %\\nKeep scope\"}", "\"1\"").status())
        .isEqualTo(200);
    Answer third = ana.patch(path, "{\"title\":\"Success metrics\"}", "\"2\"");
    assertThat(third.header("ETag")).isEqualTo("\"3\"");

    JsonNode versions = ana.get(path + "/versions").json();
    JsonNode first = ana.get(path + "/versions/1").json();
    JsonNode diff = ana.get(path + "/diff?from=1&to=3").json();

    assertThat(versions.path("total").asInt()).isEqualTo(3);
    assertThat(versions.path("items").get(0).path("number").asInt()).isEqualTo(3);
    assertThat(versions.path("items").get(0).path("author").path("handle").asText())
        .isEqualTo(owner.handle());
    assertThat(first.path("body").asText()).isEqualTo("Conversion 61 %\nKeep scope");
    assertThat(diff.path("title_changed").asBoolean()).isTrue();
    assertThat(diff.path("title_after").asText()).isEqualTo("Success metrics");
    assertThat(diff.path("added").asInt()).isEqualTo(1);
    JsonNode lines = diff.path("hunks").get(0).path("lines");
    assertThat(lines.get(0).path("type").asText()).isEqualTo("removed");
    assertThat(lines.get(1).path("type").asText()).isEqualTo("added");
    assertThat(lines.get(1).path("new_number").asInt()).isEqualTo(1);
    List<String> changed = new ArrayList<>();
    lines
        .get(1)
        .path("segments")
        .forEach(
            s -> {
              if (s.path("changed").asBoolean()) {
                changed.add(s.path("text").asText());
              }
            });
    assertThat(changed).containsExactly("68");
    assertThat(diff.path("hunks").get(0).path("header").asText()).isEqualTo("@@ -1,2 +1,2 @@");
    assertThat(ana.get(path + "/diff?from=1&to=9").status()).isEqualTo(400);
    assertThat(ana.get(path + "/versions/7").status()).isEqualTo(404);
  }

  @Test
  void theSecondWriterGetsAConflictAndChangesNothing() {
    JsonNode d = create("blank", "Shared", "first");
    String path = "/api/v1/documents/" + d.path("id").asLong();
    assertThat(ben.patch(path, "{\"body\":\"Ben's\"}", "\"1\"").status()).isEqualTo(200);

    Answer stale = ana.patch(path, "{\"body\":\"Ana's\"}", "\"1\"");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(ana.get(path).json().path("body").asText()).isEqualTo("Ben's");
    assertThat(ana.get(path + "/versions").json().path("total").asInt()).isEqualTo(2);
    assertThat(ana.patch(path, "{\"body\":\"x\"}", null).status()).isEqualTo(428);
  }

  @Test
  void reviewApproveAndRequestChangesMoveTheStatus() {
    JsonNode d = create("one-pager", "Saved cards pitch", null);
    String path = "/api/v1/documents/" + d.path("id").asLong();

    Answer asked =
        ana.post(
            path + "/review",
            "{\"approvers\":[\"" + benUser.handle() + "\",\"@" + femiUser.handle() + "\"]}");

    assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
    assertThat(asked.json().path("status").asText()).isEqualTo("in_review");
    assertThat(asked.json().path("approvers")).hasSize(2);
    assertThat(asked.json().path("approvers").get(0).path("decision").asText())
        .isEqualTo("pending");

    Answer changes =
        femi.post(path + "/request-changes", "{\"comment\":\"Add the metric baseline.\"}");
    assertThat(changes.json().path("status").asText()).isEqualTo("in_review");
    assertThat(ben.post(path + "/approve", "").json().path("approved_count").asLong()).isEqualTo(1);
    Answer done = femi.post(path + "/approve", "{\"reviewed_version\":1}");

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().path("status").asText()).isEqualTo("approved");
    assertThat(done.json().path("approvers").get(1).path("decided_version").asInt()).isEqualTo(1);

    Answer edited = ana.patch(path, "{\"body\":\"Shorter.\"}", "\"1\"");
    assertThat(edited.json().path("status").asText()).isEqualTo("draft");
    assertThat(edited.json().path("approved_count").asLong()).isZero();
  }

  @Test
  void decisionsByOthersOrOnStaleVersionsAreRefused() {
    JsonNode d = create("blank", "Reviewed", "x");
    String path = "/api/v1/documents/" + d.path("id").asLong();

    assertThat(femi.post(path + "/approve", "").status()).isEqualTo(403);
    assertThat(ana.post(path + "/review", "{\"approvers\":[]}").status()).isEqualTo(400);
    assertThat(femi.post(path + "/review", "{\"approvers\":[\"ana\"]}").status()).isEqualTo(403);
    ana.post(path + "/review", "{\"approvers\":[\"" + femiUser.handle() + "\"]}");
    ana.patch(path, "{\"body\":\"y\"}", "\"1\"");

    Answer stale = femi.post(path + "/approve", "{\"reviewed_version\":1}");

    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.errorCode()).isEqualTo("version_conflict");
    assertThat(ana.get(path).json().path("approved_count").asLong()).isZero();
  }

  @Test
  void exportsAreDownloadsWithFileNames() {
    JsonNode d =
        create("blank", "Card vault: tokenisation", "Uses <script>alert(1)</script> **tokens**");
    String path = "/api/v1/documents/" + d.path("id").asLong();
    String key = d.path("key").asText();

    Answer md = ana.get(path + "/export.md");
    Answer html = ana.get(path + "/export.html");

    assertThat(md.status()).isEqualTo(200);
    assertThat(md.header("Content-Type")).startsWith("text/markdown");
    assertThat(md.header("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\""
                + key
                + "-card-vault-tokenisation.md\"; filename*=UTF-8''"
                + key
                + "-card-vault-tokenisation.md");
    assertThat(md.body())
        .isEqualTo("# Card vault: tokenisation\n\nUses <script>alert(1)</script> **tokens**\n");
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.header("Content-Disposition")).contains(key + "-card-vault-tokenisation.html");
    assertThat(html.body())
        .startsWith("<!doctype html>")
        .contains("<title>" + key + " Card vault: tokenisation</title>")
        .contains("<h1>Card vault: tokenisation</h1>")
        .contains("<strong>tokens</strong>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>")
        .contains("Content-Security-Policy")
        .contains("<style>");
  }

  @Test
  void templatesAreListedAddedChangedAndDeleted() {
    String path = "/api/v1/products/" + product.slug() + "/document-templates";

    Answer created =
        ben.post(
            path,
            "{\"name\":\"Launch brief\",\"description\":\"For launches\","
                + "\"body\":\"## Audience\\n## Message\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("key").asText()).isEqualTo("launch-brief");
    assertThat(created.json().path("outline").toString()).isEqualTo("[\"Audience\",\"Message\"]");

    JsonNode list = ana.get(path).json();
    assertThat(list.path("items").get(0).path("key").asText()).isEqualTo("prd");
    assertThat(list.path("items").get(0).path("built_in").asBoolean()).isTrue();
    assertThat(list.path("items").get(list.path("total").asInt() - 1).path("key").asText())
        .isEqualTo("launch-brief");

    Answer changed = ana.patch(path + "/launch-brief", "{\"description\":\"Launches\"}", "\"1\"");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.header("ETag")).isEqualTo("\"2\"");
    assertThat(ana.patch(path + "/launch-brief", "{\"name\":\"X\"}", "\"1\"").status())
        .isEqualTo(409);
    assertThat(ana.patch(path + "/prd", "{\"name\":\"X\"}", "\"1\"").status()).isEqualTo(400);
    assertThat(femi.post(path, "{\"name\":\"Mine\",\"body\":\"\"}").status()).isEqualTo(403);

    JsonNode doc = create("launch-brief", "Saved cards launch", null);
    assertThat(doc.path("body").asText()).isEqualTo("## Audience\n## Message");

    assertThat(ana.delete(path + "/launch-brief", "\"2\"").status()).isEqualTo(204);
    assertThat(ana.get(path + "/launch-brief").status()).isEqualTo(404);
  }

  @Test
  void theListFiltersByStatusAndADeletedDocumentComesBack() {
    Product own = server.product(owner, ws);
    String list = "/api/v1/products/" + own.slug() + "/documents";
    JsonNode a = ana.post(list, "{\"title\":\"A\"}").json();
    ana.post(list, "{\"title\":\"B\"}");
    ana.post(
        "/api/v1/documents/" + a.path("id").asLong() + "/review",
        "{\"approvers\":[\"" + benUser.handle() + "\"]}");

    assertThat(ana.get(list).json().path("total").asLong()).isEqualTo(2);
    JsonNode inReview = ana.get(list + "?status=in_review").json();
    assertThat(inReview.path("total").asLong()).isEqualTo(1);
    assertThat(inReview.path("items").get(0).path("approvers").get(0).path("handle").asText())
        .isEqualTo(benUser.handle());
    assertThat(ana.get(list + "?status=finished").status()).isEqualTo(400);

    String path = "/api/v1/documents/" + a.path("id").asLong();
    assertThat(ana.delete(path, "\"1\"").status()).isEqualTo(204);
    assertThat(ana.get(path).status()).isEqualTo(404);
    assertThat(ana.post(path + "/restore", "").json().path("title").asText()).isEqualTo("A");
  }
}
