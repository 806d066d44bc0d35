package io.hatrack.discovery.feedback.themes;

import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.discovery.text.Theme;
import io.hatrack.discovery.text.ThemeIndex;
import io.hatrack.discovery.text.ThemeModel;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One run of the grouping over a product's untriaged feedback (new or triaged, live, not a merged
 * duplicate), keeping what the PM did: themes the PM shaped (renamed, merged into, split, tagged
 * into) are kept with their members and seed the run (each other text joins the nearest of them if
 * similar enough, by their centroids with tags weighing more), feedback the PM tagged stays where
 * it was put, and only the rest is clustered into new themes, which replace the themes of the last
 * run. Computing happens outside any transaction; saving is one transaction, refused if the themes
 * changed meanwhile.
 */
final class ThemeGrouping {
  /** The clustering's settings for every run. */
  static final ThemeModel.Options OPTIONS = ThemeModel.Options.defaults();

  private record Snapshot(
      ProductAccess product,
      List<ThemeStore.Doc> docs,
      Map<Long, List<Long>> kept,
      Map<Long, Long> tags,
      Optional<Long> version) {}

  private final Database db;
  private final ThemeStore store;
  private final ProductService products;
  private final AuditLog audit;
  private final Clock clock;

  ThemeGrouping(
      Database db, ThemeStore store, ProductService products, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.audit = audit;
    this.clock = clock;
  }

  /** Checks that {@code actor} may group the product's feedback; answers the product. */
  ProductAccess check(User actor, String productRef) {
    return db.read(h -> products.access(h, actor, productRef))
        .require(Role.EDITOR, "group feedback into themes");
  }

  ThemeRunReport run(User actor, String productRef, JobProgress progress) {
    Instant started = clock.instant();
    progress.phase("reading", 0);
    Snapshot s = db.read(h -> snapshot(h, actor, productRef));
    progress.phase("grouping " + s.docs().size() + " pieces of feedback", 0);
    Set<Long> pinned = new HashSet<>();
    s.tags()
        .forEach(
            (f, t) -> {
              if (t != null) {
                pinned.add(f);
              }
            });
    ThemeModel model = model(s, pinned);
    ThemeIndex index = ThemeIndex.of(model, pinned);
    progress.phase("saving", model.themes().size());
    long themed = model.themes().stream().mapToLong(Theme::size).sum();
    db.txVoid(h -> save(h, actor, s, model, index, progress));
    return new ThemeRunReport(
        ThemeModel.METHOD,
        s.docs().size(),
        model.themes().size(),
        s.kept().size(),
        themed,
        s.docs().size() - themed,
        Duration.between(started, clock.instant()).toMillis());
  }

  private Snapshot snapshot(Handle h, User actor, String productRef) {
    ProductAccess product =
        products.access(h, actor, productRef).require(Role.EDITOR, "group feedback into themes");
    List<ThemeStore.Doc> docs = store.untriaged(h, product.id());
    Map<Long, List<Long>> kept = new LinkedHashMap<>();
    for (ThemeStore.Row r : store.themes(h, product.id())) {
      if (r.kept()) {
        kept.put(r.id(), store.members(h, r.id()).stream().map(ThemeStore.Doc::id).toList());
      }
    }
    return new Snapshot(
        product, docs, kept, store.tags(h, product.id()), store.modelVersion(h, product.id()));
  }

