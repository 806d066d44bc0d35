package io.hatrack.bench;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.WorkItem;
import io.hatrack.delivery.sprints.SprintDraft;
import io.hatrack.delivery.sprints.SprintFixtures;
import io.hatrack.delivery.sprints.SprintService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.planning.teams.TeamDraft;
import io.hatrack.testing.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sprint board of 500 items (issue 6: at most 150 ms) and velocity over 50 sprints (at most 50
 * ms). Seeds one product on SQLite through the services: {@code ITEMS} stories in one active sprint
 * of a five-person team (started, two in five done on the days of the sprint, a few added after the
 * start) and 200 more in the backlog beside it; and a second team with 50 closed sprints of varying
 * velocity. Then it signs in over HTTP like a browser (and with an API token for the API) and
 * requests the sprint page, its JSON and burndown, the team's sprints page and the velocity over 50
 * sprints with a forecast, one request after another; it prints the wall-clock time of each as the
 * client sees it over the loopback (an upper bound of the server time) as p50/p95/max.
 *
 * <p>Run it with {@code bench/sprint-bench.sh}; {@code ITEMS}, {@code SPRINTS} and {@code RUNS}
 * change the counts.
 */
public final class SprintBench {
  private static final double BOARD_MS = 150;
  private static final double VELOCITY_MS = 50;
  private static final String PASSWORD = "bench-password-1";

  private SprintBench() {}

