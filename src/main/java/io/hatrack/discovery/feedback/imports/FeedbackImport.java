package io.hatrack.discovery.feedback.imports;

import io.hatrack.discovery.customers.Contact;
import io.hatrack.discovery.customers.Customer;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackDraft;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobFailed;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.TagService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Imports feedback from a CSV or JSON file into a product's inbox, all or nothing: the file is read
 * once to learn its columns and rows, checked row by row (every problem named with its line and
 * column), and only a file without a single problem is saved, in one transaction, in batches. A row
 * whose external id names feedback of the product updates it (the columns the file has; importing
 * the same file twice changes nothing and counts the rows as unchanged); a row without one is new.
 * A dry run checks and counts without saving. Long imports run as {@link Jobs jobs} with progress.
 */
public final class FeedbackImport {
  /** How many rows a preview shows. */
  public static final int PREVIEW_ROWS = 10;

  /** How many rows are checked and saved together. */
  static final int BATCH = 1000;

  /** How long an uploaded file waits for its import. */
  static final Duration STAGED_FOR = Duration.ofDays(1);

  /** The kind of the import's jobs. */
  public static final String JOB_KIND = "feedback-import";

  private final Database db;
  private final FeedbackImportStore store;
  private final FeedbackService feedback;
  private final CustomerService customers;
  private final ProductService products;
  private final TagService tags;
  private final Jobs jobs;
  private final Clock clock;

  /** What the import uses of the rest of Hatrack. */
  public record Parts(
      Database db,
      FeedbackService feedback,
      CustomerService customers,
      ProductService products,
      TagService tags,
      Jobs jobs,
      Clock clock) {}

  public FeedbackImport(Parts p) {
    this.db = p.db();
    this.store = new FeedbackImportStore();
    this.feedback = p.feedback();
    this.customers = p.customers();
    this.products = p.products();
    this.tags = p.tags();
    this.jobs = p.jobs();
    this.clock = p.clock();
  }

  /**
   * How to read a file.
   *
   * @param map the mapping entries ({@code column:field}); empty to guess it from the header
   */
  public record Options(FileFormat format, List<String> map, DateFormat dates, boolean dryRun) {
    public Options {
      map = List.copyOf(map);
    }

    /**
     * Options as the API and the command line give them; an {@link Invalid} names the parameter
     * that is wrong. {@code map} is {@code column:field} entries separated by commas.
     */
    public static Options parse(
        String format, String fileName, List<String> map, String dateFormat, boolean dryRun) {
      FileFormat f =
          format == null || format.isBlank()
              ? FileFormat.ofFileName(fileName)
              : FileFormat.byId(format)
                  .orElseThrow(() -> Invalid.field("format", "must be csv or json"));
      DateFormat d =
          DateFormat.byId(dateFormat)
              .orElseThrow(
                  () -> Invalid.field("date_format", "must be one of " + DateFormat.ids()));
      List<String> entries = new ArrayList<>();
      for (String m : map == null ? List.<String>of() : map) {
        Arrays.stream(m.split(","))
            .map(String::strip)
            .filter(e -> !e.isEmpty())
            .forEach(entries::add);
      }
      return new Options(f, entries, d, dryRun);
    }
  }

