package io.hatrack.discovery.customers;

import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Imports customers from a CSV file ({@link CustomerCsv}), all or nothing: every row is checked
 * first, and only a file without a single problem is saved, in one transaction. A row whose {@code
 * external_id} names a customer of the workspace updates it (so importing the same file twice
 * changes nothing); a row without one updates the customer of the same name, if there is exactly
 * one. Only the columns the file has are changed. A dry run checks and counts without saving.
 */
public final class CustomerImport {
  /** How many rows a preview shows. */
  public static final int PREVIEW_ROWS = 10;

  /** How long an uploaded file waits for its confirmation. */
  static final Duration STAGED_FOR = Duration.ofDays(1);

  private final Database db;
  private final CustomerStore store;
  private final CustomerService customers;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public CustomerImport(
      Database db,
      CustomerStore store,
      CustomerService customers,
      WorkspaceService workspaces,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.customers = customers;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  /** What an import does with one row. */
  public enum Action {
    CREATE("new"),
    UPDATE("update"),
    UNCHANGED("unchanged");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One row as the import understood it. */
  public record Planned(
      long line,
      Action action,
      String name,
      String externalId,
      String segment,
      String plan,
      String tier,
      Revenue revenue,
      String domain,
      String contact) {}

  /**
   * What an import did, or would do: the counts, the first rows, and every problem (when there is
   * any, nothing was saved).
   *
   * @param saved true when the customers were written
   * @param stagedId the uploaded file waiting for confirmation, or null
   */
  public record Report(
      String fileName,
      int rows,
      int created,
      int updated,
      int unchanged,
      List<Planned> preview,
      List<ImportProblem> problems,
      boolean saved,
      Long stagedId,
      CustomerSettings settings) {
    public Report {
      preview = List.copyOf(preview);
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    /** The counts in words, e.g. {@code 12 created, 3 updated, 0 unchanged}. */
    public String counts() {
      return created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }
  }

  /** Imports a file (or, with {@code dryRun}, checks it and counts what it would do). */
  public Report run(
      User actor, String workspaceRef, String fileName, byte[] bytes, boolean dryRun) {
    CustomerCsv.Parsed parsed;
    try {
      parsed = CustomerCsv.parse(bytes);
    } catch (CustomerCsv.Refused e) {
      return refused(actor, workspaceRef, fileName, e.problems());
    }
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef);
          return apply(h, actor, ws, fileName, parsed, dryRun, null);
        });
  }