  public static void main(String[] args) throws Exception {
    int items = Integer.parseInt(System.getenv().getOrDefault("ITEMS", "500"));
    int sprints = Integer.parseInt(System.getenv().getOrDefault("SPRINTS", "50"));
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "100"));
    Path dir = Files.createTempDirectory("hatrack-sprint-bench");
    String url = AppConfig.defaultDatabaseUrl(dir);
    try (App app = new App(AppConfig.defaults(dir, url, "127.0.0.1", 0)).start()) {
      User ana = app.accounts().create("ana@bench.example", "Ana", PASSWORD);
      Workspace ws = app.workspaces().create(ana, "Bench", "bench");
      Product product =
          app.products()
              .create(
                  ana,
                  ws.slug(),
                  new ProductService.ProductInput("Checkout", "checkout", "CHK", ""));
      long started = System.nanoTime();
      seedBoard(app, ana, ws, product, items);
      seedVelocity(app, ana, ws, sprints);
      System.out.printf(
          Locale.ROOT,
          "Seeded a sprint of %,d items (+200 in the backlog) and %,d closed sprints in %.1f s%n",
          items,
          sprints,
          (System.nanoTime() - started) / 1e9);
      measure(app, ana, ws, runs, sprints);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void team(App app, User ana, Workspace ws, String name, LocalDate start) {
    var teams = app.planning().releasePlanning().teams();
    var t =
        teams.create(
            ana, ws.slug(), new TeamDraft(name, null, null, "points", 2, start.toString(), 2.0));
    for (int i = 0; i < 5; i++) {
      User u =
          app.accounts()
              .create("dev" + i + "." + t.slug() + "@bench.example", "Dev " + i, PASSWORD);
      app.workspaces().addMember(ana, ws.slug(), u.email(), io.hatrack.kernel.auth.Role.EDITOR);
      teams.putMember(ana, ws.slug(), t.slug(), u.handle(), 100);
    }
  }

  private static void seedBoard(App app, User ana, Workspace ws, Product product, int count) {
    LocalDate today = LocalDate.now();
    team(app, ana, ws, "Board", today.minusDays(6));
    SprintService sprints = app.delivery().sprints().service();
    sprints.create(ana, ws.slug(), "board", new SprintDraft(null, "Bench", null, null));
    Random random = new Random(2026);
    List<WorkItem> inSprint = new java.util.ArrayList<>();
    for (int i = 0; i < count + 200; i++) {
      WorkItem w =
          app.definition()
              .workItems()
              .create(
                  ana,
                  product.slug(),
                  new NewWorkItem(
                      i % 7 == 0 ? "bug" : "story",
                      "Sprint work " + i,
                      null,
                      null,
                      null,
                      (double) (1 + random.nextInt(8)),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      List.of()));
      if (i < count - 20) {
        sprints.addItem(ana, ws.slug(), "board", "1", w.key());
        inSprint.add(w);
      }
      if (i % 200 == 199) {
        System.out.printf(Locale.ROOT, "  %,d items ...%n", i + 1);
      }
    }
    sprints.start(ana, ws.slug(), "board", "1");
    // Twenty added after the start: scope change.
    var backlog = app.delivery().sprints().reports().backlog(ana, product.slug(), 20).items();
    for (var b : backlog) {
      sprints.addItem(ana, ws.slug(), "board", "1", b.key());
    }
    for (int i = 0; i < inSprint.size(); i += 5) {
      SprintFixtures.finish(app, ana, inSprint.get(i).key());
      SprintFixtures.finish(app, ana, inSprint.get(i + 1 < inSprint.size() ? i + 1 : i).key());
    }
  }

  private static void seedVelocity(App app, User ana, Workspace ws, int count) {
    LocalDate first = LocalDate.now().minusWeeks(2L * count + 2);
    team(app, ana, ws, "Velocity", first);
    long teamId =
        app.planning().releasePlanning().teams().get(ana, ws.slug(), "velocity").team().id();
    Random random = new Random(7);
    long now = System.currentTimeMillis();
    app.database()
        .txVoid(
            h -> {
              for (int i = 0; i < count; i++) {
                LocalDate start = first.plusWeeks(2L * i);
                double committed = 30 + random.nextInt(15);
                double completed = Math.max(0, committed - random.nextInt(15));
                h.createUpdate(
                        "INSERT INTO sprint (team_id, number, name, goal, start_day, end_day,"
                            + " status, capacity, started_at, closed_at, committed_points,"
                            + " completed_points, added_points, removed_points, carried_points,"
                            + " created_at, created_by, updated_at) VALUES (:team, :n, :name, '',"
                            + " :start, :end, 'closed', 100, :now, :now, :committed, :completed,"
                            + " 0, 0, :carried, :now, :by, :now)")
                    .bind("team", teamId)
                    .bind("n", i + 1)
                    .bind("name", "Sprint " + (i + 1))
                    .bind("start", start.toString())
                    .bind("end", start.plusDays(13).toString())
                    .bind("now", now)
                    .bind("committed", committed)
                    .bind("completed", completed)
                    .bind("carried", committed - completed)
                    .bind("by", ana.id())
                    .execute();
              }
            });
  }

  private static void measure(App app, User ana, Workspace ws, int runs, int sprints)
      throws Exception {
    String base = "http://127.0.0.1:" + app.port();
    Browser browser = new Browser(base);
    browser.signIn(ana.email(), PASSWORD);
    String token = app.tokens().create(ana, "bench").secret();
    HttpClient http = HttpClient.newHttpClient();
    String api = "/api/v1/workspaces/" + ws.slug() + "/teams";
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("board: sprint page (HTML)", "/w/" + ws.slug() + "/teams/board/sprints/1");
    pages.put("board: sprint JSON", api + "/board/sprints/1");
    pages.put("board: burndown JSON", api + "/board/sprints/1/burndown");
    pages.put(
        "velocity: " + sprints + " sprints JSON",
        api + "/velocity/velocity?last=" + sprints + "&remaining=400");
    pages.put("velocity: sprints page (HTML)", "/w/" + ws.slug() + "/teams/velocity/sprints");
    for (int i = 0; i < 20; i++) {
      for (String page : pages.values()) {
        get(browser, http, base, token, page);
      }
    }
    System.out.printf(
        Locale.ROOT, "%-36s %8s %8s %8s %10s%n", "request", "p50 ms", "p95 ms", "max ms", "bytes");
    boolean board = true;
    boolean velocity = true;
    for (Map.Entry<String, String> page : pages.entrySet()) {
      double[] ms = new double[runs];
      int bytes = 0;
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        bytes = get(browser, http, base, token, page.getValue());
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      System.out.printf(
          Locale.ROOT,
          "%-36s %8.1f %8.1f %8.1f %,10d%n",
          page.getKey(),
          at(ms, 0.50),
          at(ms, 0.95),
          ms[ms.length - 1],
          bytes);
      if (page.getKey().startsWith("board")) {
        board &= at(ms, 0.95) <= BOARD_MS;
      } else if (page.getKey().contains("JSON")) {
        velocity &= at(ms, 0.95) <= VELOCITY_MS;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Target: sprint board of %d items <= %.0f ms at p95: %s; velocity over %d sprints <= %.0f"
            + " ms at p95: %s%n",
        app.delivery().sprints().service().get(ana, ws.slug(), "board", "1").items().size(),
        BOARD_MS,
        board ? "met" : "NOT met",
        sprints,
        VELOCITY_MS,
        velocity ? "met" : "NOT met");
  }

  private static int get(Browser browser, HttpClient http, String base, String token, String path)
      throws Exception {
    if (path.startsWith("/api/")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().length();
    }
    Browser.Page page = browser.get(path);
    if (page.status() != 200) {
      throw new IllegalStateException(path + " answered " + page.status());
    }
    return page.body().length();
  }

  private static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }
}
