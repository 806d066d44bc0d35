package io.hatrack.kernel.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.NotFound;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP server: Javalin with Hatrack's filters (authentication, CSRF, security headers,
 * metrics), error mapping, static assets, health and metrics endpoints, and every registered set of
 * {@link Routes}.
 */
public final class WebServer implements AutoCloseable {
  /** The largest request body accepted; larger ones get 413. */
  public static final long MAX_BODY_BYTES = 1024 * 1024;

  /** What the server is made of. */
  public record Parts(
      ObjectMapper json,
      Authentication authentication,
      Errors errors,
      Metrics metrics,
      Assets assets,
      ApiDocs docs,
      Views views,
      Shells shells,
      BooleanSupplier databaseHealthy,
      String version,
      List<Routes> routes) {}

  private final Javalin app;

  public WebServer(Parts parts, String host, int port) {
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = MAX_BODY_BYTES;
              config.jetty.host = host;
              config.jetty.port = port;
              config.jsonMapper(new JavalinJackson(parts.json(), false));
              config.jetty.modifyServletContextHandler(
                  handler -> handler.setMaxFormContentSize((int) MAX_BODY_BYTES));

              var routes = config.routes;
              routes.before(parts.metrics()::start);
              routes.before(parts.authentication()::before);
              routes.after(SecurityHeaders::apply);
              routes.after(parts.metrics()::stop);
              routes.exception(Exception.class, parts.errors()::handle);
              routes.exception(HttpResponseException.class, parts.errors()::handle);
              routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                      parts.errors().handle(new NotFound("page"), ctx);
                    }
                  });

              routes.get("/health", ctx -> health(ctx, parts));
              routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(parts.metrics().scrape()));
              routes.get(
                  "/assets/{hash}/{name}",
                  ctx -> {
                    var asset =
                        parts
                            .assets()
                            .find(ctx.pathParam("name"))
                            .orElseThrow(() -> new NotFound("asset"));
                    boolean current = asset.hash().equals(ctx.pathParam("hash"));
                    ctx.header(
                        "Cache-Control",
                        current ? "public, max-age=31536000, immutable" : "no-cache");
                    ctx.contentType(asset.contentType()).result(asset.bytes());
                  });
              routes.get("/favicon.ico", ctx -> ctx.redirect(parts.assets().url("favicon.svg")));

              Router router = new Router(routes, parts.docs());
              router
                  .get("/api/openapi.json", ctx -> ctx.json(parts.docs().document()))
                  .summary("This OpenAPI 3.1 document")
                  .tag("Meta")
                  .returns(200, Object.class)
                  .open();
              for (Routes r : parts.routes()) {
                r.register(router);
              }
            });
  }

  private static void health(io.javalin.http.Context ctx, Parts parts) {
    boolean db = parts.databaseHealthy().getAsBoolean();
    ctx.status(db ? 200 : 503);
    ctx.json(
        Map.of(
            "status", db ? "up" : "down",
            "database", db ? "up" : "down",
            "version", parts.version()));
  }

  public WebServer start() {
    app.start();
    return this;
  }

  public int port() {
    return app.port();
  }

  /** The registered routes, for tests that check the API document. */
  public Javalin javalin() {
    return app;
  }

  @Override
  public void close() {
    app.stop();
  }
}
