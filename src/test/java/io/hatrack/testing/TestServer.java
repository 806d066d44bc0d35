package io.hatrack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.kernel.auth.PasswordHasher;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Hatrack, started on a free port over a fresh SQLite data directory (or a given
 * database), with small helpers to create people and call the API as them.
 */
public final class TestServer implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final App app;
  private final Path dataDir;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** The servers started on shared test apps, so that each app is started once. */
  private static final Map<TestApp, TestServer> SERVING =
      Collections.synchronizedMap(new WeakHashMap<>());

  private TestServer(App app, Path dataDir) {
    this.app = app;
    this.dataDir = dataDir;
  }

  /**
   * The real server of a {@link TestApp}, started on a free port the first time it is asked for.
   * For web tests that run on every database with {@link OnEveryDatabase}: the app (and so the
   * server) is shared by the tests of a class on one dialect, and closing the app stops it.
   */
  public static TestServer serving(TestApp app) {
    return SERVING.computeIfAbsent(
        app, a -> new TestServer(a.app().start(), a.testDatabase().dataDir()));
  }

  /** Starts Hatrack on SQLite in a new temporary data directory. */
  public static TestServer start() {
    return start(null);
  }

  /** Starts Hatrack on {@code jdbcUrl} (null: SQLite in a new temporary data directory). */
  public static TestServer start(String jdbcUrl) {
    try {
      Path dir = Files.createTempDirectory("hatrack-test-");
      AppConfig config =
          new AppConfig(
              dir,
              jdbcUrl,
              "127.0.0.1",
              0,
              null,
              4,
              new PasswordHasher(1024, 1),
              Clock.systemUTC());
      return new TestServer(new App(config).start(), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public App app() {
    return app;
  }

  public Path dataDir() {
    return dataDir;
  }

  public String url() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A fresh suffix so that every fixture's e-mail, slug and key is unique in this database. */
  public static String unique() {
    return Integer.toString(COUNTER.incrementAndGet())
        + Long.toString(System.nanoTime() % 100_000, 36);
  }

  /** A new account with the password {@code password123}. */
  public User user(String name) {
    String email = name.toLowerCase().replace(' ', '.') + "." + unique() + "@example.com";
    return app.accounts().create(email, name, "password123");
  }

  public Workspace workspace(User owner) {
    return app.workspaces().create(owner, "Workspace " + unique(), null);
  }

  public Product product(User admin, Workspace ws) {
    String u = unique();
    return app.products()
        .create(
            admin,
            ws.slug(),
            new ProductService.ProductInput("Product " + u, null, null, "A product for tests"));
  }

  /** An API client acting as {@code user}, with a fresh token. */
  public Api api(User user) {
    return new Api(this, app.tokens().create(user, "test").secret());
  }

  /** An API client with no token, or with any token text. */
  public Api apiWithToken(String token) {
    return new Api(this, token);
  }

  HttpClient http() {
    return http;
  }

  ObjectMapper json() {
    return json;
  }

  /** An answer with its status, headers and body. */
  public record Answer(
      int status, java.net.http.HttpHeaders headers, String body, ObjectMapper mapper) {
    public JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The error code of an error answer. */
    public String errorCode() {
      return json().path("error").path("code").asText();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** JSON API calls with a Bearer token. */
  public static final class Api {
    private final TestServer server;
    private final String token;

    Api(TestServer server, String token) {
      this.server = server;
      this.token = token;
    }

    public Answer get(String path) {
      return send(request(path).GET());
    }

    public Answer post(String path, String body) {
      return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer put(String path, String body) {
      return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer patch(String path, String body, String ifMatch) {
      HttpRequest.Builder b =
          request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body));
      if (ifMatch != null) {
        b.header("If-Match", ifMatch);
      }
      return send(b);
    }

    public Answer delete(String path, String ifMatch) {
      HttpRequest.Builder b = request(path).DELETE();
      if (ifMatch != null) {
        b.header("If-Match", ifMatch);
      }
      return send(b);
    }

    public Answer send(HttpRequest.Builder builder) {
      try {
        HttpResponse<String> r =
            server.http().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers(), r.body(), server.json());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    public HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.url() + path))
              .header("Content-Type", "application/json");
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
      return b;
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
