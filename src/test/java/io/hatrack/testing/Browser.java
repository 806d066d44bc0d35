package io.hatrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it reads the CSRF
 * token from the last page and sends forms with it. For HTTP-level tests of the web UI.
 */
public final class Browser {
  private static final Pattern CSRF =
      Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String csrf = "";

  public Browser(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A page as the browser got it. */
  public record Page(int status, String location, String body, java.net.http.HttpHeaders headers) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Page get(String path) {
    Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    remember(page);
    return page;
  }

  /** A GET that htmx makes from a page (polling a fragment, say). */
  public Page htmxGet(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
  }

  /** Follows redirects from {@code path} like a browser would, up to five. */
  public Page open(String path) {
    Page page = get(path);
    for (int i = 0; i < 5 && page.location() != null; i++) {
      page = get(page.location());
    }
    return page;
  }

  /** Posts a form with the CSRF token of the last page read. */
  public Page post(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return postRaw(path, form);
  }

  /**
   * Posts a form with the CSRF token of the last page read, keeping every pair even where a name
   * repeats (the ticked boxes of a group, hidden markers).
   */
  public Page postEach(String path, String... fields) {
    StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
    }
    Page page =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    remember(page);
    return page;
  }

  /** Posts exactly these fields (no CSRF token unless given). */
  public Page postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    Page page =
        send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    remember(page);
    return page;
  }

  /** An htmx request: the CSRF token in the header, as the page's script sends it. */
  public Page htmxPost(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .header("X-CSRF-Token", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public String csrf() {
    return csrf;
  }

  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Signs in through the sign-in form; returns the page it lands on. */
  public Page signIn(String email, String password) {
    get("/login");
    Page answer = post("/login", "email", email, "password", password);
    return answer.location() != null ? open(answer.location()) : answer;
  }

  private void remember(Page page) {
    Matcher m = CSRF.matcher(page.body());
    if (m.find()) {
      csrf = m.group(1);
    }
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(
          r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
