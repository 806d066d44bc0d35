package io.hatrack.kernel.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Where route classes register their handlers: API endpoints are documented in the OpenAPI document
 * as they are registered; HTML pages are not part of the API.
 */
public final class Router {
  private final RoutesConfig routes;
  private final ApiDocs docs;

  public Router(RoutesConfig routes, ApiDocs docs) {
    this.routes = routes;
    this.docs = docs;
  }

  /** Registers a JSON API endpoint; describe it with the returned operation. */
  public ApiDocs.Operation api(HandlerType method, String path, Handler handler) {
    if (!path.startsWith("/api/")) {
      throw new IllegalArgumentException("API paths start with /api/: " + path);
    }
    routes.addHttpHandler(method, path, handler);
    return docs.add(method.name(), path);
  }

  public ApiDocs.Operation get(String path, Handler handler) {
    return api(HandlerType.GET, path, handler);
  }

  public ApiDocs.Operation post(String path, Handler handler) {
    return api(HandlerType.POST, path, handler);
  }

  public ApiDocs.Operation put(String path, Handler handler) {
    return api(HandlerType.PUT, path, handler);
  }

  public ApiDocs.Operation patch(String path, Handler handler) {
    return api(HandlerType.PATCH, path, handler);
  }

  public ApiDocs.Operation delete(String path, Handler handler) {
    return api(HandlerType.DELETE, path, handler);
  }

  /** Registers a browser page or an htmx fragment. */
  public void page(HandlerType method, String path, Handler handler) {
    if (path.startsWith("/api/")) {
      throw new IllegalArgumentException("pages do not live under /api/: " + path);
    }
    routes.addHttpHandler(method, path, handler);
  }

  public void getPage(String path, Handler handler) {
    page(HandlerType.GET, path, handler);
  }

  public void postPage(String path, Handler handler) {
    page(HandlerType.POST, path, handler);
  }
}
