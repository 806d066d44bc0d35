package io.hatrack.bench;

import io.hatrack.App;
import io.hatrack.AppConfig;
import io.hatrack.delivery.imports.ImportFile;
import io.hatrack.delivery.imports.ImportFormat;
import io.hatrack.delivery.imports.ImportOptions;
import io.hatrack.delivery.imports.ItemImport;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The Jira import benchmark (issue 6: a Jira CSV of 50,000 issues in at most 60 s with at most 1 GB
 * of resident memory). Writes a seeded Jira "CSV (all fields)" export of {@code ISSUES} issues to a
 * fresh SQLite data directory: repeated Labels, Sprint, Watchers and Comment columns, multi-line
 * descriptions with quotes and commas, Jira's {@code 12/Mar/24 3:45 PM} dates, epics (one in 25)
 * with stories under them by Epic Link and sub-tasks under the stories by Parent id, story points,
 * assignees (members and strangers) and "blocks" links. Then imports it from disk through {@link
 * ItemImport#run} as the job and the command line do (stream, check every record, save all in one
 * transaction), and imports it again (every record unchanged). Prints each phase, the totals and
 * the peak resident memory ({@code VmHWM} of {@code /proc/self/status}). Run it with {@code
 * bench/import-bench.sh}.
 */
public final class ImportBench {
  private static final double TARGET_SECONDS = 60;
  private static final double TARGET_RSS_MB = 1024;

