package io.hatrack.delivery.imports;

import io.hatrack.definition.WorkItemType;
import io.hatrack.delivery.imports.source.GenericCsvReader;
import io.hatrack.delivery.imports.source.GithubJsonReader;
import io.hatrack.delivery.imports.source.JiraCsvReader;
import io.hatrack.delivery.imports.source.RecordReader;
import io.hatrack.delivery.imports.source.SourceRecord;
import io.hatrack.delivery.imports.source.SourceText;
import io.hatrack.delivery.imports.source.TrelloJsonReader;
import io.hatrack.kernel.jobs.JobProgress;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The first, checking pass over a file: every record read and mapped, keys checked for doubles,
 * parents resolved (in the file, imported before, or left out with a note), each record's depth in
 * the hierarchy found (so that saving can create parents before their children), and what an import
 * would create, update and leave unchanged counted. Only a small entry per record is kept, not the
 * records: saving reads the file again.
 */
final class ImportPlan {
  /** After this many problems, checking stops: the file needs fixing anyway. */
  static final int MAX_PROBLEMS = 100;

  /** The most records one file may hold. */
  static final int MAX_RECORDS = 250_000;

  private static final int MAX_DEPTH = 16;

  /** What the plan keeps of one record. */
  static final class Entry {
    final String where;
    final WorkItemType type;
    final String parentRaw;
    final String fingerprint;
    final List<SourceRecord.Link> links;
    final int comments;
    final boolean keyed;
    ImportStore.Known known;
    String parentKey;
    Long parentItem;
    WorkItemType parentItemType;
    int depth = -1;

    Entry(ItemMapper.Planned p, boolean keyed) {
      this.where = p.where();
      this.type = p.type();
      this.parentRaw = p.parent();
      this.fingerprint = p.fingerprint();
      this.links = p.links();
      this.comments = p.comments().size();
      this.keyed = keyed;
    }

    boolean unchanged() {
      return known != null && known.fingerprint().equals(fingerprint);
    }
  }

  final ImportFile file;
  final SourceText text;
  final ImportOptions options;
  final ZoneId zone;
  final Map<String, Entry> entries = new LinkedHashMap<>();
  final List<RecordProblem> problems = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final Map<String, Long> skipped = new LinkedHashMap<>();
  final List<ItemMapper.Planned> sample = new ArrayList<>();
  List<String> columns = List.of();
  Map<String, String> columnMapping = Map.of();
  long records;
  int maxDepth;
  ItemMapper mapper;

  ImportPlan(ImportFile file, SourceText text, ImportOptions options, ZoneId zone) {
    this.file = file;
    this.text = text;
    this.options = options;
    this.zone = zone;
  }

  /** Opens the file's records in its format. */
  RecordReader open() {
    return switch (options.format()) {
      case JIRA -> new JiraCsvReader(file, text, zone);
      case GITHUB -> new GithubJsonReader(file, text);
      case TRELLO -> new TrelloJsonReader(file, text);
      case CSV -> new GenericCsvReader(file, text, options.columns());
    };
  }

  /** The key a record is known by in the plan: its own, or its place for one without. */
  static String keyOf(SourceRecord r, long ordinal) {
    return r.externalKey() == null || r.externalKey().isBlank()
        ? "\u0000" + ordinal
        : r.externalKey().strip();
  }

