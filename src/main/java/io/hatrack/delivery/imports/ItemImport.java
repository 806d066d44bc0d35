package io.hatrack.delivery.imports;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.WorkflowState;
import io.hatrack.definition.WorkflowStore;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.delivery.imports.source.SourceText;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobFailed;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports another tool's file as work items of a product, all or nothing: Jira's CSV, GitHub's
 * issues JSON, a Trello board, or any CSV with a column mapping. A first pass reads and checks
 * every record (problems named by line, issue or card) and counts what would be created, updated
 * and left unchanged; a dry run stops there. An import then saves it all in one transaction (see
 * {@link ImportSaver}); any problem found while saving rolls everything back. Each record's item is
 * remembered by the record's key, so importing a file again updates its items (or leaves unchanged
 * ones alone) rather than adding them twice. Long imports run as {@link Jobs jobs} with progress.
 */
public final class ItemImport {
  /** The largest file read from disk (the command line) or sent to the API, in bytes. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /** The largest file uploaded on the import page (kept in the database until imported). */
  public static final int MAX_UPLOAD = 64 * 1024 * 1024;

  /** How many records a preview shows. */
  public static final int PREVIEW_ROWS = 10;

  /** The kind of the import's jobs. */
  public static final String JOB_KIND = "work-item-import";

  static final Duration UPLOAD_KEPT = Duration.ofDays(1);

  private final DeliveryHat.Kernel k;
  private final ImportStore store;
  private final ImportSaver saver;

  public ItemImport(DeliveryHat.Kernel kernel) {
    this.k = kernel;
    this.store = new ImportStore();
    this.saver = new ImportSaver(kernel, store);
  }