  private static final String[] STORIES = {
    "Save a card at checkout",
    "Show saved cards on the payment step",
    "Retry 3-D Secure when the challenge times out",
    "Export invoices as CSV with VAT lines",
    "Speed up payouts to next-day",
    "Let admins invite a second admin",
    "Filter the dashboard by quarter",
    "Refund to the original card"
  };

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int issues = Integer.parseInt(System.getenv().getOrDefault("ISSUES", "50000"));
    Path dir = Files.createTempDirectory("hatrack-jira-bench-");
    System.out.printf(Locale.ROOT, "Data directory: %s%n", dir);
    AppConfig config = AppConfig.defaults(dir, null, "127.0.0.1", 0);
    try (App app = new App(config)) {
      User ana = app.accounts().create("ana@bench.example", "Ana Lopez", "bench-password-1");
      Workspace ws = app.workspaces().create(ana, "Northwind Labs", null);
      Product product =
          app.products()
              .create(
                  ana,
                  ws.slug(),
                  new ProductService.ProductInput("Checkout", "checkout", "CHK", "The bench."));
      long t0 = System.nanoTime();
      Path file = dir.resolve("jira.csv");
      write(file, issues, new Random(42));
      System.out.printf(
          Locale.ROOT,
          "Wrote %s: %,d issues, %,d bytes in %.1f s%n",
          file.getFileName(),
          issues,
          Files.size(file),
          secs(t0));
      ItemImport imports = app.delivery().imports().items();
      for (String run : List.of("import", "re-import")) {
        Phases phases = new Phases();
        long start = System.nanoTime();
        ItemImport.Report report =
            imports.run(
                ana,
                product.slug(),
                ImportFile.of(file),
                ImportOptions.of(ImportFormat.JIRA, false),
                phases);
        double total = secs(start);
        phases.end();
        if (!report.ok()) {
          System.out.println(
              "The import found problems: "
                  + report.problems().subList(0, Math.min(3, report.problems().size())));
          System.exit(1);
        }
        System.out.printf(
            Locale.ROOT,
            "%-9s %,d issues in %.1f s (%s) -> %s; %,d comments, %,d links%n",
            run,
            report.records(),
            total,
            phases,
            report.counts(),
            report.comments(),
            report.links());
        if (run.equals("import")) {
          for (String n : report.notes()) {
            System.out.println("  note: " + (n.length() > 160 ? n.substring(0, 160) + "…" : n));
          }
          System.out.printf(
              Locale.ROOT,
              "Target: at most %.0f s -> %s%n",
              TARGET_SECONDS,
              total <= TARGET_SECONDS ? "met" : "NOT met");
        }
      }
    }
    double rss = peakRssMb();
    System.out.printf(
        Locale.ROOT,
        "Peak resident memory (VmHWM): %.0f MB; target at most %.0f MB -> %s%n",
        rss,
        TARGET_RSS_MB,
        rss <= TARGET_RSS_MB ? "met" : "NOT met");
  }

  private static final DateTimeFormatter JIRA =
      DateTimeFormatter.ofPattern("dd/MMM/yy h:mm a", Locale.ENGLISH);

  static void write(Path file, int issues, Random random) throws IOException {
    List<String> header =
        new ArrayList<>(
            List.of(
                "Summary",
                "Issue key",
                "Issue id",
                "Parent id",
                "Issue Type",
                "Status",
                "Project key",
                "Priority",
                "Resolution",
                "Assignee",
                "Reporter",
                "Created",
                "Updated",
                "Labels",
                "Labels",
                "Labels",
                "Description",
                "Watchers",
                "Watchers",
                "Sprint",
                "Sprint",
                "Custom field (Epic Link)",
                "Custom field (Story Points)",
                "Comment",
                "Comment",
                "Attachment",
                "Outward issue link (Blocks)",
                "Status Category"));
    String[] statuses = {"To Do", "In Progress", "In Review", "Done", "QA"};
    String[] categories = {"To Do", "In Progress", "In Progress", "Done", "In Progress"};
    String[] people = {"Ana Lopez", "Ben Okafor", "Chloe Martin", "Dev Patel", ""};
    LocalDateTime base = LocalDateTime.of(2023, 1, 2, 9, 0);
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
      csv.printRecord(header);
      String epic = null;
      String story = null;
      for (int i = 1; i <= issues; i++) {
        String type;
        String parentId = "";
        String epicLink = "";
        if (i % 25 == 1) {
          type = "Epic";
          epic = "CHK-" + i;
        } else if (i % 5 == 2 || story == null) {
          type = random.nextInt(6) == 0 ? "Bug" : "Story";
          epicLink = epic;
          story = type.equals("Story") ? Integer.toString(10_000 + i) : story;
        } else {
          type = "Sub-task";
          parentId = story;
        }
        int s = random.nextInt(statuses.length);
        LocalDateTime created = base.plusMinutes(37L * i);
        String title = STORIES[random.nextInt(STORIES.length)] + " #" + i;
        String description =
            "As a buyer, I want to \"finish faster\", so that I come back.\n\n"
                + "Acceptance:\n- works on Safari, Chrome\n- p99 under 300 ms";
        csv.printRecord(
            title,
            "CHK-" + i,
            Integer.toString(10_000 + i),
            parentId,
            type,
            statuses[s],
            "CHK",
            "Medium",
            s == 3 ? "Done" : "",
            people[random.nextInt(people.length)],
            "Ana Lopez",
            JIRA.format(created),
            JIRA.format(created.plusDays(3)),
            "payments",
            random.nextBoolean() ? "saved-cards" : "",
            i % 7 == 0 ? "Q" + (1 + i % 4) : "",
            description,
            "ana",
            "ben",
            "CHK Sprint " + (1 + i / 400),
            i % 3 == 0 ? "CHK Sprint " + (2 + i / 400) : "",
            epicLink,
            type.equals("Story") ? Integer.toString(1 + random.nextInt(8)) : "",
            JIRA.format(created.plusHours(5)) + ";Ben Okafor;Looked at it; see the PR, \"v2\".",
            i % 2 == 0 ? JIRA.format(created.plusHours(9)) + ";557058:abc;Customer confirmed." : "",
            i % 9 == 0 ? "screenshot.png" : "",
            i % 50 == 3 ? "CHK-" + (i + 1) : "",
            categories[s]);
      }
    }
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static double peakRssMb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }

  /** Times each phase of an import. */
  private static final class Phases implements JobProgress {
    private final StringBuilder text = new StringBuilder();
    private String phase;
    private long started;

    @Override
    public void phase(String name, long total) {
      end();
      phase = name;
      started = System.nanoTime();
    }

    @Override
    public void advance(long steps) {}

    void end() {
      if (phase != null) {
        text.append(text.isEmpty() ? "" : ", ")
            .append(String.format(Locale.ROOT, "%s %.1f s", phase, secs(started)));
        phase = null;
      }
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
