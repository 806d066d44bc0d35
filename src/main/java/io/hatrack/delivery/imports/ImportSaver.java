package io.hatrack.delivery.imports;

import io.hatrack.definition.Patch;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemBulk;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.definition.WorkItemType;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.delivery.imports.source.RecordReader;
import io.hatrack.delivery.imports.source.SourceRecord;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.CommentService;
import io.hatrack.kernel.work.CommentStore;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.Member;
import io.hatrack.kernel.work.ProductAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Saves a checked {@link ImportPlan} in one transaction: the file is read once per level of the
 * hierarchy (epics, then what sits under them, ...) so that every parent exists before its
 * children; new records are created in batches of a thousand ({@link WorkItemBulk}) with their
 * comments, known ones are updated one by one (their new comments added), unchanged ones are left
 * alone; then the links are made and one audit record tells of the import. Anything refused while
 * saving rolls it all back and is reported with its record.
 */
final class ImportSaver {
  private static final int BATCH = 1000;

  private final DeliveryHat.Kernel k;
  private final ImportStore store;

  ImportSaver(DeliveryHat.Kernel kernel, ImportStore store) {
    this.k = kernel;
    this.store = store;
  }

  /** What saving did; with problems, nothing was saved. */
  record Result(long comments, long links, List<RecordProblem> problems) {}

