import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The definition hat's benchmark (issue 3's targets) on SQLite, in one process: seeds ITEMS work
 * items in one product through WorkItemService (10 objectives, 100 initiatives, 1,000 epics, 10,000
 * features, the rest stories, in varied states and owners), starts the server, and times, one
 * request after another over loopback HTTP with a signed-in session or an API token:
 *
 * <ul>
 *   <li>the list API, 50 a page, filtered by a query ({@code GET /api/v1/products/{p}/items?q=...});
 *   <li>the board page with 2,000 cards rendered by the server;
 *   <li>expanding a branch of the tree (the htmx fragment of an epic's children);
 *   <li>rendering a Salt wireframe of 40 widgets (the wireframe preview endpoint), when built.
 * </ul>
 *
 * Prints p50, p99 and max for each, with the target. Run it through bench/definition-bench.sh.
 */
public final class DefinitionBench {
  private static final int WARMUP = 200;
  private static final int RUNS = 1000;

  public static void main(String[] args) throws Exception {
    int total = Integer.parseInt(System.getenv().getOrDefault("ITEMS", "100000"));
    // SEEDED=DIR measures the data seeded into DIR by an earlier run (seeding it first if empty),
    // so that the figures can be taken again, e.g. on a quiet machine, without seeding again.
    String seeded = System.getenv("SEEDED");
    Path data =
        seeded == null || seeded.isBlank()
            ? Files.createTempDirectory("hatrack-defbench")
            : Files.createDirectories(Path.of(seeded));
    boolean reuse = Files.exists(data.resolve("hatrack.db"));
    AppConfig config = AppConfig.defaults(data, null, "127.0.0.1", 0);
    try (App app = new App(config)) {
      long t0 = System.nanoTime();
      User ana;
      List<String> epics;
      io.hatrack.kernel.work.Workspace ws;
      if (reuse) {
        ana = app.accounts().byEmail("ana@bench.example").orElseThrow();
        ws = app.workspaces().access(ana, "bench").workspace();
        epics = new ArrayList<>();
        app.definition()
            .workItems()
            .list(ana, "checkout", "epic", null, null, 1000)
            .slice()
            .items()
            .forEach(w -> epics.add(w.key()));
        System.out.printf(Locale.ROOT, "Measuring the items seeded in %s%n", data);
      } else {
        ana = app.accounts().create("ana@bench.example", "Ana Lima", "bench-password-1");
        ws = app.workspaces().create(ana, "Bench", "bench");
        var product =
            app.products()
                .create(
                    ana,
                    "bench",
                    new io.hatrack.kernel.work.ProductService.ProductInput(
                        "Checkout", "checkout", "CHK", ""));
        epics = seed(app, ana, product.slug(), total);
        System.out.printf(
            Locale.ROOT,
            "Seeded %,d work items in %.1f s (in %s)%n",
            total,
            (System.nanoTime() - t0) / 1e9,
            data);
      }
      app.start();
      String base = app.url();
      String token = app.tokens().create(ana, "bench").secret();
      String cookie = signIn(app);
      HttpClient http = HttpClient.newHttpClient();
      String productPath = "/w/" + ws.slug() + "/checkout/definition";

      String query =
          java.net.URLEncoder.encode(
              System.getenv().getOrDefault("QUERY", "type:story status:ready estimate>2"),
              java.nio.charset.StandardCharsets.UTF_8);
      report(
          "list API, 50 a page, q=" + System.getenv().getOrDefault("QUERY", "type:story status:ready estimate>2"),
          20,
          time(
              http,
              () ->
                  HttpRequest.newBuilder(
                          URI.create(base + "/api/v1/products/checkout/items?limit=50&q=" + query))
                      .header("Authorization", "Bearer " + token)
                      .build(),
              RUNS));
      report(
          "board page, 2,000 cards",
          200,
          time(
              http,
              () ->
                  HttpRequest.newBuilder(URI.create(base + productPath + "/board"))
                      .header("Cookie", cookie)
                      .build(),
              RUNS / 5));
      Random random = new Random(7);
      report(
          "tree expand (an epic's children)",
          20,
          time(
              http,
              () ->
                  HttpRequest.newBuilder(
                          URI.create(
                              base
                                  + productPath
                                  + "/tree/"
                                  + epics.get(random.nextInt(epics.size()))))
                      .header("Cookie", cookie)
                      .header("HX-Request", "true")
                      .build(),
              RUNS));
    }
  }

  private static String signIn(App app) {
    var session =
        app.sessions().signIn("ana@bench.example", "bench-password-1", "127.0.0.1", "bench");
    return "hatrack_session=" + session.secret();
  }

  private static List<String> seed(App app, User ana, String product, int total) {
    WorkItemService items = app.definition().workItems();
    String[] states = {"Backlog", "Ready", "In progress", "In review", "Done"};
    Random random = new Random(42);
    List<String> objectives = new ArrayList<>();
    List<String> initiatives = new ArrayList<>();
    List<String> epics = new ArrayList<>();
    List<String> features = new ArrayList<>();
    int made = 0;
    int batch = 2000;
    while (made < total) {
      int start = made;
      int end = Math.min(total, made + batch);
      app.database()
          .tx(
              h -> {
                ProductAccess access = app.products().access(h, ana, product);
                for (int i = start; i < end; i++) {
                  String type;
                  String parent;
                  if (i < 10) {
                    type = "objective";
                    parent = null;
                  } else if (i < 110) {
                    type = "initiative";
                    parent = objectives.get(i % objectives.size());
                  } else if (i < 1110) {
                    type = "epic";
                    parent = initiatives.get(i % initiatives.size());
                  } else if (i < 11110) {
                    type = "feature";
                    parent = epics.get(i % epics.size());
                  } else {
                    type = "story";
                    parent = features.get(i % features.size());
                  }
                  WorkItem w =
                      items.create(
                          h,
                          ana,
                          access,
                          new NewWorkItem(
                              type,
                              type + " " + i + " " + WORDS[random.nextInt(WORDS.length)],
                              null,
                              parent,
                              null,
                              type.equals("story") ? (double) (1 + random.nextInt(8)) : null,
                              null,
                              states[random.nextInt(states.length)],
                              null,
                              null,
                              null,
                              null,
                              List.of()));
                  switch (type) {
                    case "objective" -> objectives.add(w.key());
                    case "initiative" -> initiatives.add(w.key());
                    case "epic" -> epics.add(w.key());
                    case "feature" -> features.add(w.key());
                    default -> {}
                  }
                }
                return null;
              });
      made = end;
      if (made % 20000 == 0) {
        System.out.printf(Locale.ROOT, "  %,d ...%n", made);
      }
    }
    return epics;
  }

  private static final String[] WORDS = {
    "saved cards", "checkout", "payouts", "invoices", "3-D Secure", "wallet", "refunds", "disputes"
  };

  private static long[] time(HttpClient http, Supplier<HttpRequest> request, int runs)
      throws Exception {
    for (int i = 0; i < Math.min(WARMUP, runs); i++) {
      send(http, request.get());
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      HttpRequest r = request.get();
      long t = System.nanoTime();
      send(http, r);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void send(HttpClient http, HttpRequest r) throws Exception {
    HttpResponse<byte[]> answer = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          r.uri() + " answered " + answer.statusCode() + ": " + new String(answer.body()));
    }
  }

  private static void report(String what, double targetMs, long[] sorted) {
    double p50 = sorted[sorted.length / 2] / 1e6;
    double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    double max = sorted[sorted.length - 1] / 1e6;
    System.out.printf(
        Locale.ROOT,
        "%-60s n=%5d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  target p99 <= %.0f ms  %s%n",
        what,
        sorted.length,
        p50,
        p99,
        max,
        targetMs,
        p99 <= targetMs ? "MET" : "MISSED");
  }
}
