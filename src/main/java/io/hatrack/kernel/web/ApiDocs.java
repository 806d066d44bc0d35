package io.hatrack.kernel.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the JSON API, filled in as routes are registered through {@link
 * Router}, and served at {@code /api/openapi.json}.
 */
public final class ApiDocs {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");

  private final String version;
  private final List<Operation> operations = new ArrayList<>();

  public ApiDocs(String version) {
    this.version = version;
  }

  /** One documented endpoint; its builder methods fill in the details. */
  public static final class Operation {
    final String method;
    final String path;
    String summary = "";
    String description;
    String tag = "General";
    Type requestBody;
    Type response;
    Class<?> listItem;
    int status = 200;
    boolean versioned;
    boolean etag;
    boolean paged;
    boolean isPublic;
    final Map<String, String> query = new LinkedHashMap<>();

    Operation(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Operation summary(String text) {
      this.summary = text;
      return this;
    }

    public Operation description(String text) {
      this.description = text;
      return this;
    }

    public Operation tag(String name) {
      this.tag = name;
      return this;
    }

    /** The JSON body the endpoint reads. */
    public Operation body(Type type) {
      this.requestBody = type;
      return this;
    }

    /** The JSON the endpoint answers with, and its status. */
    public Operation returns(int status, Type type) {
      this.status = status;
      this.response = type;
      return this;
    }

    /** The JSON is one page of a listing: {@code items}, {@code total}, {@code next_cursor}. */
    public Operation returnsList(Class<?> itemType) {
      this.status = 200;
      this.response = null;
      this.listItem = itemType;
      return this;
    }

    /** Answers 204 with no body. */
    public Operation noContent() {
      this.status = 204;
      this.response = null;
      return this;
    }

    /** A change that needs {@code If-Match} (428 without, 409 when stale). */
    public Operation ifMatch() {
      this.versioned = true;
      return this;
    }

    /** Answers with an {@code ETag} header carrying the version. */
    public Operation etag() {
      this.etag = true;
      return this;
    }

    /** Takes {@code cursor} and {@code limit}. */
    public Operation paged() {
      this.paged = true;
      return this;
    }

    public Operation query(String name, String description) {
      query.put(name, description);
      return this;
    }

    /** Needs no API token. */
    public Operation open() {
      this.isPublic = true;
      return this;
    }

    public String method() {
      return method;
    }

    public String path() {
      return path;
    }

    public String summaryText() {
      return summary;
    }
  }

  Operation add(String method, String path) {
    Operation op = new Operation(method.toLowerCase(Locale.ROOT), path);
    operations.add(op);
    return op;
  }

  public List<Operation> operations() {
    return List.copyOf(operations);
  }

  /** The OpenAPI document as a JSON-ready map. */
  public Map<String, Object> document() {
    Schemas schemas = new Schemas();
    Map<String, Object> paths = new TreeMap<>();
    for (Operation op : operations) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(op.path, p -> new LinkedHashMap<>());
      item.put(op.method, operation(op, schemas));
    }
    Map<String, Object> components = new LinkedHashMap<>();
    schemas.of(ErrorBody.class);
    components.put("schemas", schemas.components());
    components.put(
        "securitySchemes",
        Map.of(
            "bearer",
            Schemas.map(
                "type", "http",
                "scheme", "bearer",
                "description",
                    "A personal API token (htk_...), created in Settings or with 'hatrack token create'.")));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.1.0");
    doc.put(
        "info",
        Schemas.map(
            "title",
            "Hatrack API",
            "version",
            version,
            "description",
            "The JSON API of Hatrack. Every {workspace} and {product} accepts an id or a slug;"
                + " every {item} accepts an id or a key such as CHK-42. Errors are"
                + " {\"error\": {\"code\", \"message\", \"details\"}}. Changes to versioned items"
                + " need If-Match with the ETag from GET (428 without it, 409 when stale)."));
    doc.put("servers", List.of(Map.of("url", "/")));
    doc.put("security", List.of(Map.of("bearer", List.of())));
    doc.put("paths", paths);
    doc.put("components", components);
    return doc;
  }