  private static final class Rollback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rollback() {
      super("the import found problems while saving", null, false, false);
    }
  }

  Result save(
      User actor,
      ProductAccess product,
      ImportPlan plan,
      Map<String, ImportStore.Known> known,
      JobProgress progress) {
    List<RecordProblem> problems = new ArrayList<>();
    Map<String, User> members = new HashMap<>();
    for (Member m : k.workspaces().members(product.workspace())) {
      members.put(m.user().handle().toLowerCase(Locale.ROOT), m.user());
    }
    Run run = new Run(actor, product, plan, known, progress, problems, members);
    try {
      return k.db()
          .tx(
              h -> {
                run.all(h);
                if (!problems.isEmpty()) {
                  throw new Rollback();
                }
                return new Result(run.comments, run.links, List.of());
              });
    } catch (Rollback e) {
      return new Result(0, 0, problems);
    }
  }

  /** A new record waiting for its batch. */
  private record Pending(String key, ImportPlan.Entry entry, ItemMapper.Planned planned) {}

  /** One import's saving, with what it has made so far. */
  private final class Run {
    final User actor;
    final ProductAccess product;
    final ImportPlan plan;
    final JobProgress progress;
    final List<RecordProblem> problems;
    final Map<String, User> members;
    final Map<String, Long> itemOf = new HashMap<>();
    final List<ImportStore.Saved> remembered = new ArrayList<>();
    final List<Pending> pending = new ArrayList<>();
    final List<String[]> pendingLinks = new ArrayList<>();
    final Instant now;
    long comments;
    long links;
    long created;
    long updated;

    Run(
        User actor,
        ProductAccess product,
        ImportPlan plan,
        Map<String, ImportStore.Known> known,
        JobProgress progress,
        List<RecordProblem> problems,
        Map<String, User> members) {
      this.actor = actor;
      this.product = product;
      this.plan = plan;
      this.progress = progress;
      this.problems = problems;
      this.members = members;
      this.now = k.clock().instant();
      known.forEach(
          (key, kn) -> {
            if (!kn.deleted()) {
              itemOf.put(key, kn.itemId());
            }
          });
    }

    void all(Handle h) {
      ItemMapper mapper =
          new ItemMapper(
              k.definition().workflows().workflow(h, product.id()).states(),
              plan.options,
              k.definition().workflows().settings(h, product.id()).estimateUnit()
                  != io.hatrack.definition.EstimateUnit.SIZE,
              plan.mapper.memberHandles());
      for (int depth = 0; depth <= plan.maxDepth && problems.isEmpty(); depth++) {
        level(h, depth, mapper);
        create(h);
      }
      if (!problems.isEmpty()) {
        return;
      }
      remember(h);
      for (String[] l : pendingLinks) {
        link(h, l);
      }
      k.audit()
          .record(
              h,
              new Change(
                  product.workspace().id(),
                  product.id(),
                  null,
                  actor.id(),
                  "work_item.import_finished",
                  "imported "
                      + plan.file.name()
                      + " from "
                      + plan.options.format().tool()
                      + ": "
                      + created
                      + " work items created, "
                      + updated
                      + " updated",
                  null,
                  Map.of(
                      "file",
                      plan.file.name(),
                      "format",
                      plan.options.format().id(),
                      "created",
                      created,
                      "updated",
                      updated),
                  false));
    }

    private void level(Handle h, int depth, ItemMapper mapper) {
      try (RecordReader reader = plan.open()) {
        long ordinal = 0;
        while (reader.hasNext() && problems.size() < ImportPlan.MAX_PROBLEMS) {
          SourceRecord r = reader.next();
          if (r.skip() != null) {
            continue;
          }
          ordinal++;
          String key = ImportPlan.keyOf(r, ordinal);
          ImportPlan.Entry e = plan.entries.get(key);
          if (e == null || e.depth != depth || (e.known != null && e.known.deleted())) {
            continue;
          }
          if (e.known != null && e.unchanged()) {
            progress.advance(1);
            continue;
          }
          List<RecordProblem> scratch = new ArrayList<>();
          Optional<ItemMapper.Planned> p = mapper.plan(r, scratch);
          if (p.isEmpty()) {
            problems.addAll(scratch);
            continue;
          }
          for (SourceRecord.Link l : p.get().links()) {
            pendingLinks.add(
                new String[] {key, l.target(), l.type(), Boolean.toString(l.reverse())});
          }
          if (e.known == null) {
            pending.add(new Pending(key, e, p.get()));
            if (pending.size() >= BATCH) {
              create(h);
            }
          } else {
            try {
              update(h, key, e, p.get());
            } catch (Invalid x) {
              problems.add(new RecordProblem(e.where, reason(x)));
            } catch (HatrackException x) {
              problems.add(new RecordProblem(e.where, x.getMessage()));
            }
            progress.advance(1);
          }
        }
      }
    }

    private Long parentId(ImportPlan.Entry e) {
      return e.parentKey != null ? itemOf.get(e.parentKey) : e.parentItem;
    }

    private WorkItemType parentType(ImportPlan.Entry e) {
      return e.parentKey != null ? plan.entries.get(e.parentKey).type : e.parentItemType;
    }

    private Long userId(String handle) {
      User u = handle == null ? null : members.get(handle.toLowerCase(Locale.ROOT));
      return u == null ? null : u.id();
    }

    /** Creates the waiting new records in one batch, with their comments. */
    private void create(Handle h) {
      if (pending.isEmpty() || !problems.isEmpty()) {
        pending.clear();
        return;
      }
      List<WorkItemBulk.New> items = new ArrayList<>(pending.size());
      for (Pending p : pending) {
        ItemMapper.Planned d = p.planned();
        items.add(
            new WorkItemBulk.New(
                d.type(),
                d.title(),
                d.description(),
                d.state(),
                userId(d.owner()),
                parentId(p.entry()),
                parentType(p.entry()),
                d.estimate(),
                d.tags()));
      }
      List<Long> ids;
      try {
        ids =
            k.definition()
                .workItems()
                .bulk()
                .createAll(
                    h,
                    actor,
                    product,
                    items,
                    plan.file.name() + " (" + plan.options.format().tool() + ")");
      } catch (Invalid x) {
        int at = x.errors().isEmpty() ? 0 : index(x.errors().get(0).field());
        problems.add(
            new RecordProblem(
                pending.get(Math.min(at, pending.size() - 1)).entry().where, reason(x)));
        pending.clear();
        return;
      }
      List<CommentStore.NewComment> said = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        Pending p = pending.get(i);
        if (p.entry().keyed) {
          itemOf.put(p.key(), ids.get(i));
          remembered.add(new ImportStore.Saved(p.key(), ids.get(i), p.entry().fingerprint));
        }
        for (SourceRecord.Comment c : p.planned().comments()) {
          String body = body(c);
          if (body != null) {
            said.add(new CommentStore.NewComment(ids.get(i), author(c), body, at(c)));
          }
        }
      }
      k.collaboration().comments().addAllImported(h, said);
      comments += said.size();
      created += ids.size();
      progress.advance(ids.size());
      pending.clear();
      if (remembered.size() >= BATCH) {
        remember(h);
      }
    }

    private void update(Handle h, String key, ImportPlan.Entry e, ItemMapper.Planned p) {
      Long parent = parentId(e);
      WorkItemChanges c =
          new WorkItemChanges(
              Patch.of(p.title()),
              Patch.of(p.type().id()),
              Patch.of(p.description()),
              Patch.of(p.state()),
              Patch.of(p.owner() == null ? "none" : p.owner()),
              Patch.of(parent == null ? "none" : Long.toString(parent)),
              Patch.of(p.estimate()),
              Patch.keep(),
              Patch.keep(),
              Patch.keep(),
              Patch.keep(),
              Patch.keep(),
              Patch.keep());
      WorkItem item =
          k.definition().workItems().importChanges(h, actor, e.known.itemId(), c, p.tags());
      ItemAccess access = k.items().access(h, actor, item.id());
      Set<String> had = new HashSet<>();
      for (Comment old : k.collaboration().comments().list(h, access, 0, 10_000).comments()) {
        had.add(old.body());
      }
      for (SourceRecord.Comment sc : p.comments()) {
        String body = body(sc);
        if (body != null && !had.contains(body)) {
          long authorId = author(sc);
          User author =
              members.values().stream().filter(u -> u.id() == authorId).findFirst().orElse(actor);
          k.collaboration().comments().addImported(h, author, item.item(), body, at(sc));
          comments++;
        }
      }
      if (e.keyed) {
        remembered.add(new ImportStore.Saved(key, item.id(), e.fingerprint));
      }
      updated++;
    }

    private long author(SourceRecord.Comment c) {
      Long id =
          c.author() == null ? null : plan.mapper.member(c.author()).map(this::userId).orElse(null);
      return id == null ? actor.id() : id;
    }

    private Instant at(SourceRecord.Comment c) {
      return c.at() == null ? now : c.at();
    }

    /** The comment as saved: by a stranger, it says who wrote it; null when empty. */
    private String body(SourceRecord.Comment c) {
      String text = c.text() == null ? "" : c.text().strip();
      if (text.isEmpty()) {
        return null;
      }
      boolean member = c.author() != null && plan.mapper.member(c.author()).isPresent();
      String body =
          member || c.author() == null
              ? text
              : "_" + c.author() + " wrote in " + plan.options.format().tool() + ":_\n\n" + text;
      return body.length() > CommentService.MAX_LENGTH
          ? body.substring(0, CommentService.MAX_LENGTH - 1) + "…"
          : body;
    }

    private void link(Handle h, String[] l) {
      Long from = itemOf.get(l[0]);
      Long to = itemOf.get(l[1]);
      if (from == null || to == null || from.equals(to)) {
        return;
      }
      if (Boolean.parseBoolean(l[3])) {
        Long swap = from;
        from = to;
        to = swap;
      }
      if (k.collaboration().links().exists(h, from, to, l[2])) {
        return;
      }
      try {
        k.collaboration().links().add(h, actor, Long.toString(from), Long.toString(to), l[2]);
        links++;
      } catch (Invalid x) {
        problems.add(
            new RecordProblem(
                plan.entries.containsKey(l[0]) ? plan.entries.get(l[0]).where : l[0],
                "the link to " + l[1] + ": " + reason(x)));
      }
    }

    private void remember(Handle h) {
      store.remember(h, product.id(), plan.options.format().id(), remembered, now);
      remembered.clear();
    }
  }

  private static final java.util.regex.Pattern ITEM =
      java.util.regex.Pattern.compile("^items\\[(\\d+)\\]");

  /** The item an error of a batch names ({@code items[3].title} is the fourth), or 0. */
  static int index(String field) {
    java.util.regex.Matcher m = ITEM.matcher(field == null ? "" : field);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String reason(Invalid x) {
    return x.errors().isEmpty()
        ? x.getMessage()
        : x.errors().get(0).field().replaceFirst("^items\\[\\d+\\]\\.", "")
            + " "
            + x.errors().get(0).reason();
  }
}