  /**
   * Checks an uploaded file and, when it has no problem, keeps it until {@link #confirm}: the
   * preview of the import page.
   */
  public Report stage(User actor, String workspaceRef, String fileName, byte[] bytes) {
    CustomerCsv.Parsed parsed;
    String text;
    try {
      text = CustomerCsv.text(bytes);
      parsed = CustomerCsv.parse(text);
    } catch (CustomerCsv.Refused e) {
      return refused(actor, workspaceRef, fileName, e.problems());
    }
    String name = fileName == null || fileName.isBlank() ? "customers.csv" : fileName.strip();
    String shortName = name.length() > 200 ? name.substring(0, 200) : name;
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef);
          Report report = apply(h, actor, ws, shortName, parsed, true, null);
          if (!report.ok()) {
            return report;
          }
          store.forgetStaged(h, ws.id(), clock.instant().minus(STAGED_FOR));
          long id = store.stage(h, ws.id(), actor.id(), shortName, text, clock.instant());
          return withStaged(report, id);
        });
  }

  /** Imports a file kept by {@link #stage}, checking it again against the customers of now. */
  public Report confirm(User actor, String workspaceRef, long stagedId) {
    return db.tx(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef);
          CustomerStore.Staged staged =
              store
                  .staged(h, stagedId)
                  .filter(s -> s.workspaceId() == ws.id() && s.createdBy() == actor.id())
                  .orElseThrow(() -> new NotFound("uploaded file (upload it again)"));
          Report report =
              apply(
                  h,
                  actor,
                  ws,
                  staged.fileName(),
                  CustomerCsv.parse(staged.content()),
                  false,
                  stagedId);
          if (report.ok()) {
            store.unstage(h, stagedId);
          }
          return report;
        });
  }

  /** The staged file's bytes, for a test or a second look. */
  public byte[] stagedContent(User actor, String workspaceRef, long stagedId) {
    return db.read(
        h -> {
          WorkspaceAccess ws = access(h, actor, workspaceRef);
          return store
              .staged(h, stagedId)
              .filter(s -> s.workspaceId() == ws.id() && s.createdBy() == actor.id())
              .map(s -> s.content().getBytes(StandardCharsets.UTF_8))
              .orElseThrow(() -> new NotFound("uploaded file"));
        });
  }

  /** The workspace a command-line import goes into, and the owner it acts as. */
  public record Target(String workspaceSlug, long ownerId) {}

  /**
   * Finds the workspace for the command line, which has no signed-in user: the one named, or the
   * only one there is; the import then acts as its first owner.
   */
  public Target targetAsAdministrator(String workspaceRef) {
    return db.read(
        h -> {
          String slug;
          if (workspaceRef == null || workspaceRef.isBlank()) {
            List<String> all = store.workspaceSlugs(h);
            if (all.size() != 1) {
              throw Invalid.field(
                  "workspace",
                  all.isEmpty()
                      ? "there is no workspace yet"
                      : "name the workspace with --workspace (one of "
                          + String.join(", ", all)
                          + ")");
            }
            slug = all.get(0);
          } else {
            slug =
                workspaces
                    .findAsAdministrator(h, workspaceRef.trim())
                    .map(w -> w.slug())
                    .orElseThrow(() -> new NotFound("workspace " + workspaceRef.trim()));
          }
          long wsId = workspaces.findAsAdministrator(h, slug).orElseThrow().id();
          long owner =
              store
                  .firstOwner(h, wsId)
                  .orElseThrow(() -> new NotFound("owner of the workspace " + slug));
          return new Target(slug, owner);
        });
  }

  private WorkspaceAccess access(Handle h, User actor, String workspaceRef) {
    return workspaces
        .access(h, actor, new Ref(workspaceRef == null ? "" : workspaceRef.trim()))
        .require(Role.EDITOR, "import customers");
  }

  private Report refused(
      User actor, String workspaceRef, String fileName, List<ImportProblem> problems) {
    CustomerSettings settings =
        db.read(h -> store.settings(h, access(h, actor, workspaceRef).id()));
    return new Report(fileName, 0, 0, 0, 0, List.of(), problems, false, null, settings);
  }

  private static Report withStaged(Report r, long id) {
    return new Report(
        r.fileName(),
        r.rows(),
        r.created(),
        r.updated(),
        r.unchanged(),
        r.preview(),
        r.problems(),
        r.saved(),
        id,
        r.settings());
  }

  /**
   * One checked row: the customer it changes (null: a new one), whether the customer's own values
   * change, and the contact it adds (null: none, or the customer has it already).
   */
  private record Step(
      Planned planned,
      CustomerDraft draft,
      Customer existing,
      boolean customerChanges,
      ContactDraft contact) {}

  private Report apply(
      Handle h,
      User actor,
      WorkspaceAccess ws,
      String fileName,
      CustomerCsv.Parsed parsed,
      boolean dryRun,
      Long stagedId) {
    CustomerSettings settings = store.settings(h, ws.id());
    List<ImportProblem> problems = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    Map<String, Long> externalIds = new HashMap<>();
    Map<String, Long> names = new HashMap<>();
    for (CustomerCsv.Row row : parsed.rows()) {
      Step step = plan(h, ws, settings, parsed, row, externalIds, names, problems);
      if (step != null) {
        steps.add(step);
      }
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Step s : steps) {
      switch (s.planned().action()) {
        case CREATE -> created++;
        case UPDATE -> updated++;
        default -> unchanged++;
      }
    }
    List<Planned> preview = steps.stream().limit(PREVIEW_ROWS).map(Step::planned).toList();
    if (parsed.rows().isEmpty()) {
      problems.add(new ImportProblem(0, null, "the file has a header but no customers"));
    }
    boolean save = !dryRun && problems.isEmpty();
    if (save) {
      for (Step s : steps) {
        Customer saved = s.existing();
        if (s.planned().action() == Action.CREATE) {
          saved = customers.create(h, actor, ws, s.draft());
        } else if (s.customerChanges()) {
          saved = customers.update(h, actor, s.existing(), s.existing().version(), s.draft());
        }
        if (s.contact() != null) {
          customers.addContact(h, actor, saved.id(), s.contact());
        }
      }
    }
    return new Report(
        fileName,
        parsed.rows().size(),
        created,
        updated,
        unchanged,
        preview,
        problems,
        save,
        stagedId,
        settings);
  }

  private Step plan(
      Handle h,
      WorkspaceAccess ws,
      CustomerSettings settings,
      CustomerCsv.Parsed file,
      CustomerCsv.Row row,
      Map<String, Long> externalIds,
      Map<String, Long> names,
      List<ImportProblem> problems) {
    int before = problems.size();
    long line = row.line();
    String external = row.get("external_id").strip();
    String name = row.get("name").strip();
    String arr = row.get("arr").strip();
    String mrr = row.get("mrr").strip();
    if (!arr.isEmpty() && !mrr.isEmpty()) {
      problems.add(
          new ImportProblem(
              line,
              file.header("arr"),
              "and " + file.header("mrr") + " both have an amount; give one of them"));
    }
    String revenueColumn = !mrr.isEmpty() ? "mrr" : "arr";
    if (!external.isEmpty()) {
      Long seen = externalIds.putIfAbsent(external.toLowerCase(Locale.ROOT), line);
      if (seen != null) {
        problems.add(
            new ImportProblem(
                line,
                file.header("external_id"),
                "\"" + external + "\" is already on line " + seen));
      }
    } else if (!name.isEmpty()) {
      Long seen = names.putIfAbsent(name.toLowerCase(Locale.ROOT), line);
      if (seen != null) {
        problems.add(
            new ImportProblem(
                line,
                file.header("name"),
                "\""
                    + name
                    + "\" is already on line "
                    + seen
                    + "; give each an external_id if they are different companies"));
      }
    }
    Customer existing = existing(h, ws, file, row, external, name, problems);
    CustomerDraft draft = draft(file, row, existing, revenueColumn, settings);
    CustomerService.Checked checked = null;
    try {
      checked =
          customers.check(h, ws.id(), settings, existing == null ? null : existing.id(), draft);
    } catch (Invalid e) {
      for (FieldError error : e.errors()) {
        problems.add(
            new ImportProblem(line, column(file, error.field(), revenueColumn), error.reason()));
      }
    }
    ContactDraft contact = contact(h, file, row, existing, problems);
    if (problems.size() > before || checked == null) {
      return null;
    }
    boolean customerChanges =
        existing == null
            || !existing.name().equals(checked.name())
            || !CustomerService.row(existing).equals(checked.row());
    Action action;
    if (existing == null) {
      action = Action.CREATE;
    } else if (customerChanges || contact != null) {
      action = Action.UPDATE;
    } else {
      action = Action.UNCHANGED;
    }
    CustomerStore.Row r = checked.row();
    return new Step(
        new Planned(
            line,
            action,
            checked.name(),
            r.externalId(),
            r.segment(),
            r.plan(),
            r.tier(),
            r.revenue(),
            r.domain(),
            contact == null ? "" : contact.name()),
        draft,
        existing,
        customerChanges,
        contact);
  }

  /**
   * The contact a row names, checked, or null when it names none or the customer has it already
   * (the same e-mail address, or the same name when the row gives no address).
   */
  private ContactDraft contact(
      Handle h,
      CustomerCsv.Parsed file,
      CustomerCsv.Row row,
      Customer existing,
      List<ImportProblem> problems) {
    String name = row.get("contact_name").strip();
    String email = row.get("contact_email").strip();
    String role = row.get("contact_role").strip();
    if (name.isEmpty() && email.isEmpty() && role.isEmpty()) {
      return null;
    }
    ContactDraft checked;
    try {
      checked = CustomerService.check(new ContactDraft(name, email, role, ""));
    } catch (Invalid e) {
      for (FieldError error : e.errors()) {
        problems.add(
            new ImportProblem(row.line(), file.header("contact_" + error.field()), error.reason()));
      }
      return null;
    }
    if (existing == null) {
      return checked;
    }
    List<Contact> known = store.contacts(h, existing.id());
    boolean has =
        known.stream()
            .anyMatch(
                c ->
                    checked.email().isEmpty()
                        ? c.name().equalsIgnoreCase(checked.name())
                        : c.email().equalsIgnoreCase(checked.email()));
    if (has) {
      return null;
    }
    if (known.size() >= CustomerService.MAX_CONTACTS) {
      problems.add(
          new ImportProblem(
              row.line(),
              file.header("contact_name"),
              "cannot be added: a customer has at most "
                  + CustomerService.MAX_CONTACTS
                  + " contacts"));
      return null;
    }
    return checked;
  }

  /** The customer a row changes: by external id, or else by name when exactly one has it. */
  private Customer existing(
      Handle h,
      WorkspaceAccess ws,
      CustomerCsv.Parsed file,
      CustomerCsv.Row row,
      String external,
      String name,
      List<ImportProblem> problems) {
    if (!external.isEmpty()) {
      Customer found = store.byExternalId(h, ws.id(), external).orElse(null);
      if (found != null && found.item().deleted()) {
        problems.add(
            new ImportProblem(
                row.line(),
                file.header("external_id"),
                "\""
                    + external
                    + "\" belongs to the deleted customer "
                    + found.name()
                    + "; restore it first, or use another external id"));
        return null;
      }
      return found;
    }
    if (name.isEmpty()) {
      return null;
    }
    List<Customer> sameName = store.liveByName(h, ws.id(), name);
    if (sameName.size() > 1) {
      problems.add(
          new ImportProblem(
              row.line(),
              file.header("name"),
              sameName.size()
                  + " customers are called \""
                  + name
                  + "\"; add an external_id column to say which"));
      return null;
    }
    return sameName.isEmpty() ? null : sameName.get(0);
  }

  /** The customer a row describes: its columns, and the existing values of the columns it lacks. */
  private static CustomerDraft draft(
      CustomerCsv.Parsed file,
      CustomerCsv.Row row,
      Customer existing,
      String revenueColumn,
      CustomerSettings settings) {
    String amount = null;
    String period = null;
    if (file.has("arr") || file.has("mrr")) {
      amount = row.get(revenueColumn);
      period = revenueColumn;
    } else if (existing != null && existing.revenue() != null) {
      amount = settings.plain(existing.revenue().minor());
      period = existing.revenue().period().id();
    }
    return new CustomerDraft(
        row.get("name"),
        pick(file, row, "external_id", existing == null ? null : existing.externalId()),
        pick(file, row, "segment", existing == null ? null : existing.segment()),
        pick(file, row, "plan", existing == null ? null : existing.plan()),
        pick(file, row, "tier", existing == null ? null : existing.tier()),
        pick(file, row, "domain", existing == null ? null : existing.domain()),
        pick(file, row, "notes", existing == null ? null : existing.notes()),
        amount,
        period);
  }

  private static String pick(
      CustomerCsv.Parsed file, CustomerCsv.Row row, String column, String kept) {
    return file.has(column) ? row.get(column) : kept;
  }

  private static String column(CustomerCsv.Parsed file, String field, String revenueColumn) {
    return switch (field) {
      case "revenue_amount", "revenue_period" -> file.header(revenueColumn);
      default -> file.header(field);
    };
  }
}
