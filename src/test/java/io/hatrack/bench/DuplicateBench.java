package io.hatrack.bench;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.duplicates.DuplicateService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The duplicate check benchmark (issue 4: with 1,000,000 feedback items on SQLite, the duplicate
 * check on arrival in at most 20 ms). Seeds {@code ITEMS} feedback-like texts (16 topics, several
 * phrasings each, so that every LSH band bucket is crowded, the worst case for the check) into one
 * product of a fresh SQLite data directory through {@code FeedbackService.createAll}, the import's
 * path (signatures, bands and suggestions written as they arrive, in chunks of 10,000 in one
 * transaction). Then times {@code CHECKS} arrivals of new feedback, each: the check alone ({@code
 * DuplicateService.check}: analyse, MinHash, look up the 16 bands, compare signatures) and adding
 * feedback by hand ({@code FeedbackService.create}: the whole transaction, with the check and its
 * band rows). Prints p50/p95/p99/max and the load average. Run it with {@code
 * bench/duplicate-bench.sh}.
 */
public final class DuplicateBench {
  private static final double TARGET_MS = 20;
  private static final int CHUNK = 10_000;

  private DuplicateBench() {}

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  public static void main(String[] args) throws Exception {
    int items = Integer.parseInt(System.getenv().getOrDefault("ITEMS", "1000000"));
    int checks = Integer.parseInt(System.getenv().getOrDefault("CHECKS", "1000"));
    Path dir = Files.createTempDirectory("hatrack-duplicate-bench-");
    System.out.printf(Locale.ROOT, "Data directory: %s, load %s%n", dir, load());
    AppConfig config = AppConfig.defaults(dir, null, "127.0.0.1", 0);
    try (App app = new App(config)) {
      User ana = app.accounts().create("ana@bench.example", "Ana", "bench-password-1");
      Workspace ws = app.workspaces().create(ana, "Northwind Labs", null);
      Product product =
          app.products()
              .create(
                  ana,
                  ws.slug(),
                  new ProductService.ProductInput("Checkout", "checkout", "CHK", "The bench."));
      FeedbackService feedback = app.discovery().feedback().service();
      DuplicateService duplicates = app.discovery().duplicates().service();
      SplittableRandom r = new SplittableRandom(42);

      long t0 = System.nanoTime();
      app.database()
          .txVoid(
              h -> {
                var access = app.products().access(h, ana, product.slug());
                for (int done = 0; done < items; done += CHUNK) {
                  List<FeedbackDraft> drafts = new ArrayList<>(CHUNK);
                  for (int i = 0; i < Math.min(CHUNK, items - done); i++) {
                    drafts.add(FeedbackDraft.of(text(r), "support_ticket"));
                  }
                  feedback.createAll(h, ana, access, drafts, "the bench");
                  if ((done + CHUNK) % 100_000 == 0) {
                    System.out.printf(
                        Locale.ROOT,
                        "  seeded %,d in %.0f s, load %s%n",
                        done + CHUNK,
                        secs(t0),
                        load());
                  }
                }
              });
      double seeded = secs(t0);
      long bands = app.database().read(h -> count(h, "feedback_band"));
      long pairs = app.database().read(h -> count(h, "feedback_duplicate_pair"));
      System.out.printf(
          Locale.ROOT,
          "Seeded %,d feedback items in %.1f s (%.0f per second): %,d band rows, %,d suggested"
              + " pairs; database %,d MB%n",
          items,
          seeded,
          items / seeded,
          bands,
          pairs,
          Files.size(dir.resolve("hatrack.db")) / (1 << 20));

      for (int i = 0; i < 100; i++) {
        duplicates.check(ana, product.slug(), text(r));
      }
      double[] check = new double[checks];
      double[] create = new double[checks];
      int found = 0;
      String loadBefore = load();
      for (int i = 0; i < checks; i++) {
        String text = text(r);
        long s = System.nanoTime();
        found += duplicates.check(ana, product.slug(), text).isEmpty() ? 0 : 1;
        check[i] = (System.nanoTime() - s) / 1e6;
        s = System.nanoTime();
        feedback.create(ana, product.slug(), FeedbackDraft.of(text, "email"));
        create[i] = (System.nanoTime() - s) / 1e6;
      }
      System.out.printf(
          Locale.ROOT,
          "%,d arrivals (load %s before, %s after); %,d of the checks found duplicates%n",
          checks,
          loadBefore,
          load(),
          found);
      report("check on arrival (DuplicateService.check)", check);
      report("adding feedback with its check (FeedbackService.create)", create);
      double p99 = percentile(check, 0.99);
      System.out.printf(
          Locale.ROOT,
          "Target: check p99 at most %.0f ms -> %s%n",
          TARGET_MS,
          p99 <= TARGET_MS ? "met" : "NOT met");
    }
  }

  /** One of {@link FeedbackTexts}'s texts (16 topics), drawn from {@code r}. */
  private static String text(SplittableRandom r) {
    return FeedbackTexts.text(r, r.nextInt(FeedbackTexts.topics()));
  }

  private static long count(org.jdbi.v3.core.Handle h, String table) {
    return h.select("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static void report(String what, double[] ms) {
    System.out.printf(
        Locale.ROOT,
        "%-58s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
        what,
        percentile(ms, 0.50),
        percentile(ms, 0.95),
        percentile(ms, 0.99),
        percentile(ms, 1.0));
  }
}