  /**
   * What an import did, or would do (a dry run, or a file with problems: then nothing was saved).
   *
   * @param records the records read (skipped ones not counted)
   * @param skipped why records were left out (pull requests, archived cards), with their counts
   * @param statuses each status of the file and the workflow state it goes to, and why
   * @param types each type of the file and the work-item type it becomes
   * @param columns a generic CSV file's columns and the field each fills
   * @param comments comments added (or to add, for a dry run)
   * @param links links added (or to add)
   * @param notes what the import decided or left out, to read before importing
   */
  public record Report(
      String fileName,
      String format,
      String encoding,
      long records,
      long created,
      long updated,
      long unchanged,
      Map<String, Long> skipped,
      Map<String, String> statuses,
      Map<String, String> types,
      Map<String, String> columns,
      long comments,
      long links,
      List<String> notes,
      List<RecordProblem> problems,
      boolean dryRun,
      boolean saved) {
    public Report {
      skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
      statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
      types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
      columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
      notes = List.copyOf(notes);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    /** Records left out, all reasons together. */
    public long skippedTotal() {
      return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts in words, e.g. {@code 12 created, 3 updated, 0 unchanged, 2 skipped}. */
    public String counts() {
      return String.format(
          Locale.ROOT,
          "%,d created, %,d updated, %,d unchanged, %,d skipped",
          created,
          updated,
          unchanged,
          skippedTotal());
    }

    /**
     * The mapping this report used as {@code FROM=TO} entries, so that the import can be run with
     * exactly the mapping that was checked.
     */
    public List<String> mappingEntries() {
      List<String> out = new java.util.ArrayList<>();
      columns.forEach((c, f) -> out.add(c + "=" + f));
      statuses.forEach(
          (s, choice) -> {
            if (!s.equals("(none)")) {
              out.add("status:" + s + "=" + chosen(choice));
            }
          });
      types.forEach(
          (t, choice) -> {
            if (!t.equals("(none)")) {
              out.add("type:" + t + "=" + chosen(choice));
            }
          });
      return out;
    }

    /** The state or type of a choice as the report says it, e.g. {@code Done (same name)}. */
    public static String chosen(String choice) {
      int at = choice.indexOf(" (");
      return at < 0 ? choice : choice.substring(0, at);
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

  /**
   * A file as the preview shows it: the report of checking it, its first records as they will be
   * imported, and what the mapping can choose from.
   */
  public record Preview(
      long stagedId,
      Report report,
      List<ItemMapper.Planned> sample,
      List<String> states,
      List<String> fileColumns) {}

  // ---- Checking and importing -------------------------------------------------------------------

  /** Reads and checks a file without saving anything; its first records come with the report. */
  public Preview preview(User actor, String productRef, ImportFile file, ImportOptions options) {
    ProductAccess product = access(actor, productRef);
    Context c = context(actor, product, options.withDryRun(true));
    ImportPlan plan =
        plan(actor, c, file, options.withDryRun(true), PREVIEW_ROWS, JobProgress.NONE);
    return new Preview(
        0,
        report(plan, c, file, options.withDryRun(true), false, null),
        plan.sample,
        c.states().stream().map(WorkflowState::name).toList(),
        plan.columns);
  }

  /** Imports a file now, in this thread (the command line, tests and the jobs use this). */
  public Report run(
      User actor, String productRef, ImportFile file, ImportOptions options, JobProgress progress) {
    ProductAccess product = access(actor, productRef);
    Context c = context(actor, product, options);
    progress.phase("checking", 0);
    ImportPlan plan = plan(actor, c, file, options, 0, progress);
    if (!plan.problems.isEmpty() || options.dryRun()) {
      return report(plan, c, file, options, false, null);
    }
    progress.phase("saving", plan.entries.size());
    ImportSaver.Result saved = saver.save(actor, product, plan, c.known(), progress);
    if (!saved.problems().isEmpty()) {
      plan.problems.addAll(saved.problems());
      return report(plan, c, file, options, false, null);
    }
    return report(plan, c, file, options, true, saved);
  }

  /** What checking a file needs to know of the product. */
  record Context(
      List<WorkflowState> states,
      boolean numericEstimates,
      Map<String, String> members,
      Map<String, ImportStore.Known> known) {}

  private Context context(User actor, ProductAccess product, ImportOptions options) {
    Map<String, String> members = new HashMap<>();
    for (Member m : k.workspaces().members(product.workspace())) {
      User u = m.user();
      members.putIfAbsent(u.handle().toLowerCase(Locale.ROOT), u.handle());
      members.putIfAbsent(u.email().toLowerCase(Locale.ROOT), u.handle());
      members.putIfAbsent(u.name().toLowerCase(Locale.ROOT), u.handle());
    }
    return k.db()
        .tx(
            h -> {
              var workflow = k.definition().workflows().workflow(h, product.id());
              WorkflowStore.Settings settings =
                  k.definition().workflows().settings(h, product.id());
              return new Context(
                  workflow.states(),
                  settings.estimateUnit() != EstimateUnit.SIZE,
                  members,
                  store.known(h, product.id(), options.format().id()));
            });
  }

  private ImportPlan plan(
      User actor,
      Context c,
      ImportFile file,
      ImportOptions options,
      int keep,
      JobProgress progress) {
    SourceText text;
    ZoneId zone = zone(actor);
    try {
      if (file.size() > MAX_BYTES) {
        throw new SourceText.Unreadable(
            RecordProblem.ofFile(
                String.format(
                    Locale.ROOT,
                    "the file is %,d bytes; the limit is %,d bytes: split it",
                    file.size(),
                    MAX_BYTES)));
      }
      text = SourceText.detect(file);
    } catch (SourceText.Unreadable e) {
      ImportPlan failed =
          new ImportPlan(
              file,
              new SourceText(java.nio.charset.StandardCharsets.UTF_8, 0, null),
              options,
              zone);
      failed.problems.addAll(e.problems());
      failed.mapper = new ItemMapper(c.states(), options, c.numericEstimates(), c.members());
      return failed;
    }
    ImportPlan plan = new ImportPlan(file, text, options, zone);
    if (text.note() != null) {
      plan.notes.add(text.note());
    }
    plan.read(
        new ItemMapper(c.states(), options, c.numericEstimates(), c.members()),
        c.known(),
        keep,
        progress);
    checkParentsBefore(actor, plan);
    List<String> dangling = plan.danglingLinks(c.known());
    if (!dangling.isEmpty()) {
      plan.notes.add(
          dangling.size()
              + " links point to records neither in the file nor imported before, and were"
              + " left out: "
              + String.join(", ", dangling.subList(0, Math.min(10, dangling.size())))
              + (dangling.size() > 10 ? " and more" : ""));
    }
    long deleted = plan.count(e -> e.known != null && e.known.deleted());
    if (deleted > 0) {
      plan.skipped.merge(
          "their items were deleted in Hatrack (restore them to import them again)",
          deleted,
          Long::sum);
    }
    return plan;
  }

  /** The types of parents imported before (outside the file), and whether they fit. */
  private void checkParentsBefore(User actor, ImportPlan plan) {
    Map<Long, WorkItemType> types = new HashMap<>();
    List<String> misfits = new java.util.ArrayList<>();
    for (ImportPlan.Entry e : plan.entries.values()) {
      if (e.parentItem == null) {
        continue;
      }
      WorkItemType type =
          types.computeIfAbsent(
              e.parentItem,
              id -> k.definition().workItems().get(actor, Long.toString(id)).item().type());
      if (e.type.mayBeUnder(type)) {
        e.parentItemType = type;
      } else {
        misfits.add(e.where + " (" + e.type.id() + ") under a " + type.id());
        e.parentItem = null;
      }
    }
    if (!misfits.isEmpty()) {
      plan.notes.add(
          misfits.size()
              + " parents imported before were left out because the hierarchy does not allow"
              + " them: "
              + String.join(", ", misfits.subList(0, Math.min(10, misfits.size()))));
    }
  }

  private static ZoneId zone(User actor) {
    try {
      return ZoneId.of(actor.timeZone());
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  private static Report report(
      ImportPlan plan,
      Context c,
      ImportFile file,
      ImportOptions options,
      boolean saved,
      ImportSaver.Result result) {
    long created = plan.count(e -> e.known == null);
    long unchanged = plan.count(e -> e.known != null && !e.known.deleted() && e.unchanged());
    long updated = plan.count(e -> e.known != null && !e.known.deleted() && !e.unchanged());
    long comments =
        result != null
            ? result.comments()
            : plan.entries.values().stream()
                .filter(e -> e.known == null || !e.unchanged())
                .mapToLong(e -> e.comments)
                .sum();
    long links =
        result != null
            ? result.links()
            : plan.entries.values().stream()
                .filter(e -> e.known == null || !e.unchanged())
                .mapToLong(e -> e.links.size())
                .sum();
    boolean ok = plan.problems.isEmpty();
    return new Report(
        file.name(),
        options.format().id(),
        plan.text.label(),
        plan.records,
        ok ? created : 0,
        ok ? updated : 0,
        ok ? unchanged : 0,
        plan.skipped,
        plan.mapper == null ? Map.of() : plan.mapper.statuses(),
        plan.mapper == null ? Map.of() : plan.mapper.types(),
        plan.columnMapping,
        ok ? comments : 0,
        ok ? links : 0,
        plan.notes,
        plan.problems,
        options.dryRun(),
        saved);
  }

  /**
   * Starts importing (or checking) a file in the background and answers the job at once; its result
   * is the {@link Report}, and a file with problems fails the job with its report. A {@code
   * stagedId} upload is forgotten once imported.
   */
  public Job start(
      User actor,
      String productRef,
      ImportFile file,
      ImportOptions options,
      String doneUrl,
      Long stagedId) {
    ProductAccess product = access(actor, productRef);
    String ref = Long.toString(product.id());
    return k.jobs()
        .submit(
            new Jobs.Spec(
                actor,
                product.workspace().id(),
                JOB_KIND,
                (options.dryRun() ? "Check " : "Import ")
                    + file.name()
                    + " ("
                    + options.format().tool()
                    + ") into "
                    + product.product().name(),
                doneUrl),
            progress -> {
              Report report = run(actor, ref, file, options, progress);
              if (!report.ok()) {
                throw new JobFailed(report.refusal(), report);
              }
              if (report.saved() && stagedId != null) {
                k.db().txVoid(h -> store.unstage(h, stagedId));
              }
              return report;
            });
  }

  /** An import's job as {@code viewer} may see it (their own, or as an admin). */
  public Job job(User viewer, String jobId) {
    return k.jobs().get(viewer, jobId);
  }

  // ---- Uploads of the web pages -----------------------------------------------------------------

  /** Keeps an uploaded file for its import and answers its preview. */
  public Preview stage(
      User actor, String productRef, String fileName, byte[] bytes, ImportOptions options) {
    ProductAccess product = access(actor, productRef);
    if (bytes.length > MAX_UPLOAD) {
      throw Invalid.field(
          "file",
          String.format(
              Locale.ROOT,
              "is %,d bytes; the page takes files up to %,d bytes (the command line takes larger)",
              bytes.length,
              MAX_UPLOAD));
    }
    String name = name(fileName, options.format());
    Preview preview = preview(actor, productRef, ImportFile.of(name, bytes), options);
    if (!preview.report().ok()
        && preview.report().records() == 0
        && preview.report().statuses().isEmpty()) {
      return preview;
    }
    long id =
        k.db()
            .tx(
                h -> {
                  store.forgetUploads(h, product.id(), k.clock().instant().minus(UPLOAD_KEPT));
                  return store.stage(
                      h,
                      product.id(),
                      actor.id(),
                      name,
                      options.format(),
                      bytes,
                      k.clock().instant());
                });
    return new Preview(
        id, preview.report(), preview.sample(), preview.states(), preview.fileColumns());
  }

  /** The preview of an upload kept by {@link #stage}, with (another) mapping. */
  public Preview staged(User actor, String productRef, long stagedId, ImportOptions mapping) {
    ImportStore.Upload u = upload(actor, access(actor, productRef), stagedId);
    Preview p =
        preview(
            actor,
            productRef,
            ImportFile.of(u.fileName(), u.content()),
            withFormat(mapping, u.format()));
    return new Preview(u.id(), p.report(), p.sample(), p.states(), p.fileColumns());
  }

  /** Starts the dry run or the import of an upload kept by {@link #stage}. */
  public Job startStaged(
      User actor, String productRef, long stagedId, ImportOptions options, String doneUrl) {
    ImportStore.Upload u = upload(actor, access(actor, productRef), stagedId);
    return start(
        actor,
        productRef,
        ImportFile.of(u.fileName(), u.content()),
        withFormat(options, u.format()),
        doneUrl,
        u.id());
  }

  private static ImportOptions withFormat(ImportOptions o, ImportFormat format) {
    return new ImportOptions(format, o.dryRun(), o.columns(), o.statuses(), o.types());
  }

  private ImportStore.Upload upload(User actor, ProductAccess product, long stagedId) {
    return k.db()
        .read(h -> store.upload(h, stagedId))
        .filter(u -> u.productId() == product.id() && u.createdBy() == actor.id())
        .orElseThrow(() -> new NotFound("uploaded file (it was imported, or is older than a day)"));
  }

  // ---- The command line -------------------------------------------------------------------------

  /** The product a command-line import goes into, and the owner it acts as. */
  public record Target(String productRef, long ownerId) {}

  /**
   * Finds a product by key or slug for the command line, which has no signed-in user; the import
   * then acts as the first owner of its workspace.
   */
  public Target targetAsAdministrator(String productKey, String workspaceSlug) {
    return k.db()
        .read(
            h -> {
              List<ImportStore.ProductRef> matching =
                  store.productsByKeyOrSlug(h, productKey.strip()).stream()
                      .filter(p -> workspaceSlug == null || workspaceSlug.equals(p.workspaceSlug()))
                      .toList();
              if (matching.isEmpty()) {
                throw new NotFound("product " + productKey);
              }
              if (matching.size() > 1) {
                throw Invalid.field(
                    "workspace",
                    "several workspaces have a product "
                        + productKey
                        + ": name one with --workspace");
              }
              long owner =
                  store
                      .firstOwner(h, matching.get(0).workspaceId())
                      .orElseThrow(() -> new NotFound("owner of the workspace"));
              return new Target(Long.toString(matching.get(0).productId()), owner);
            });
  }

  // ---- Helpers ----------------------------------------------------------------------------------

  private ProductAccess access(User actor, String productRef) {
    return k.products().access(actor, productRef).require(Role.EDITOR, "import work items");
  }

  static String name(String fileName, ImportFormat format) {
    String name =
        fileName == null || fileName.isBlank()
            ? format.id()
                + (format == ImportFormat.GITHUB || format == ImportFormat.TRELLO
                    ? ".json"
                    : ".csv")
            : fileName.strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  /** The work-item types, for the mapping's choices. */
  public static List<String> typeIds() {
    return List.of(WorkItemType.values()).stream().map(WorkItemType::id).toList();
  }
}
