package io.hatrack.bench;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.customers.CustomerDraft;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Full-text search over 1,000,000 pieces of feedback on SQLite (issue 4: p95 at most 50 ms). Seeds
 * one product with {@code CUSTOMERS} customers in three segments and {@code DOCS} pieces of
 * feedback (seeded random, a vocabulary of payments feedback with a Zipf-like spread of words,
 * sources, statuses, customers, dates over a year, a tag on one in ten), written through the
 * import's batch path ({@code FeedbackService.createAll}: entity, feedback, tags and search
 * documents, FTS5 by trigger) in transactions of 10,000 and timed; then runs typical searches
 * through {@link SearchService} (ranking, the count of matches, and highlighted snippets of the
 * first 20 hits) one after another and prints p50/p95/p99 per kind of query and overall.
 *
 * <p>Run it with {@code bench/search-bench.sh}; {@code DOCS}, {@code RUNS} and {@code KEEP_DATA}
 * change the counts and keep the database; {@code DATA_DIR} searches a kept database again.
 */
public final class SearchBench {
  private static final double TARGET_P95_MS = 50;
  private static final int BATCH = 10_000;
  private static final int CUSTOMERS = 300;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static final String[] SOURCES = {
    "support_ticket",
    "support_ticket",
    "support_ticket",
    "sales_call",
    "portal",
    "email",
    "interview",
    "survey",
    "api"
  };
  private static final String[] STATUSES = {"new", "new", "triaged", "linked", "archived"};
  private static final String[] SEGMENTS = {"Enterprise", "Mid-market", "SMB"};
  private static final String[] TAGS = {"payments", "billing", "mobile", "onboarding", "reports"};
  private static final String[] TOPICS = {
    "saved cards",
    "3-D Secure",
    "invoice export",
    "slow payouts",
    "refund",
    "chargeback",
    "Apple Pay",
    "Google Pay",
    "checkout page",
    "mobile app",
    "currency conversion",
    "webhook retries",
    "API rate limits",
    "subscription billing",
    "tax calculation",
    "dashboard",
    "fraud rules",
    "bank transfer",
    "payment links",
    "reporting",
    "multi-currency payouts",
    "PDF receipts",
    "dispute evidence",
    "SEPA direct debit",
    "card declines",
    "onboarding",
    "KYC verification",
    "settlement report",
    "partial refunds",
    "recurring payments"
  };
  private static final String[] VERBS = {
    "fails",
    "is slow",
    "keeps timing out",
    "is confusing",
    "works well",
    "is missing",
    "breaks on Safari",
    "needs an export",
    "takes too long",
    "shows the wrong amount",
    "is great",
    "crashed twice",
    "asks for too many steps",
    "should support CSV",
    "is hard to find",
    "double charges",
    "loses the basket",
    "needs better errors"
  };
  private static final String[] WORDS =
      ("customer merchant shop store team finance ops accountant developer admin manager"
              + " yesterday today weekly monthly quarter again always never sometimes every"
              + " order basket cart invoice receipt statement payout transfer balance fee"
              + " card wallet bank account login password email notification alert report"
              + " export import csv pdf excel integration plugin shopify woocommerce magento"
              + " error timeout delay latency outage retry bug crash issue problem request"
              + " feature option setting button screen page form field link menu filter search"
              + " fast slow easy hard clear confusing broken reliable expensive cheap secure"
              + " europe germany france spain usa canada brazil japan australia india")
          .split(" ");
  private static final String[] OPENERS = {
    "We",
    "Our finance team",
    "The customer",
    "Our developers",
    "A merchant",
    "Support heard",
    "On the call they said",
    "In the survey they wrote",
    "Our admin"
  };

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    int docs = Integer.parseInt(System.getenv().getOrDefault("DOCS", "1000000"));
    int runs = Integer.parseInt(System.getenv().getOrDefault("RUNS", "200"));
    boolean keep = "1".equals(System.getenv("KEEP_DATA"));
    String reuse = System.getenv("DATA_DIR");
    if (reuse != null && !reuse.isBlank()) {
      // Searches a database kept by an earlier run (KEEP_DATA=1) again, without seeding it.
      Path dir = Path.of(reuse);
      try (App app =
          new App(AppConfig.defaults(dir, AppConfig.defaultDatabaseUrl(dir), "127.0.0.1", 0))) {
        User ana = app.accounts().byEmail("ana@bench.example").orElseThrow();
        long customer =
            app.database()
                .read(
                    h ->
                        h.createQuery("SELECT id FROM customer ORDER BY id LIMIT 1 OFFSET 7")
                            .mapTo(Long.class)
                            .one());
        measure(app.search(), ana, runs, customer);
      }
      return;
    }
    Path dir = Files.createTempDirectory("hatrack-search-bench");
    String url = AppConfig.defaultDatabaseUrl(dir);
    try (App app = new App(AppConfig.defaults(dir, url, "127.0.0.1", 0))) {
      User ana = app.accounts().create("ana@bench.example", "Ana", "bench-password-1");
      Workspace ws = app.workspaces().create(ana, "Bench", "bench");
      Product product =
          app.products()
              .create(
                  ana,
                  ws.slug(),
                  new ProductService.ProductInput("Checkout", "checkout", "CHK", ""));
      List<Long> customers = new ArrayList<>();
      for (int i = 0; i < CUSTOMERS; i++) {
        customers.add(
            app.discovery()
                .customers()
                .create(
                    ana,
                    ws.slug(),
                    CustomerDraft.of("Customer " + i).in(SEGMENTS[i % SEGMENTS.length], "", ""))
                .id());
      }
      long started = System.nanoTime();
      seed(app, ana, product, customers, docs);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "Imported %,d pieces of feedback (entity, feedback, tags, search_doc and FTS5) in"
              + " %.1f s: %,.0f/s; database %,d MB%n",
          docs,
          seconds,
          docs / seconds,
          Files.size(dir.resolve("hatrack.db")) / 1_000_000);
      measure(app.search(), ana, runs, customers.get(7));
    } finally {
      if (keep) {
        System.out.println("Kept the database in " + dir);
      } else {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /**
   * Seeds {@code docs} pieces of feedback through the import's path ({@code
   * FeedbackService.createAll}, which writes entity, feedback, tags and their search documents in
   * batches), {@link #BATCH} per transaction, about {@code customers} customers.
   */
  private static void seed(App app, User ana, Product product, List<Long> customers, int docs) {
    Random random = new Random(42);
    Instant now = Instant.now();
    FeedbackService feedback = app.discovery().feedback().service();
    for (int from = 0; from < docs; from += BATCH) {
      int count = Math.min(docs, from + BATCH) - from;
      List<FeedbackDraft> drafts = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        drafts.add(draft(random, now, customers));
      }
      app.database()
          .txVoid(
              h ->
                  feedback.createAll(
                      h, ana, app.products().access(h, ana, product.slug()), drafts, "bench"));
      if (from / BATCH % 10 == 0) {
        System.out.printf(Locale.ROOT, "  %,d ...%n", from + count);
      }
    }
  }

  /** A piece of feedback: the topic's title line, then the body; a customer for most. */
  private static FeedbackDraft draft(Random random, Instant now, List<Long> customers) {
    String topic = pick(random, TOPICS);
    String text = capital(topic) + " " + pick(random, VERBS) + "\n" + body(random, topic);
    Instant at = now.minusSeconds((long) (random.nextDouble() * 365 * 24 * 3600));
    Long customer = random.nextInt(10) < 8 ? customers.get(random.nextInt(customers.size())) : null;
    List<String> tags = random.nextInt(10) == 0 ? List.of(pick(random, TAGS)) : List.of();
    return new FeedbackDraft(
        text,
        null,
        SOURCES[random.nextInt(SOURCES.length)],
        customer,
        null,
        at,
        null,
        null,
        STATUSES[random.nextInt(STATUSES.length)],
        tags);
  }

  /** Two to five sentences about the topic and others, words drawn with a Zipf-like skew. */
  private static String body(Random random, String topic) {
    StringBuilder text = new StringBuilder();
    int sentences = 2 + random.nextInt(4);
    for (int s = 0; s < sentences; s++) {
      String subject = s == 0 || random.nextInt(3) > 0 ? topic : pick(random, TOPICS);
      text.append(pick(random, OPENERS))
          .append(" said ")
          .append(subject)
          .append(' ')
          .append(pick(random, VERBS));
      int words = 3 + random.nextInt(8);
      for (int w = 0; w < words; w++) {
        text.append(' ').append(WORDS[zipf(random, WORDS.length)]);
      }
      text.append(". ");
    }
    return text.toString().strip();
  }

  private static int zipf(Random random, int n) {
    double u = random.nextDouble();
    return Math.min(n - 1, (int) Math.floor(Math.pow(n + 1, u)) - 1);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A search of one kind: the words, and one filter ({@code field=value}) or none. */
  private record Scenario(String name, String q, String field, String value) {}

  private static void measure(SearchService search, User ana, int runs, long customer) {
    List<Scenario> scenarios = new ArrayList<>();
    for (String q :
        List.of(
            "saved cards",
            "refund delay",
            "invoice export pdf",
            "payout timeout",
            "webhook retries error",
            "apple pay safari",
            "checkout crash mobile")) {
      scenarios.add(new Scenario("words", q, null, null));
    }
    for (String q :
        List.of(
            "\"slow payouts\"", "\"3-D Secure\" fails", "\"double charges\"", "\"saved cards\"")) {
      scenarios.add(new Scenario("phrase", q, null, null));
    }
    for (String q : List.of("invoic*", "subscr* billing", "pay* fails", "settle*")) {
      scenarios.add(new Scenario("prefix", q, null, null));
    }
    for (String q : List.of("invoice -pdf", "chargeback OR dispute", "refund OR payout -slow")) {
      scenarios.add(new Scenario("or/not", q, null, null));
    }
    for (String q : List.of("refund", "card declines", "export csv", "settlement report")) {
      scenarios.add(new Scenario("source", q, "source", "support_ticket"));
    }
    String recent = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
    scenarios.add(new Scenario("filters", "refund", "customer", Long.toString(customer)));
    scenarios.add(new Scenario("filters", "checkout page", "segment", "Enterprise"));
    scenarios.add(new Scenario("filters", "export", "from", recent));
    scenarios.add(new Scenario("filters", "payout", "tag", "billing"));
    scenarios.add(new Scenario("filters", "card declines", "status", "triaged"));
    scenarios.add(new Scenario("filters", "mobile app", "sentiment", "negative"));
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      run(search, ana, scenarios.get(random.nextInt(scenarios.size())));
    }
    List<String> kinds = List.of("words", "phrase", "prefix", "or/not", "source", "filters");
    List<Double> all = new ArrayList<>();
    List<Double> allCpu = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "%-10s %6s %8s %8s %8s %8s %8s %8s %10s%n",
        "query",
        "runs",
        "p50",
        "p95",
        "p99",
        "max",
        "cpu p50",
        "cpu p95",
        "matches");
    for (String kind : kinds) {
      List<Scenario> mine = scenarios.stream().filter(s -> s.name().equals(kind)).toList();
      double[] times = new double[runs];
      double[] cpu = new double[runs];
      long matches = 0;
      for (int i = 0; i < runs; i++) {
        Scenario s = mine.get(i % mine.size());
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        matches += run(search, ana, s);
        times[i] = (System.nanoTime() - t0) / 1e6;
        cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        all.add(times[i]);
        allCpu.add(cpu[i]);
      }
      print(kind, times, cpu, matches / runs);
    }
    double[] every = all.stream().mapToDouble(Double::doubleValue).toArray();
    double[] everyCpu = allCpu.stream().mapToDouble(Double::doubleValue).toArray();
    print("all", every, everyCpu, -1);
    double p95 = percentile(every, 95);
    System.out.printf(
        Locale.ROOT,
        "p95 %.1f ms (CPU time of the searching thread: %.1f ms), target <= %.0f ms: %s;"
            + " load average now %s%n",
        p95,
        percentile(everyCpu, 95),
        TARGET_P95_MS,
        p95 <= TARGET_P95_MS ? "met" : "NOT met",
        loadAverage());
  }

  private static long run(SearchService search, User ana, Scenario s) {
    java.util.function.Function<String, String> f =
        field -> field.equals(s.field()) ? s.value() : null;
    SearchService.Request r =
        new SearchService.Request(
            s.q(),
            "checkout",
            null,
            f.apply("source"),
            f.apply("customer"),
            f.apply("segment"),
            f.apply("from"),
            null,
            f.apply("tag"),
            f.apply("status"),
            f.apply("sentiment"),
            null,
            20);
    return search.search(ana, r).slice().total();
  }

  private static void print(String name, double[] times, double[] cpu, long matches) {
    System.out.printf(
        Locale.ROOT,
        "%-10s %6d %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms %10s%n",
        name,
        times.length,
        percentile(times, 50),
        percentile(times, 95),
        percentile(times, 99),
        Arrays.stream(times).max().orElse(0),
        percentile(cpu, 50),
        percentile(cpu, 95),
        matches < 0 ? "" : String.format(Locale.ROOT, "%,d", matches));
  }

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg where there is one. */
  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
}
