package io.hatrack.kernel.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reading what a request says: the caller, its JSON body, versions, paging parameters. */
public final class Requests {
  /** The request attribute holding the signed-in {@link User}. */
  public static final String USER = "hatrack.user";

  /** The request attribute holding the session secret, for CSRF tokens. */
  public static final String SESSION = "hatrack.session";

  /** Listing pages hold at most this many items. */
  public static final int MAX_LIMIT = 200;

  private Requests() {}

  /** The signed-in caller; {@link Unauthenticated} when there is none. */
  public static User user(Context ctx) {
    User user = ctx.attribute(USER);
    if (user == null) {
      throw new Unauthenticated("Sign in, or send an API token as 'Authorization: Bearer htk_...'");
    }
    return user;
  }

  /** The signed-in caller, or null. */
  public static User userOrNull(Context ctx) {
    return ctx.attribute(USER);
  }

  /**
   * The product of a page's URL ({@code /w/{ws}/{product}/...}) as the signed-in user may see it; a
   * product of another workspace than the URL's is not found, as if it did not exist.
   */
  public static ProductAccess product(Context ctx, ProductService products) {
    ProductAccess product = products.access(user(ctx), ctx.pathParam("product"));
    if (!product.workspace().workspace().slug().equals(ctx.pathParam("ws"))) {
      throw new NotFound("product");
    }
    return product;
  }

  /** True for requests of the JSON API. */
  public static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/");
  }

  /** True for requests htmx makes from a page. */
  public static boolean isHtmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  /**
   * Reads the JSON body as {@code type}; a malformed body, an unknown field or a value of the wrong
   * type is refused with a message that names it.
   */
  public static <T> T body(Context ctx, ObjectMapper json, Class<T> type) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length == 0) {
      throw new BadRequest(400, "malformed_json", "The request needs a JSON body.");
    }
    try {
      T value = json.readValue(bytes, type);
      if (value == null) {
        throw new BadRequest(400, "malformed_json", "The JSON body must be an object, not null.");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw Invalid.field(path(e), "is not a field of this request");
    } catch (MismatchedInputException e) {
      String path = path(e);
      if (path.isEmpty()) {
        throw new BadRequest(400, "malformed_json", "The JSON body must be an object.");
      }
      String expected = e.getTargetType() == null ? "another type" : typeName(e.getTargetType());
      throw Invalid.field(path, "must be " + expected);
    } catch (JsonMappingException e) {
      String path = path(e);
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof Invalid invalid) {
        throw invalid;
      }
      throw Invalid.field(
          path.isEmpty() ? "body" : path, "is not acceptable: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new BadRequest(
          400,
          "malformed_json",
          "The body is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequest(400, "malformed_json", "The body could not be read.");
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String typeName(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "an object";
  }

  /**
   * The version a change expects, from {@code If-Match}: {@link PreconditionRequired} (428) when
   * missing, an {@link Invalid} when it is not an ETag this API gave out.
   */
  public static long expectedVersion(Context ctx) {
    String header = ctx.header("If-Match");
    if (header == null || header.isBlank()) {
      throw new PreconditionRequired();
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      long version = Long.parseLong(value);
      if (version < 1) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw Invalid.field("If-Match", "must be the item's ETag, such as \"3\"");
    }
  }

  /** Sets the ETag of a versioned resource. */
  public static void etag(Context ctx, long version) {
    ctx.header("ETag", "\"" + version + "\"");
  }

  /** The {@code limit} query parameter: 1 to {@link #MAX_LIMIT}, {@code fallback} when absent. */
  public static int limit(Context ctx, int fallback) {
    String value = ctx.queryParam("limit");
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new NumberFormatException();
      }
      return limit;
    } catch (NumberFormatException e) {
      throw Invalid.field("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
  }

  /** The id position of an id-ordered listing from its {@code cursor} parameter (0: the start). */
  public static long cursorId(Context ctx) {
    String cursor = ctx.queryParam("cursor");
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    return io.hatrack.kernel.Cursor.decode(cursor.trim(), 1)[0];
  }

  /** A boolean query parameter: true for {@code true}, {@code 1} or {@code yes}. */
  public static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value != null
        && (value.equalsIgnoreCase("true") || value.equals("1") || value.equalsIgnoreCase("yes"));
  }

  /** A numeric query parameter such as {@code before}, 0 when absent. */
  public static long longQuery(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Invalid.field(name, "must be a whole number");
    }
  }

  /** A numeric path parameter; anything else is a 404, as for an unknown id. */
  public static long idParam(Context ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw new io.hatrack.kernel.NotFound(name);
    }
  }

  /** A form field, trimmed, or null when absent. */
  public static String form(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? null : value.trim();
  }

  /** The address of the client, for rate limits. */
  public static String client(Context ctx) {
    return ctx.ip();
  }
}
