import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a running Hatrack through its real HTTP API for the benchmark: one product, then PAGES
 * pages with realistic Markdown bodies and COMMENTS_PER_PAGE comments on each, written by a small
 * pool of threads. It checks every response and stops at the first failure with the request and
 * the answer. Then it walks the product's page listing and writes what the load generator needs.
 *
 * <p>Run: {@code java bench/Seed.java --base http://127.0.0.1:7070 --token htk_... --out DIR
 * [--pages 10000] [--comments-per-page 10] [--threads 4]}
 *
 * <p>Writes to DIR: {@code product} (the product's slug), {@code page-ids} (one id a line) and
 * {@code list-cursors} (the cursor of every page of the listing at 50 a page, the first one empty).
 * JDK only, no dependencies: run it with {@code java bench/Seed.java}.
 */
public final class Seed {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
  private static final Pattern HANDLE = Pattern.compile("\"handle\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern NEXT = Pattern.compile("\"next_cursor\"\\s*:\\s*(null|\"([^\"]*)\")");

  private final HttpClient http;
  private final String base;
  private final String token;
  private final AtomicLong requests = new AtomicLong();
  private volatile String failure;

  private Seed(String base, String token, int threads) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(Math.max(2, threads)))
            .build();
  }

  /** Thrown on the first failed request; the message says which request and what came back. */
  static final class Failed extends RuntimeException {
    Failed(String message) {
      super(message);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    String base = require(opts, "base");
    String token = require(opts, "token");
    Path out = Path.of(require(opts, "out"));
    int pages = Integer.parseInt(opts.getOrDefault("pages", "10000"));
    int commentsPerPage = Integer.parseInt(opts.getOrDefault("comments-per-page", "10"));
    int threads = Integer.parseInt(opts.getOrDefault("threads", "4"));
    long seed = Long.parseLong(opts.getOrDefault("seed", "42"));
    Files.createDirectories(out);
    Seed s = new Seed(base, token, threads);
    try {
      s.run(out, pages, commentsPerPage, threads, seed);
    } catch (Failed e) {
      System.err.println("seed: FAILED: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0);
  }

  private void run(Path out, int pages, int commentsPerPage, int threads, long seed)
      throws Exception {
    String me = get("/api/v1/me", 200);
    String handle = first(HANDLE, me, "handle in /api/v1/me");
    String workspace = first(SLUG, get("/api/v1/workspaces", 200), "a workspace slug");
    String product =
        first(
            SLUG,
            send(
                "POST",
                "/api/v1/workspaces/" + workspace + "/products",
                "{\"name\":\"Bench\",\"key\":\"BEN\",\"slug\":\"bench\"}",
                201),
            "the product's slug");
    Files.writeString(out.resolve("product"), product + "\n");
    System.out.printf(
        "seed: workspace %s, product %s, @%s; %d pages x %d comments with %d threads%n",
        workspace, product, handle, pages, commentsPerPage, threads);

    Markdown text = new Markdown(handle, "BEN");
    long[] ids = new long[pages];
    AtomicInteger done = new AtomicInteger();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    for (int i = 0; i < pages; i++) {
      int n = i;
      pool.execute(
          () -> {
            if (failure != null) {
              return;
            }
            try {
              // Each page gets its own random stream, so the data set does not depend on timing.
              Random r = new Random(seed * 1_000_003L + n);
              String page =
                  send(
                      "POST",
                      "/api/v1/products/" + product + "/pages",
                      json("title", text.title(r, n), "body", text.pageBody(r, n, pages)),
                      201);
              long id = Long.parseLong(first(ID, page, "the new page's id"));
              ids[n] = id;
              for (int c = 0; c < commentsPerPage && failure == null; c++) {
                send("POST", "/api/v1/items/" + id + "/comments", json("body", text.comment(r, pages)), 201);
              }
              int count = done.incrementAndGet();
              if (count % 1000 == 0 || count == pages) {
                double secs = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                    "seed: %,d / %,d pages (%,d requests, %.0f requests/s)%n",
                    count, pages, requests.get(), requests.get() / secs);
              }
            } catch (Failed e) {
              if (failure == null) {
                failure = e.getMessage();
              }
              errors.add(e.getMessage());
            } catch (Exception e) {
              if (failure == null) {
                failure = e.toString();
              }
            }
          });
    }
    pool.shutdown();
    while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
      if (failure != null) {
        pool.shutdownNow();
      }
    }
    if (failure != null) {
      throw new Failed(failure);
    }
    double secs = (System.nanoTime() - started) / 1e9;
    long writes = (long) pages * (1 + commentsPerPage);
    System.out.printf(
        "seed: wrote %,d pages and %,d comments in %.1f s: %.0f writes/s (%d threads)%n",
        pages, (long) pages * commentsPerPage, secs, writes / secs, threads);

    StringBuilder idLines = new StringBuilder();
    for (long id : ids) {
      idLines.append(id).append('\n');
    }
    Files.writeString(out.resolve("page-ids"), idLines);

    // Walk the listing the way a client would, so that the load generator can ask for any page.
    List<String> cursors = new ArrayList<>();
    String cursor = "";
    int listed = 0;
    while (cursor != null) {
      cursors.add(cursor);
      String path = "/api/v1/products/" + product + "/pages?limit=50"
          + (cursor.isEmpty() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      String body = get(path, 200);
      Matcher m = ID.matcher(body);
      while (m.find()) {
        listed++;
      }
      Matcher next = NEXT.matcher(body);
      if (!next.find()) {
        throw new Failed("GET " + path + ": no next_cursor in " + abbreviate(body));
      }
      cursor = next.group(2);
    }
    if (listed != pages) {
      throw new Failed("the listing shows " + listed + " pages, expected " + pages);
    }
    StringBuilder cursorLines = new StringBuilder();
    for (String c : cursors) {
      cursorLines.append(URLEncoder.encode(c, StandardCharsets.UTF_8)).append('\n');
    }
    Files.writeString(out.resolve("list-cursors"), cursorLines);
    System.out.printf("seed: the listing has %d pages of 50; wrote page-ids and list-cursors%n", cursors.size());
  }

  private String get(String path, int expected) {
    return send("GET", path, null, expected);
  }

  private String send(String method, String path, String body, int expected) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Failed(method + " " + path + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed(method + " " + path + ": interrupted");
    }
    requests.incrementAndGet();
    if (response.statusCode() != expected) {
      throw new Failed(
          method + " " + path + " answered " + response.statusCode() + " (expected " + expected
              + "): " + abbreviate(response.body()));
    }
    return response.body();
  }

  private static String first(Pattern p, String text, String what) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      throw new Failed("no " + what + " in " + abbreviate(text));
    }
    return m.group(1);
  }

  private static String abbreviate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }

  /** A JSON object of string fields given as name, value pairs. */
  static String json(String... pairs) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(quote(pairs[i])).append(':').append(quote(pairs[i + 1]));
    }
    return b.append('}').toString();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("unexpected argument " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static String require(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null || v.isBlank()) {
      usage("--" + name + " is required");
    }
    return v;
  }

  private static void usage(String problem) {
    System.err.println("seed: " + problem);
    System.err.println(
        "usage: java bench/Seed.java --base URL --token htk_... --out DIR [--pages N]"
            + " [--comments-per-page N] [--threads N] [--seed N]");
    System.exit(2);
  }

  /**
   * Product-management prose in Markdown: page bodies from a few hundred bytes to a few KB
   * (headings, lists, tables, code, links, item keys, @mentions) and short comments.
   */
  static final class Markdown {
    private static final String[] NOUNS = {
      "onboarding", "checkout", "search", "billing", "export", "dashboard", "notifications",
      "permissions", "mobile app", "reporting", "integrations", "import wizard", "SSO", "audit log",
      "roadmap view", "feedback inbox", "API", "pricing page", "trial flow", "help center"
    };
    private static final String[] VERBS = {
      "simplify", "speed up", "redesign", "measure", "validate", "ship", "instrument", "document",
      "localise", "deprecate", "A/B test", "migrate"
    };
    private static final String[] SEGMENTS = {
      "enterprise admins", "new trial users", "power users", "EU customers", "support agents",
      "sales engineers", "mobile-first teams", "small agencies"
    };
    private static final String[] SENTENCES = {
      "Customers told us in %d interviews that the %s is the first thing they struggle with.",
      "We expect this to lift weekly active usage of the %2$s by a few points.",
      "The current %2$s was built before we had %1$d%% of revenue from larger accounts.",
      "Support tickets about the %2$s doubled last quarter, mostly from the same %1$d accounts.",
      "Competitors already offer this, and it came up in %d lost deals.",
      "The risk is scope creep: the %2$s touches billing, permissions and analytics.",
      "We will know it worked when time to first value drops under %d minutes.",
      "Engineering estimates %d sprints, with one designer for the first two.",
      "Legal asked us to review data retention for the %2$s before launch.",
      "A quick prototype with %d customers showed that the new flow is clearer.",
    };
    private static final String[] COMMENTS = {
      "Agreed, let's keep the first version small.",
      "Do we have data on how many accounts use the %s today?",
      "I talked to two customers about this yesterday; both asked for the %s first.",
      "Can we split this into two stories? The %s part looks independent.",
      "Design review is on Thursday, I'll bring the latest mock-ups of the %s.",
      "This overlaps with the work on the %s, see the linked epic.",
      "+1, and we should measure adoption from day one.",
      "What is the rollback plan if the %s change hurts conversion?",
    };

    private final String handle;
    private final String key;

    Markdown(String handle, String key) {
      this.handle = handle;
      this.key = key;
    }

    String title(Random r, int n) {
      return cap(pick(r, VERBS)) + " the " + pick(r, NOUNS) + " for " + pick(r, SEGMENTS) + " #" + (n + 1);
    }

    String pageBody(Random r, int n, int pages) {
      StringBuilder b = new StringBuilder();
      String noun = pick(r, NOUNS);
      b.append("## Problem\n\n").append(paragraph(r, noun, 2 + r.nextInt(3))).append("\n\n");
      // Sizes vary from a few hundred bytes to a few KB: most pages short, some long.
      int sections = r.nextInt(10) < 6 ? r.nextInt(2) : 2 + r.nextInt(6);
      for (int s = 0; s < sections; s++) {
        switch (r.nextInt(5)) {
          case 0 -> {
            b.append("## Goals\n\n");
            for (int i = 0, k = 2 + r.nextInt(4); i < k; i++) {
              b.append("- ").append(cap(pick(r, VERBS))).append(" the ").append(pick(r, NOUNS))
                  .append(" for **").append(pick(r, SEGMENTS)).append("**\n");
            }
            b.append('\n');
          }
          case 1 -> {
            b.append("## Options\n\n| Option | Effort | Impact |\n|---|---:|---:|\n");
            for (int i = 0, k = 2 + r.nextInt(3); i < k; i++) {
              b.append("| ").append(cap(pick(r, VERBS))).append(" the ").append(pick(r, NOUNS))
                  .append(" | ").append(1 + r.nextInt(13)).append(" | ").append(1 + r.nextInt(10))
                  .append(" |\n");
            }
            b.append('\n');
          }
          case 2 -> b.append("## Notes\n\n").append(paragraph(r, noun, 3 + r.nextInt(4)))
              .append(" See ").append(key).append('-').append(1 + r.nextInt(Math.max(1, pages)))
              .append(" and [the research notes](https://example.com/research/").append(n)
              .append(").\n\n");
          case 3 -> b.append("## Acceptance criteria\n\n1. *Given* a user of the ").append(noun)
              .append(", *when* they open it, *then* they see the new layout.\n2. Events are ")
              .append("tracked: `").append(noun.replace(' ', '_')).append(".opened`.\n\n");
          default -> b.append("```json\n{\"feature\": \"").append(noun).append("\", \"flag\": ")
              .append(r.nextBoolean()).append(", \"rollout\": ").append(r.nextInt(100))
              .append("}\n```\n\n");
        }
      }
      if (r.nextInt(4) == 0) {
        b.append("cc @").append(handle).append(" ~~for review~~ please review.\n");
      }
      return b.toString();
    }

    String comment(Random r, int pages) {
      String c = String.format(pick(r, COMMENTS), pick(r, NOUNS));
      if (r.nextInt(5) == 0) {
        c = "@" + handle + " " + c;
      }
      if (r.nextInt(6) == 0) {
        c += " Related: " + key + "-" + (1 + r.nextInt(Math.max(1, pages))) + ".";
      }
      return c;
    }

    private static String paragraph(Random r, String noun, int sentences) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < sentences; i++) {
        if (i > 0) {
          b.append(' ');
        }
        b.append(String.format(pick(r, SENTENCES), 2 + r.nextInt(40), noun));
      }
      return b.toString();
    }

    private static String pick(Random r, String[] words) {
      return words[r.nextInt(words.length)];
    }

    private static String cap(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