  private static Map<String, Object> operation(Operation op, Schemas schemas) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("summary", op.summary);
    if (op.description != null) {
      o.put("description", op.description);
    }
    o.put("tags", List.of(op.tag));
    o.put("operationId", operationId(op));
    List<Object> parameters = parameters(op);
    if (!parameters.isEmpty()) {
      o.put("parameters", parameters);
    }
    if (op.requestBody != null) {
      o.put(
          "requestBody",
          Schemas.map(
              "required",
              true,
              "content",
              Map.of("application/json", Map.of("schema", schemas.of(op.requestBody)))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> ok =
        Schemas.map("description", op.status == 204 ? "No content" : "Success");
    if (op.response != null) {
      ok.put("content", Map.of("application/json", Map.of("schema", schemas.of(op.response))));
    } else if (op.listItem != null) {
      Map<String, Object> listing =
          Schemas.map(
              "type",
              "object",
              "properties",
              Schemas.map(
                  "items", Schemas.map("type", "array", "items", schemas.of(op.listItem)),
                  "total", Schemas.map("type", "integer"),
                  "next_cursor",
                      Schemas.map(
                          "type",
                          List.of("string", "null"),
                          "description",
                          "Pass as cursor for the next page; null on the last")));
      ok.put("content", Map.of("application/json", Map.of("schema", listing)));
    }
    if (op.etag) {
      ok.put(
          "headers",
          Map.of(
              "ETag",
              Schemas.map("description", "The version", "schema", Schemas.map("type", "string"))));
    }
    responses.put(Integer.toString(op.status), ok);
    Map<String, Object> error =
        Schemas.map(
            "content",
            Map.of(
                "application/json",
                Map.of("schema", Schemas.map("$ref", "#/components/schemas/ErrorBody"))));
    if (!op.isPublic) {
      responses.put("401", withDescription(error, "No valid API token"));
      responses.put("404", withDescription(error, "Not found, or not visible to the caller"));
    }
    if (op.requestBody != null || op.versioned || !op.query.isEmpty() || op.paged) {
      responses.put("400", withDescription(error, "Invalid input; details name each field"));
    }
    if (!"get".equals(op.method)) {
      responses.put("403", withDescription(error, "The caller's role does not allow this"));
    }
    if (op.versioned) {
      responses.put("409", withDescription(error, "The item changed since it was read"));
      responses.put("428", withDescription(error, "If-Match is missing"));
    }
    if (op.requestBody != null) {
      responses.put("413", withDescription(error, "The body is too large"));
    }
    o.put("responses", responses);
    if (op.isPublic) {
      o.put("security", List.of());
    }
    return o;
  }

  private static List<Object> parameters(Operation op) {
    List<Object> parameters = new ArrayList<>();
    Matcher m = PATH_PARAM.matcher(op.path);
    while (m.find()) {
      parameters.add(
          Schemas.map(
              "name", m.group(1),
              "in", "path",
              "required", true,
              "description", describePathParam(m.group(1)),
              "schema", Schemas.map("type", "string")));
    }
    if (op.paged) {
      parameters.add(
          Schemas.map(
              "name", "cursor",
              "in", "query",
              "description", "The next_cursor of the previous page.",
              "schema", Schemas.map("type", "string")));
      parameters.add(
          Schemas.map(
              "name",
              "limit",
              "in",
              "query",
              "description",
              "Items per page, 1 to " + Requests.MAX_LIMIT + ".",
              "schema",
              Schemas.map("type", "integer", "minimum", 1, "maximum", Requests.MAX_LIMIT)));
    }
    op.query.forEach(
        (name, description) ->
            parameters.add(
                Schemas.map(
                    "name",
                    name,
                    "in",
                    "query",
                    "description",
                    description,
                    "schema",
                    Schemas.map("type", "string"))));
    if (op.versioned) {
      parameters.add(
          Schemas.map(
              "name", "If-Match",
              "in", "header",
              "required", true,
              "description", "The ETag (version) of the item as last read.",
              "schema", Schemas.map("type", "string")));
    }
    return parameters;
  }

  private static Map<String, Object> withDescription(Map<String, Object> base, String text) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    copy.put("description", text);
    return copy;
  }

  private static String describePathParam(String name) {
    return switch (name) {
      case "workspace" -> "Workspace id or slug";
      case "product" -> "Product id or slug";
      case "item" -> "Item id or key, e.g. CHK-42";
      default -> "The " + name.replace('_', ' ');
    };
  }

  private static String operationId(Operation op) {
    String cleaned =
        op.path.replace("/api/v1/", "").replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_");
    return op.method + "_" + cleaned;
  }

  /** The error envelope of every failed request. */
  public record ErrorBody(ErrorDetail error) {}

  /** The error itself. */
  public record ErrorDetail(String code, String message, List<FieldIssue> details) {}

  /** What is wrong with one field. */
  public record FieldIssue(String field, String reason) {}
}