  /**
   * What an import did, or would do (a dry run, or a file with problems: then nothing was saved).
   *
   * @param mapping the field each column filled, in the file's order
   * @param ignoredColumns the columns no field took
   */
  public record Report(
      String fileName,
      String format,
      Map<String, String> mapping,
      List<String> ignoredColumns,
      String dateFormat,
      long rows,
      long created,
      long updated,
      long unchanged,
      boolean dryRun,
      boolean saved,
      List<FileProblem> problems) {
    public Report {
      mapping = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
      ignoredColumns = List.copyOf(ignoredColumns);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    /** The counts in words, e.g. {@code 12 new, 3 updated, 0 unchanged}. */
    public String counts() {
      return String.format(
          Locale.ROOT, "%,d new, %,d updated, %,d unchanged", created, updated, unchanged);
    }

    /** One line for a failed job: how many problems, and the first. */
    public String refusal() {
      return fileName
          + " cannot be imported: "
          + (problems.size() == 1 ? "one problem" : problems.size() + " problems")
          + " (the first: "
          + problems.get(0)
          + "). Nothing was saved.";
    }
  }

  /** An uploaded file as the preview shows it: its columns, first rows and the guessed mapping. */
  public record Preview(
      long stagedId,
      String fileName,
      FileFormat format,
      long rows,
      List<String> columns,
      List<List<String>> sample,
      Map<String, String> guessed,
      List<FileProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  // ---- Running ----------------------------------------------------------------------------------

  /** Imports a file now, in this thread (the command line, tests and the jobs use this). */
  public Report run(
      User actor,
      String productRef,
      String fileName,
      byte[] bytes,
      Options options,
      JobProgress progress) {
    ProductAccess product = access(actor, productRef);
    String name = name(fileName, options.format());
    List<FileProblem> problems = new ArrayList<>();
    progress.phase("reading", 0);
    Scan scan;
    try {
      scan = scan(options.format(), bytes, 0);
    } catch (FeedbackFile.Refused e) {
      return report(name, options, null, List.of(), 0, new Counts(), false, e.problems());
    }
    problems.addAll(scan.problems());
    ColumnMapping mapping =
        options.map().isEmpty()
            ? ColumnMapping.guess(scan.columns())
            : ColumnMapping.parse(options.map(), scan.columns(), problems);
    List<String> ignored = mapping.unmapped(scan.columns());
    if (!mapping.has(FeedbackField.TEXT) && problems.isEmpty()) {
      problems.add(
          new FileProblem(
              options.format() == FileFormat.CSV ? 1 : 0,
              null,
              0,
              0,
              "no column holds the text of the feedback (the columns are "
                  + String.join(", ", scan.columns())
                  + "): name one text, or map it with COLUMN:text"));
    }
    if (scan.rows() == 0 && problems.isEmpty()) {
      problems.add(FileProblem.ofFile("the file holds no feedback, only a header"));
    }
    if (!problems.isEmpty()) {
      return report(name, options, mapping, ignored, scan.rows(), new Counts(), false, problems);
    }
    progress.phase("checking", scan.rows());
    // The rows checked are kept (a few hundred bytes each) for the saving, which so need not read
    // and check the file again; it only looks up the external ids again, inside its transaction.
    Pass check = new Pass(actor, product, bytes, options, mapping, progress, false, name);
    check.keep = !options.dryRun();
    Counts counts = db.read(h -> check.run(h, problems));
    if (!problems.isEmpty() || options.dryRun()) {
      return report(name, options, mapping, ignored, scan.rows(), counts, false, problems);
    }
    progress.phase("saving", scan.rows());
    Pass save = new Pass(actor, product, bytes, options, mapping, progress, true, name);
    try {
      Counts saved =
          db.tx(
              h -> {
                Counts c = save.save(h, check.kept, problems);
                if (!problems.isEmpty()) {
                  throw new Rollback();
                }
                return c;
              });
      return report(name, options, mapping, ignored, scan.rows(), saved, true, problems);
    } catch (Rollback e) {
      return report(name, options, mapping, ignored, scan.rows(), counts, false, problems);
    }
  }

  /**
   * Starts importing a file in the background and answers the job at once; the job's result is the
   * {@link Report}, and a file with problems fails the job with its report.
   */
  public Job start(
      User actor,
      String productRef,
      String fileName,
      byte[] bytes,
      Options options,
      String doneUrl) {
    ProductAccess product = access(actor, productRef);
    return submit(actor, product, fileName, options, doneUrl, bytes, null);
  }

  private Job submit(
      User actor,
      ProductAccess product,
      String fileName,
      Options options,
      String doneUrl,
      byte[] bytes,
      Long stagedId) {
    String name = name(fileName, options.format());
    String ref = Long.toString(product.id());
    return jobs.submit(
        new Jobs.Spec(
            actor,
            product.workspace().id(),
            JOB_KIND,
            (options.dryRun() ? "Check " : "Import ") + name + " into " + product.product().name(),
            doneUrl),
        progress -> {
          Report report = run(actor, ref, name, bytes, options, progress);
          if (!report.ok()) {
            throw new JobFailed(report.refusal(), report);
          }
          if (report.saved() && stagedId != null) {
            db.txVoid(h -> store.unstage(h, stagedId));
          }
          return report;
        });
  }

  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rollback() {
      super("the import found problems while saving", null, false, false);
    }
  }

  // ---- Staged uploads (the web page) ------------------------------------------------------------

  /**
   * Keeps an uploaded file for its import, if it can be read at all, and answers its preview: the
   * columns, the first rows and the guessed mapping. A file that cannot be read is not kept; its
   * preview lists the problems.
   */
  public Preview stage(
      User actor, String productRef, String fileName, byte[] bytes, FileFormat format) {
    ProductAccess product = access(actor, productRef);
    String name = name(fileName, format);
    Scan scan;
    try {
      scan = scan(format, bytes, PREVIEW_ROWS);
    } catch (FeedbackFile.Refused e) {
      return new Preview(0, name, format, 0, List.of(), List.of(), Map.of(), e.problems());
    }
    if (!scan.problems().isEmpty()) {
      return preview(0, name, format, scan);
    }
    int start = FeedbackFile.checkText(bytes);
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    long id =
        db.tx(
            h -> {
              store.forgetStaged(h, product.id(), clock.instant().minus(STAGED_FOR));
              return store.stage(h, product.id(), actor.id(), name, format, text, clock.instant());
            });
    return preview(id, name, format, scan);
  }

  /** The preview of a file kept by {@link #stage}, for its uploader. */
  public Preview staged(User actor, String productRef, long stagedId) {
    FeedbackImportStore.Staged s = stagedFile(actor, access(actor, productRef), stagedId);
    byte[] bytes = s.content().getBytes(StandardCharsets.UTF_8);
    return preview(s.id(), s.fileName(), s.format(), scan(s.format(), bytes, PREVIEW_ROWS));
  }

  /** Starts the import (or the dry run) of a file kept by {@link #stage}. */
  public Job startStaged(
      User actor, String productRef, long stagedId, Options options, String doneUrl) {
    ProductAccess product = access(actor, productRef);
    FeedbackImportStore.Staged s = stagedFile(actor, product, stagedId);
    Options o = new Options(s.format(), options.map(), options.dates(), options.dryRun());
    return submit(
        actor,
        product,
        s.fileName(),
        o,
        doneUrl,
        s.content().getBytes(StandardCharsets.UTF_8),
        stagedId);
  }

  /** An import's job as {@code viewer} may see it (their own, or as an admin). */
  public Job job(User viewer, String jobId) {
    return jobs.get(viewer, jobId);
  }

  private FeedbackImportStore.Staged stagedFile(User actor, ProductAccess product, long stagedId) {
    return db.read(h -> store.staged(h, stagedId))
        .filter(s -> s.productId() == product.id() && s.createdBy() == actor.id())
        .orElseThrow(() -> new NotFound("uploaded file (it was imported, or is older than a day)"));
  }

  private static Preview preview(long id, String name, FileFormat format, Scan scan) {
    ColumnMapping guess = ColumnMapping.guess(scan.columns());
    Map<String, String> guessed = new LinkedHashMap<>();
    for (String c : scan.columns()) {
      guessed.put(c, guess.field(c).map(FeedbackField::id).orElse(""));
    }
    List<List<String>> sample = new ArrayList<>();
    for (FileRow row : scan.sample()) {
      sample.add(scan.columns().stream().map(row::text).toList());
    }
    return new Preview(
        id, name, format, scan.rows(), scan.columns(), sample, guessed, scan.problems());
  }

  // ---- The command line -------------------------------------------------------------------------

  /** The product a command-line import goes into, and the owner it acts as. */
  public record Target(String productRef, long ownerId) {}

  /**
   * Finds a product by key or slug for the command line, which has no signed-in user; the import
   * then acts as the first owner of its workspace. With several products of that key, the workspace
   * must be named.
   */
  public Target targetAsAdministrator(String productKey, String workspaceSlug) {
    return db.read(
        h -> {
          List<FeedbackImportStore.ProductRef> matching =
              store.productsByKeyOrSlug(h, productKey.strip()).stream()
                  .filter(p -> workspaceSlug == null || workspaceSlug.equals(p.workspaceSlug()))
                  .toList();
          if (matching.isEmpty()) {
            throw new NotFound("product " + productKey);
          }
          if (matching.size() > 1) {
            throw Invalid.field(
                "workspace",
                "several workspaces have a product " + productKey + ": name one with --workspace");
          }
          long productId = matching.get(0).productId();
          long workspaceId = matching.get(0).workspaceId();
          long owner =
              customers
                  .firstOwner(h, workspaceId)
                  .orElseThrow(() -> new NotFound("owner of the workspace"));
          return new Target(Long.toString(productId), owner);
        });
  }

  // ---- Reading and checking ---------------------------------------------------------------------

  /** What a first reading of a file found: its columns, rows, first rows and problems. */
  private record Scan(
      List<String> columns, long rows, List<FileRow> sample, List<FileProblem> problems) {}

  private static Scan scan(FileFormat format, byte[] bytes, int keep) {
    FeedbackFile.Rows rows = FeedbackFile.open(format, bytes);
    long count = 0;
    List<FileRow> sample = new ArrayList<>();
    while (rows.hasNext()) {
      FileRow row = rows.next();
      if (sample.size() < keep) {
        sample.add(row);
      }
      count++;
    }
    return new Scan(rows.columns(), count, sample, rows.problems());
  }

  private static final class Counts {
    long created;
    long updated;
    long unchanged;
  }

  /** One pass over the rows: checking them, and saving them when {@code write}. */
  private final class Pass {
    private final User actor;
    private final ProductAccess product;
    private final byte[] bytes;
    private final Options options;
    private final ColumnMapping mapping;
    private final JobProgress progress;
    private final boolean write;
    private final String origin;

    Pass(
        User actor,
        ProductAccess product,
        byte[] bytes,
        Options options,
        ColumnMapping mapping,
        JobProgress progress,
        boolean write,
        String origin) {
      this.actor = actor;
      this.product = product;
      this.bytes = bytes;
      this.options = options;
      this.mapping = mapping;
      this.progress = progress;
      this.write = write;
      this.origin = origin;
    }

    /** The rows checked by {@link #run} (when {@link #keep}), for {@link #save}. */
    final List<RowChecker.Checked> kept = new ArrayList<>();

    boolean keep;

    /** Saves the rows another pass checked, batch by batch. */
    Counts save(Handle h, List<RowChecker.Checked> checked, List<FileProblem> problems) {
      Counts counts = new Counts();
      for (int from = 0; from < checked.size() && problems.isEmpty(); from += BATCH) {
        int to = Math.min(checked.size(), from + BATCH);
        flush(h, new ArrayList<>(checked.subList(from, to)), counts, problems);
        progress.advance(to - from);
      }
      return counts;
    }

    Counts run(Handle h, List<FileProblem> problems) {
      RowChecker checker =
          new RowChecker(
              mapping,
              options.dates(),
              actor.zone(),
              clock.instant(),
              directory(h, product.workspace().id()));
      FeedbackFile.Rows rows = FeedbackFile.open(options.format(), bytes);
      Counts counts = new Counts();
      List<RowChecker.Checked> batch = new ArrayList<>(BATCH);
      long read = 0;
      while (rows.hasNext() && problems.size() < FeedbackFile.MAX_PROBLEMS) {
        checker.check(rows.next(), problems).ifPresent(batch::add);
        read++;
        if (keep && read % BATCH == 0) {
          kept.addAll(batch);
        }
        if (read % BATCH == 0) {
          flush(h, batch, counts, problems);
          progress.advance(BATCH);
        }
      }
      if (keep) {
        kept.addAll(batch);
      }
      flush(h, batch, counts, problems);
      progress.advance(read % BATCH);
      if (!problems.isEmpty()) {
        kept.clear();
      }
      return counts;
    }

    private void flush(
        Handle h, List<RowChecker.Checked> batch, Counts counts, List<FileProblem> problems) {
      if (batch.isEmpty()) {
        return;
      }
      List<String> externals =
          batch.stream().map(c -> c.draft().externalId()).filter(Objects::nonNull).toList();
      Map<String, Feedback> existing = feedback.byExternalIds(h, product.id(), externals);
      Map<Long, List<String>> existingTags =
          existing.isEmpty()
              ? Map.of()
              : tags.forItems(h, existing.values().stream().map(Feedback::id).toList());
      List<FeedbackDraft> created = new ArrayList<>();
      for (RowChecker.Checked c : batch) {
        String external = c.draft().externalId();
        Feedback before = external == null ? null : existing.get(external);
        if (before == null) {
          counts.created++;
          created.add(c.draft());
        } else if (before.item().deleted()) {
          problems.add(
              c.row()
                  .problem(
                      mapping.column(FeedbackField.EXTERNAL_ID).orElse(null),
                      "\""
                          + external
                          + "\" is the external id of the deleted feedback "
                          + before.key()
                          + "; restore it first, or use another id"));
        } else {
          List<String> had = existingTags.getOrDefault(before.id(), List.of());
          FeedbackDraft merged = merge(before, had, c);
          if (same(before, had, merged)) {
            counts.unchanged++;
          } else {
            counts.updated++;
            if (write && problems.isEmpty()) {
              feedback.update(h, actor, before, merged);
            }
          }
        }
      }
      if (write && problems.isEmpty()) {
        feedback.createAll(h, actor, product, created, origin);
      }
      batch.clear();
    }

    /** The existing feedback with the fields the file gives replaced. */
    private FeedbackDraft merge(Feedback f, List<String> had, RowChecker.Checked c) {
      FeedbackDraft d = c.draft();
      boolean autoSummary = f.summary().equals(FeedbackDraft.summaryOf(f.text()));
      String text = has(FeedbackField.TEXT) ? d.text() : f.text();
      String summary = has(FeedbackField.TITLE) ? d.summary() : autoSummary ? null : f.summary();
      if (summary == null) {
        summary = FeedbackDraft.summaryOf(text.strip());
      }
      Long customer = f.customerId();
      Long contact = f.contactId();
      if (has(FeedbackField.CONTACT)) {
        contact = d.contactId();
        customer = d.contactId() != null ? d.customerId() : customer;
      }
      if (has(FeedbackField.CUSTOMER)) {
        customer = d.customerId();
        if (!has(FeedbackField.CONTACT) && !Objects.equals(customer, f.customerId())) {
          contact = null;
        }
      }
      return new FeedbackDraft(
          text.strip(),
          summary,
          has(FeedbackField.SOURCE) ? d.source() : f.source().id(),
          customer,
          contact,
          has(FeedbackField.DATE) && d.happenedAt() != null ? d.happenedAt() : f.happenedAt(),
          has(FeedbackField.IMPORTANCE) ? d.importance() : f.importance(),
          f.externalId(),
          has(FeedbackField.STATUS) && d.status() != null ? d.status() : f.status().id(),
          has(FeedbackField.TAGS) ? d.tags() : null);
    }

    private boolean same(Feedback f, List<String> had, FeedbackDraft m) {
      return f.text().equals(m.text())
          && f.summary().equals(m.summary())
          && f.source().id().equals(m.source())
          && Objects.equals(f.customerId(), m.customerId())
          && Objects.equals(f.contactId(), m.contactId())
          && f.happenedAt().toEpochMilli() == m.happenedAt().toEpochMilli()
          && Objects.equals(f.importance(), m.importance())
          && f.status().id().equals(m.status())
          && (m.tags() == null || new HashSet<>(had).equals(new HashSet<>(m.tags())));
    }

    private boolean has(FeedbackField field) {
      return mapping.has(field);
    }
  }

  /** The customers and contacts of a workspace, looked up once per distinct value. */
  private RowChecker.Directory directory(Handle h, long workspaceId) {
    Map<String, Optional<Long>> byName = new HashMap<>();
    Map<String, Optional<RowChecker.ContactRef>> byEmail = new HashMap<>();
    return new RowChecker.Directory() {
      @Override
      public Optional<Long> customer(String externalIdOrName) {
        return byName.computeIfAbsent(
            externalIdOrName.toLowerCase(Locale.ROOT),
            k ->
                customers
                    .findByExternalIdOrName(h, workspaceId, externalIdOrName)
                    .map(Customer::id));
      }

      @Override
      public Optional<RowChecker.ContactRef> contact(String email) {
        return byEmail.computeIfAbsent(
            email.toLowerCase(Locale.ROOT),
            k -> {
              List<Map.Entry<Contact, String>> found =
                  customers.contactsByEmail(h, workspaceId, email);
              return found.stream()
                  .findFirst()
                  .map(
                      e ->
                          new RowChecker.ContactRef(
                              e.getKey().id(), e.getKey().customerId(), e.getValue()));
            });
      }
    };
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private ProductAccess access(User actor, String productRef) {
    return products.access(actor, productRef).require(Role.EDITOR, "import feedback");
  }

  private static String name(String fileName, FileFormat format) {
    String name =
        fileName == null || fileName.isBlank() ? "feedback." + format.id() : fileName.strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static Map<String, String> fieldIds(ColumnMapping mapping) {
    Map<String, String> ids = new LinkedHashMap<>();
    mapping.fields().forEach((column, field) -> ids.put(column, field.id()));
    return ids;
  }

  private static Report report(
      String name,
      Options options,
      ColumnMapping mapping,
      List<String> ignored,
      long rows,
      Counts counts,
      boolean saved,
      List<FileProblem> problems) {
    return new Report(
        name,
        options.format().id(),
        mapping == null ? Map.of() : fieldIds(mapping),
        ignored,
        options.dates().id(),
        rows,
        counts.created,
        counts.updated,
        counts.unchanged,
        options.dryRun(),
        saved,
        problems);
  }
}