  /** The themes of this run: the kept ones (grown by the nearest texts) and new ones. */
  private static ThemeModel model(Snapshot s, Set<Long> pinned) {
    Set<Long> docIds = new HashSet<>();
    List<FeedbackText> all = new ArrayList<>(s.docs().size());
    for (ThemeStore.Doc d : s.docs()) {
      docIds.add(d.id());
      all.add(new FeedbackText(d.id(), d.text()));
    }
    Map<Long, List<Long>> specs = new LinkedHashMap<>();
    Set<Long> placed = new HashSet<>();
    for (Map.Entry<Long, List<Long>> k : s.kept().entrySet()) {
      List<Long> members = new ArrayList<>();
      for (long id : k.getValue()) {
        Long tag = s.tags().get(id);
        boolean taggedElsewhere = s.tags().containsKey(id) && !k.getKey().equals(tag);
        if (docIds.contains(id) && !taggedElsewhere && placed.add(id)) {
          members.add(id);
        }
      }
      specs.put(k.getKey(), members);
    }
    s.tags()
        .forEach(
            (id, theme) -> {
              if (theme != null
                  && specs.containsKey(theme)
                  && docIds.contains(id)
                  && placed.add(id)) {
                specs.get(theme).add(id);
              }
            });
    List<FeedbackText> rest =
        all.stream()
            .filter(d -> !placed.contains(d.id()) && !s.tags().containsKey(d.id()))
            .toList();
    if (specs.isEmpty()) {
      return ThemeModel.discover(rest, OPTIONS);
    }
    List<ThemeModel.Spec> seeds = new ArrayList<>();
    specs.forEach((key, members) -> seeds.add(new ThemeModel.Spec(key, null, members)));
    ThemeIndex seed = ThemeIndex.of(ThemeModel.restore(all, seeds, OPTIONS), pinned);
    List<Optional<ThemeModel.Assignment>> near =
        seed.assignAll(rest.stream().map(FeedbackText::text).toList());
    List<FeedbackText> pool = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      Optional<ThemeModel.Assignment> a = near.get(i);
      if (a.isPresent()) {
        specs.get(a.get().key()).add(rest.get(i).id());
      } else {
        pool.add(rest.get(i));
      }
    }
    List<ThemeModel.Spec> out = new ArrayList<>();
    specs.forEach((key, members) -> out.add(new ThemeModel.Spec(key, null, members)));
    if (pool.size() > OPTIONS.minThemes()) {
      int max = Math.max(OPTIONS.minThemes(), OPTIONS.maxThemes() - specs.size());
      ThemeModel.Options fresh =
          new ThemeModel.Options(
              OPTIONS.seed(),
              OPTIONS.minThemes(),
              max,
              OPTIONS.sampleSize(),
              OPTIONS.minSimilarity());
      long key = -1;
      for (Theme t : ThemeModel.discover(pool, fresh).themes()) {
        out.add(new ThemeModel.Spec(key--, null, t.members()));
      }
    }
    out.sort(Comparator.comparingInt((ThemeModel.Spec sp) -> -sp.members().size()));
    return ThemeModel.restore(all, out, OPTIONS);
  }

  private void save(
      Handle h, User actor, Snapshot s, ThemeModel model, ThemeIndex index, JobProgress progress) {
    long pid = s.product().id();
    if (!store.modelVersion(h, pid).equals(s.version())) {
      throw Conflict.state(
          "The themes of this product changed while the grouping ran; run it again.");
    }
    Instant now = clock.instant();
    Map<Long, ThemeStore.Row> existing = new HashMap<>();
    for (ThemeStore.Row r : store.themes(h, pid)) {
      if (r.kept() && s.kept().containsKey(r.id())) {
        existing.put(r.id(), r);
      } else {
        store.delete(h, r.id());
      }
    }
    Map<Long, Long> themeOf = new LinkedHashMap<>();
    for (ThemeStore.Doc d : s.docs()) {
      themeOf.put(d.id(), null);
    }
    int position = 0;
    for (Theme t : model.themes()) {
      String terms = String.join(", ", t.terms());
      String label = ThemeViews.label(t.terms());
      String quotes = csv(t.quotes());
      String centroid = ThemeIndexes.json(index.centroids().getOrDefault(t.key(), Map.of()));
      long id;
      if (existing.containsKey(t.key())) {
        id = t.key();
        ThemeStore.Row was = existing.get(id);
        if (t.size() == 0) {
          store.describe(
              h, id, was.label(), was.terms(), was.quotes(), position, was.centroid(), now);
        } else {
          store.describe(h, id, label, terms, quotes, position, centroid, now);
        }
      } else {
        id = store.insert(h, pid, label, terms, quotes, position, false, centroid, now);
      }
      for (long m : t.members()) {
        themeOf.put(m, id);
      }
      position++;
      progress.advance(1);
    }
    store.setThemes(h, themeOf);
    store.saveModel(
        h,
        pid,
        ThemeModel.METHOD,
        index.documents(),
        ThemeIndexes.json(index.idf()),
        index.minSimilarity(),
        actor.id(),
        now);
    audit.record(
        h,
        new Change(
            s.product().workspace().id(),
            pid,
            null,
            actor.id(),
            "feedback.themes_grouped",
            "grouped "
                + s.docs().size()
                + " pieces of feedback into "
                + model.themes().size()
                + " themes",
            null,
            Map.of("themes", model.themes().size(), "kept", s.kept().size()),
            true));
  }

  static String csv(List<Long> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }
}
