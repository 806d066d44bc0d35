package io.hatrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.testing.TestServer;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The OpenAPI document describes every API route the server really serves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
  private TestServer server;
  private JsonNode doc;

  @BeforeAll
  void start() {
    server = TestServer.start();
    var answer = server.apiWithToken(null).get("/api/openapi.json");
    assertThat(answer.status()).isEqualTo(200);
    doc = answer.json();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theDocumentIsOpenApi31WithBearerSecurity() {
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(
            doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
        .isEqualTo("bearer");
  }

  @Test
  void everyServedApiRouteIsInTheDocument() {
    List<String> missing = new ArrayList<>();
    int apiRoutes = 0;
    for (ParsedEndpoint endpoint :
        server.app().web().javalin().unsafe.internalRouter.allHttpHandlers()) {
      String path = endpoint.endpoint.path;
      String method = endpoint.endpoint.method.name().toLowerCase(Locale.ROOT);
      if (!path.startsWith("/api/") || method.equals("head") || method.equals("options")) {
        continue;
      }
      apiRoutes++;
      JsonNode operation = doc.path("paths").path(path).path(method);
      if (operation.isMissingNode() || operation.path("summary").asText().isBlank()) {
        missing.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    assertThat(apiRoutes).isGreaterThan(40);
    assertThat(missing).as("API routes missing from /api/openapi.json").isEmpty();
  }

  @Test
  void everyReferencedSchemaIsDefined() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc.path("paths"), refs);
    collectRefs(doc.path("components"), refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      String name = ref.substring("#/components/schemas/".length());
      assertThat(doc.path("components").path("schemas").has(name)).as(ref).isTrue();
    }
  }

  @Test
  void versionedChangesDeclareIfMatchAndTheirConflictAnswers() {
    JsonNode patch = doc.path("paths").path("/api/v1/pages/{id}").path("patch");

    assertThat(patch.path("responses").has("409")).isTrue();
    assertThat(patch.path("responses").has("428")).isTrue();
    assertThat(patch.path("parameters").toString()).contains("If-Match");
  }

  @Test
  void schemasUseTheSnakeCaseNamesOfTheJson() {
    JsonNode page = doc.path("components").path("schemas").path("Page").path("properties");

    assertThat(page.has("body_html")).isTrue();
    assertThat(page.has("updated_at")).isTrue();
    assertThat(page.has("bodyHtml")).isFalse();
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
