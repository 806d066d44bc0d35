package io.hatrack.bench;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.escalations.Escalation;
import io.hatrack.escalations.EscalationDraft;
import io.hatrack.escalations.EscalationService;
import io.hatrack.escalations.EscalationStatus;
import io.hatrack.escalations.EscalationsHat;
import io.hatrack.escalations.SlaPolicy;
import io.hatrack.escalations.SlaPolicyDraft;
import io.hatrack.escalations.TimelineEntry;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.Workspace;
import io.hatrack.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The escalations dashboard and metrics at scale: seeds {@code ESCALATIONS} escalations (default
 * 2,000, a quarter still open) over the last 90 days in one product on a business-hours policy
 * (Berlin, with holidays), each with a timeline of status changes and updates, then requests the
 * dashboard page (every open escalation's SLA clocks plus the metrics of the last 30 days for the
 * product and the workspace) and the metrics API over 90 days, one request after another over
 * loopback, printing p50 / p95 / max as the client sees them.
 *
 * <p>Run it with {@code bench/escalations-bench.sh}; {@code ESCALATIONS} and {@code RUNS} change
 * the counts.
 */
public final class EscalationBench {
  private static final String PASSWORD = "bench-password-1";

  private EscalationBench() {}

  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(System.getenv().getOrDefault("ESCALATIONS", "2000"));
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "50"));
    Path dir = Files.createTempDirectory("hatrack-escalation-bench");
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
      seed(app, ana, ws, count);
      System.out.printf(
          Locale.ROOT,
          "Seeded %,d escalations in %.1f s%n",
          count,
          (System.nanoTime() - started) / 1e9);
      Browser browser = new Browser("http://127.0.0.1:" + app.port());
      browser.signIn(ana.email(), PASSWORD);
      String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
      String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(89).toString();
      List<String> paths =
          List.of(
              "/w/bench/checkout/escalations",
              "/w/bench/checkout/escalations?from=" + from + "&to=" + today);
      System.out.printf(
          Locale.ROOT,
          "%-44s %8s %8s %8s %10s%n",
          "request",
          "p50 ms",
          "p95 ms",
          "max ms",
          "bytes");
      for (String path : paths) {
        measure(browser, path, runs);
      }
      EscalationsHat hat = app.escalations();
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        hat.dashboard().metrics(ana, "bench", null, hat.dashboard().period(from, today));
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      print("metrics over 90 days (service)", ms, 0);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void measure(Browser browser, String path, int runs) {
    for (int i = 0; i < 5; i++) {
      browser.get(path);
    }
    double[] ms = new double[runs];
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      Browser.Page page = browser.get(path);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (page.status() != 200) {
        throw new IllegalStateException(path + " answered " + page.status());
      }
      bytes = page.body().length();
    }
    print(path, ms, bytes);
  }

  private static void print(String what, double[] ms, int bytes) {
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-44s %8.1f %8.1f %8.1f %10d%n",
        what,
        ms[ms.length / 2],
        ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)],
        ms[ms.length - 1],
        bytes);
  }

  private static void seed(App app, User ana, Workspace ws, int count) {
    EscalationsHat hat = app.escalations();
    for (int c = 0; c < 40; c++) {
      app.discovery()
          .customers()
          .create(ana, ws.slug(), CustomerDraft.of("Customer " + c).in("Enterprise", "", ""));
    }
    SlaPolicy berlin =
        hat.policies()
            .create(
                ana,
                ws.slug(),
                SlaPolicyDraft.named("Berlin")
                    .inHours(
                        "Europe/Berlin",
                        List.of("mon", "tue", "wed", "thu", "fri"),
                        "09:00",
                        "17:00",
                        List.of("2026-12-25", "2026-12-26", "2027-01-01")));
    hat.policies().pick(ana, "checkout", berlin.id());
    Random random = new Random(7);
    Instant now = Instant.now();
    String[] severities = {"S1", "S2", "S3", "S4"};
    app.database()
        .txVoid(
            h -> {
              ProductAccess product = app.products().access(h, ana, "checkout");
              app.workspaces().access(h, ana, new Ref("bench"));
              EscalationService service = hat.escalations();
              for (int i = 0; i < count; i++) {
                Instant opened = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
                Escalation x =
                    service.create(
                        h,
                        ana,
                        product,
                        EscalationDraft.of(
                            "Customer " + random.nextInt(40),
                            "Escalation " + i,
                            severities[random.nextInt(4)]),
                        opened);
                Instant at = opened.plus(Duration.ofMinutes(5 + random.nextInt(120)));
                if (at.isAfter(now)) {
                  continue;
                }
                x = service.changeStatus(h, ana, x, EscalationStatus.INVESTIGATING, null, at);
                service.post(h, ana, x, TimelineEntry.Kind.CUSTOMER_UPDATE, "On it", at);
                if (i % 4 == 0) {
                  continue;
                }
                Instant done = at.plus(Duration.ofMinutes(30 + random.nextInt(3 * 24 * 60)));
                if (done.isBefore(now)) {
                  service.changeStatus(h, ana, x, EscalationStatus.RESOLVED, "Fixed", done);
                }
              }
            });
  }
}
