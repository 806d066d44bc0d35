package io.hatrack.delivery.imports;

import io.hatrack.definition.NewWorkItem;
import io.hatrack.definition.Patch;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemChanges;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.delivery.imports.source.RecordReader;
import io.hatrack.delivery.imports.source.SourceRecord;
import io.hatrack.kernel.HatrackException;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.Comment;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ProductAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Saves a checked {@link ImportPlan} in one transaction: the file is read once per level of the
 * hierarchy (epics, then what sits under them, ...) so that every parent exists before its
 * children; new records become work items with their comments, known ones are updated (their new
 * comments added), unchanged ones are left alone; then the links between them are made and one
 * audit record tells of the import. Anything refused while saving rolls it all back and is reported
 * with its record.
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
    Run run = new Run(actor, product, plan, known, progress, problems);
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

  /** One import's saving, with what it has made so far. */
  private final class Run {
    final User actor;
    final ProductAccess product;
    final ImportPlan plan;
    final Map<String, ImportStore.Known> known;
    final JobProgress progress;
    final List<RecordProblem> problems;
    final Map<String, Long> itemOf = new HashMap<>();
    final Map<String, String> itemKeyOf = new HashMap<>();
    final Map<String, Optional<User>> authors = new HashMap<>();
    final List<ImportStore.Saved> remembered = new ArrayList<>();
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
        List<RecordProblem> problems) {
      this.actor = actor;
      this.product = product;
      this.plan = plan;
      this.known = known;
      this.progress = progress;
      this.problems = problems;
      this.now = k.clock().instant();
      known.forEach(
          (key, kn) -> {
            if (!kn.deleted()) {
              itemOf.put(key, kn.itemId());
              itemKeyOf.put(key, kn.itemKey());
            }
          });
    }

    void all(Handle h) {
      ItemMapper mapper = new ItemMapper(statesOf(h), plan.options, numeric(h), members());
      for (int depth = 0; depth <= plan.maxDepth && problems.isEmpty(); depth++) {
        level(h, depth, mapper);
      }
      if (!problems.isEmpty()) {
        return;
      }
      flush(h);
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
                  "work_item.imported",
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
                  true));
    }

    private List<io.hatrack.definition.WorkflowState> statesOf(Handle h) {
      return k.definition().workflows().workflow(h, product.id()).states();
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
          try {
            one(h, key, e, p.get());
          } catch (Invalid x) {
            problems.add(new RecordProblem(e.where, reason(x)));
          } catch (HatrackException x) {
            problems.add(new RecordProblem(e.where, x.getMessage()));
          }
          progress.advance(1);
          if (remembered.size() >= BATCH) {
            flush(h);
          }
        }
      }
    }

    private Map<String, String> members() {
      return plan.mapper == null ? Map.of() : plan.mapper.memberHandles();
    }

    private boolean numeric(Handle h) {
      return k.definition().workflows().settings(h, product.id()).estimateUnit()
          != io.hatrack.definition.EstimateUnit.SIZE;
    }

    private void one(Handle h, String key, ImportPlan.Entry e, ItemMapper.Planned p) {
      String parent =
          e.parentKey != null
              ? itemKeyOf.get(e.parentKey)
              : e.parentItem != null ? e.parentItem : null;
      WorkItem item;
      Set<String> had = new HashSet<>();
      if (e.known == null) {
        item =
            k.definition()
                .workItems()
                .create(
                    h,
                    actor,
                    product,
                    new NewWorkItem(
                        p.type().id(),
                        p.title(),
                        p.description(),
                        parent,
                        p.owner(),
                        p.estimate(),
                        null,
                        p.state(),
                        null,
                        null,
                        null,
                        null,
                        p.tags()));
        created++;
      } else {
        WorkItemChanges c =
            new WorkItemChanges(
                Patch.of(p.title()),
                Patch.of(p.type().id()),
                Patch.of(p.description()),
                Patch.of(p.state()),
                Patch.of(p.owner() == null ? "none" : p.owner()),
                Patch.of(parent == null ? "none" : parent),
                Patch.of(p.estimate()),
                Patch.keep(),
                Patch.keep(),
                Patch.keep(),
                Patch.keep(),
                Patch.keep(),
                Patch.keep());
        item = k.definition().workItems().importChanges(h, actor, e.known.itemId(), c, p.tags());
        ItemAccess access = k.items().access(h, actor, item.id());
        for (Comment old : k.collaboration().comments().list(h, access, 0, 10_000).comments()) {
          had.add(old.body());
        }
        updated++;
      }
      if (e.keyed) {
        itemOf.put(key, item.id());
        itemKeyOf.put(key, item.key());
        remembered.add(new ImportStore.Saved(key, item.id(), e.fingerprint));
      }
      for (SourceRecord.Comment c : p.comments()) {
        comment(h, item, c, had);
      }
      for (SourceRecord.Link l : p.links()) {
        pendingLinks.add(new String[] {key, l.target(), l.type(), Boolean.toString(l.reverse())});
      }
    }

    private void comment(Handle h, WorkItem item, SourceRecord.Comment c, Set<String> had) {
      String text = c.text() == null ? "" : c.text().strip();
      if (text.isEmpty()) {
        return;
      }
      Optional<User> author =
          c.author() == null
              ? Optional.empty()
              : authors.computeIfAbsent(
                  c.author(),
                  a ->
                      plan.mapper
                          .member(a)
                          .flatMap(
                              handle ->
                                  k.workspaces()
                                      .memberByHandle(h, product.workspace().id(), handle)));
      String body =
          author.isPresent() || c.author() == null
              ? text
              : "_" + c.author() + " wrote in " + plan.options.format().tool() + ":_\n\n" + text;
      if (body.length() > io.hatrack.kernel.work.CommentService.MAX_LENGTH) {
        body = body.substring(0, io.hatrack.kernel.work.CommentService.MAX_LENGTH - 1) + "…";
      }
      if (had.contains(body)) {
        return;
      }
      k.collaboration()
          .comments()
          .addImported(h, author.orElse(actor), item.item(), body, c.at() == null ? now : c.at());
      comments++;
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

    private void flush(Handle h) {
      store.remember(h, product.id(), plan.options.format().id(), remembered, now);
      remembered.clear();
    }
  }

  private static String reason(Invalid x) {
    return x.errors().isEmpty()
        ? x.getMessage()
        : x.errors().get(0).field() + " " + x.errors().get(0).reason();
  }
}