  /** Reads and checks every record; {@code known} gives the records imported before. */
  void read(ItemMapper m, Map<String, ImportStore.Known> known, int keep, JobProgress progress) {
    this.mapper = m;
    problems.addAll(m.check());
    Map<String, String> idToKey = new HashMap<>();
    try (RecordReader reader = open()) {
      columns = reader.columns();
      if (reader instanceof GenericCsvReader csv) {
        columnMapping = csv.mapping();
      }
      long ordinal = 0;
      while (reader.hasNext() && problems.size() < MAX_PROBLEMS) {
        SourceRecord r = reader.next();
        if (r.skip() != null) {
          skipped.merge(r.skip(), 1L, Long::sum);
          continue;
        }
        ordinal++;
        if (++records > MAX_RECORDS) {
          problems.add(
              new RecordProblem(r.where(), "is one too many: a file holds at most " + MAX_RECORDS));
          break;
        }
        for (String n : r.notes()) {
          notes.add(r.where() + ": " + n);
        }
        String key = keyOf(r, ordinal);
        var planned = m.plan(r, problems);
        if (planned.isEmpty()) {
          continue;
        }
        if (sample.size() < keep) {
          sample.add(planned.get());
        }
        Entry e = new Entry(planned.get(), !key.startsWith("\u0000"));
        Entry before = entries.putIfAbsent(key, e);
        if (before != null) {
          problems.add(
              new RecordProblem(r.where(), key + " appears twice (first at " + before.where + ")"));
          continue;
        }
        e.known = e.keyed ? known.get(key) : null;
        if (r.sourceId() != null) {
          idToKey.putIfAbsent(r.sourceId(), key);
        }
        progress.advance(1);
      }
      problems.addAll(reader.problems());
      notes.addAll(0, reader.notes());
    } catch (SourceText.Unreadable e) {
      problems.addAll(e.problems());
      return;
    }
    if (problems.isEmpty() && records == 0) {
      problems.add(RecordProblem.ofFile("the file holds no records to import"));
    }
    resolveParents(idToKey, known);
    notes.addAll(m.notes());
  }

  private void resolveParents(Map<String, String> idToKey, Map<String, ImportStore.Known> known) {
    List<String> outside = new ArrayList<>();
    List<String> misfits = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.parentRaw == null || e.parentRaw.isBlank()) {
        continue;
      }
      String raw = e.parentRaw.strip();
      String key = entries.containsKey(raw) ? raw : idToKey.get(raw);
      if (key != null) {
        Entry parent = entries.get(key);
        if (parent == e) {
          misfits.add(e.where + " is its own parent");
        } else if (!e.type.mayBeUnder(parent.type)) {
          misfits.add(
              e.where + " (" + e.type.id() + ") under " + key + " (" + parent.type.id() + ")");
        } else {
          e.parentKey = key;
        }
      } else if (known.containsKey(raw) && !known.get(raw).deleted()) {
        e.parentItem = known.get(raw).itemId();
      } else {
        outside.add(raw);
      }
    }
    if (!outside.isEmpty()) {
      notes.add(
          outside.size()
              + " parents are not in the file nor imported before, so their children were"
              + " imported without a parent: "
              + examples(outside));
    }
    if (!misfits.isEmpty()) {
      notes.add(
          misfits.size()
              + " parents were left out because the hierarchy does not allow them: "
              + examples(misfits));
    }
    List<String> loops = new ArrayList<>();
    for (Entry e : entries.values()) {
      depth(e, loops);
    }
    if (!loops.isEmpty()) {
      notes.add(loops.size() + " parents were left out because they loop: " + examples(loops));
    }
  }

  private int depth(Entry e, List<String> loops) {
    if (e.depth >= 0) {
      return e.depth;
    }
    List<Entry> chain = new ArrayList<>();
    Set<Entry> seen = new HashSet<>();
    Entry at = e;
    while (at != null && at.depth < 0 && seen.add(at)) {
      chain.add(at);
      at = at.parentKey == null ? null : entries.get(at.parentKey);
    }
    if (at != null && at.depth < 0) {
      // A loop: the record where it closes loses its parent.
      loops.add(at.where);
      at.parentKey = null;
      at.depth = 0;
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Entry c = chain.get(i);
      if (c.depth >= 0) {
        continue;
      }
      Entry p = c.parentKey == null ? null : entries.get(c.parentKey);
      c.depth = p == null ? 0 : Math.min(MAX_DEPTH, p.depth + 1);
      maxDepth = Math.max(maxDepth, c.depth);
    }
    return e.depth;
  }

  private static String examples(List<String> all) {
    return String.join(", ", all.subList(0, Math.min(10, all.size())))
        + (all.size() > 10 ? " and " + (all.size() - 10) + " more" : "");
  }

  /** Counts: created, updated, unchanged, deleted before (skipped). */
  long count(Function<Entry, Boolean> which) {
    return entries.values().stream().filter(which::apply).count();
  }

  /** Links whose other end is neither in the file nor imported before. */
  List<String> danglingLinks(Map<String, ImportStore.Known> known) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      for (SourceRecord.Link l : e.links) {
        if (!entries.containsKey(l.target()) && !known.containsKey(l.target())) {
          out.add(l.target());
        }
      }
    }
    return out;
  }
}
