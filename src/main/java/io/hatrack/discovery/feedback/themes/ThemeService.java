package io.hatrack.discovery.feedback.themes;

import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.feedback.FeedbackArrivals;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.feedback.themes.ThemeViews.ThemeView;
import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.discovery.text.TextAnalyzer;
import io.hatrack.discovery.text.Theme;
import io.hatrack.discovery.text.ThemeIndex;
import io.hatrack.discovery.text.ThemeModel;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The themes of a product's feedback: grouping the untriaged feedback into themes as a background
 * job ({@link ThemeGrouping}), reading them with their top terms, counts and representative quotes,
 * and what the PM does with them: rename, merge, split, and tag a piece of feedback into a theme or
 * out of any. Each change is one transaction. New feedback is given the nearest theme on arrival
 * ({@link #arrivals()}); tags pull their theme's centroid (see {@link ThemeIndex}).
 */
public final class ThemeService {
  /** The kind of the grouping's jobs. */
  public static final String JOB_KIND = "feedback-themes";

  public static final int MAX_NAME = 120;

  /** The method, as the pages and the API name it. */
  public static final String METHOD = ThemeModel.METHOD;

  private final Database db;
  private final ThemeStore store;
  private final ThemeIndexes indexes;
  private final ThemeGrouping grouping;
  private final ProductService products;
  private final ItemService items;
  private final Jobs jobs;
  private final AuditLog audit;
  private final Clock clock;
  private final WorkspaceService workspaces;
  private final CustomerService customers;

  /** What the themes use of the rest of Hatrack. */
  public record Parts(
      Database db,
      ProductService products,
      ItemService items,
      WorkspaceService workspaces,
      CustomerService customers,
      Jobs jobs,
      AuditLog audit,
      Clock clock) {}

  /** Who the command line acts as on a product: the first owner of its workspace. */
  public record Acting(User owner, String product) {}

  /** A product's themes with what the page says around them. */
  public record Overview(
      ProductAccess product,
      List<ThemeView> themes,
      String method,
      Instant runAt,
      long untriaged,
      long unthemed,
      double minSimilarity) {
    public boolean canEdit() {
      return product.role().atLeast(Role.EDITOR);
    }
  }

  /** Where a piece of feedback is: its theme (or none) and whether the PM put it there. */
  public record Placement(
      long feedbackId,
      long productId,
      String key,
      Long themeId,
      String themeName,
      boolean tagged) {}

  public ThemeService(Parts p) {
    this.db = p.db();
    this.store = new ThemeStore();
    this.indexes = new ThemeIndexes(store);
    this.grouping = new ThemeGrouping(p.db(), store, p.products(), p.audit(), p.clock());
    this.products = p.products();
    this.items = p.items();
    this.jobs = p.jobs();
    this.audit = p.audit();
    this.clock = p.clock();
    this.workspaces = p.workspaces();
    this.customers = p.customers();
  }

  /**
   * The first owner of the workspace of the product with this key or slug, for the command line,
   * which has no signed-in user; an {@link Invalid} for {@code product} when none or several match.
   */
  public Acting actingOn(String productRef) {
    return db.read(
        h -> {
          List<io.hatrack.kernel.work.Product> found =
              products.findAsAdministrator(h, productRef == null ? "" : productRef.strip());
          if (found.size() != 1) {
            throw Invalid.field(
                "product",
                found.isEmpty()
                    ? "no product with the key or slug " + productRef
                    : "several products have the key " + productRef + "; use the slug");
          }
          io.hatrack.kernel.work.Product p = found.get(0);
          User owner =
              customers
                  .firstOwner(h, p.workspaceId())
                  .flatMap(id -> workspaces.memberById(h, p.workspaceId(), id))
                  .orElseThrow(() -> new NotFound("owner of the product's workspace"));
          return new Acting(owner, Long.toString(p.id()));
        });
  }

  /** Gives new feedback the nearest theme of its product, in the transaction that adds it. */
  public FeedbackArrivals arrivals() {
    return this::assign;
  }

  private void assign(Handle h, long productId, List<Long> ids, List<String> texts) {
    Optional<ThemeIndex> index = indexes.current(h, productId);
    if (index.isEmpty() || index.get().centroids().isEmpty()) {
      return;
    }
    List<Optional<ThemeModel.Assignment>> near = index.get().assignAll(texts);
    Map<Long, Long> themeOf = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      int at = i;
      near.get(i).ifPresent(a -> themeOf.put(ids.get(at), a.key()));
    }
    store.setThemes(h, themeOf);
  }

  // ---- Grouping ---------------------------------------------------------------------------------

  /** Starts the grouping as a job; {@code doneUrl} is where its progress leads when finished. */
  public Job start(User actor, String productRef, String doneUrl) {
    ProductAccess product = grouping.check(actor, productRef);
    String ref = Long.toString(product.id());
    return jobs.submit(
        new Jobs.Spec(
            actor,
            product.workspace().id(),
            JOB_KIND,
            "Grouping the feedback of " + product.product().name() + " into themes",
            doneUrl),
        progress -> grouping.run(actor, ref, progress));
  }

  /** Runs the grouping now (the demo, the command line and tests). */
  public ThemeRunReport run(User actor, String productRef, JobProgress progress) {
    return grouping.run(actor, productRef, progress);
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public Overview overview(User actor, String productRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          Optional<ThemeStore.Model> model = store.model(h, product.id());
          return new Overview(
              product,
              views(h, store.themes(h, product.id())),
              METHOD,
              model.map(ThemeStore.Model::runAt).orElse(null),
              store.untriagedCount(h, product.id()),
              store.unthemedCount(h, product.id()),
              model
                  .map(ThemeStore.Model::minSimilarity)
                  .orElse(ThemeGrouping.OPTIONS.minSimilarity()));
        });
  }

  public ThemeView get(User actor, long themeId) {
    return db.read(
        h -> {
          ThemeStore.Row row = row(h, actor, themeId);
          return view(h, row.id());
        });
  }

  /** Where a piece of feedback is, for its page. */
  public Placement placement(User actor, String feedbackRef) {
    return db.read(h -> placement(h, feedback(h, actor, feedbackRef)));
  }

  private Placement placement(Handle h, ItemAccess f) {
    Long theme = store.themeOf(h, f.id()).orElse(null);
    boolean tagged = store.tags(h, f.item().productId()).containsKey(f.id());
    String name = theme == null ? null : store.theme(h, theme).map(this::name).orElse(null);
    return new Placement(f.id(), f.item().productId(), f.item().key(), theme, name, tagged);
  }

  private String name(ThemeStore.Row r) {
    return r.name() == null ? r.label() : r.name();
  }

  private List<ThemeView> views(Handle h, List<ThemeStore.Row> rows) {
    List<Long> ids = new ArrayList<>();
    rows.forEach(r -> ids.addAll(ThemeStore.ids(r.quotes())));
    Map<Long, ThemeStore.QuoteRow> quotes = store.quotes(h, ids);
    return rows.stream().map(r -> ThemeViews.of(r, quotes)).toList();
  }

  private ThemeView view(Handle h, long id) {
    return views(h, List.of(store.theme(h, id).orElseThrow())).get(0);
  }

  private ThemeStore.Row row(Handle h, User actor, long themeId) {
    ThemeStore.Row row = store.theme(h, themeId).orElseThrow(() -> new NotFound("theme"));
    try {
      products.access(h, actor, Long.toString(row.productId()));
    } catch (NotFound e) {
      throw new NotFound("theme");
    }
    return row;
  }

  private ProductAccess editable(Handle h, User actor, ThemeStore.Row row, String action) {
    return products.access(h, actor, Long.toString(row.productId())).require(Role.EDITOR, action);
  }

  private ItemAccess feedback(Handle h, User actor, String ref) {
    ItemAccess access;
    try {
      access = items.access(h, actor, ref == null ? "" : ref.trim());
    } catch (Invalid e) {
      throw new NotFound("feedback");
    }
    if (!access.item().kind().equals(FeedbackService.KIND)) {
      throw new NotFound("feedback");
    }
    return access;
  }

  // ---- The PM's changes -------------------------------------------------------------------------

  /** Names a theme; a blank name brings back its label. {@code expectedVersion} may be null. */
  public ThemeView rename(User actor, long themeId, Long expectedVersion, String name) {
    String clean = name == null || name.isBlank() ? null : name.strip();
    new Validation()
        .optionalText("name", clean, MAX_NAME)
        .check("name", clean == null || clean.indexOf('\n') < 0, "must be one line")
        .orThrow();
    return db.tx(
        h -> {
          ThemeStore.Row row = row(h, actor, themeId);
          ProductAccess product = editable(h, actor, row, "rename themes");
          if (expectedVersion != null && expectedVersion != row.version()) {
            throw Conflict.staleVersion("This theme", expectedVersion, row.version());
          }
          store.rename(h, row.id(), clean, clock.instant());
          // A run that started before keeps only the themes it saw as kept: make it start again.
          store.bumpModel(h, row.productId());
          record(
              h,
              actor,
              product,
              "feedback.theme_renamed",
              "renamed the theme \u201c"
                  + name(row)
                  + "\u201d"
                  + (clean == null ? " back to its top terms" : " to \u201c" + clean + "\u201d"),
              Map.of("theme", row.id()));
          return view(h, row.id());
        });
  }

  /**
   * Merges theme {@code otherId} into {@code themeId}: its members and tags move, it is deleted,
   * the merged theme keeps its name and is kept by later runs.
   */
  public ThemeView merge(User actor, long themeId, Long otherId) {
    new Validation()
        .check("theme", otherId != null, "must name the theme to merge into this one")
        .check("theme", otherId == null || otherId != themeId, "is this theme: pick another one")
        .orThrow();
    return db.tx(
        h -> {
          ThemeStore.Row into = row(h, actor, themeId);
          ProductAccess product = editable(h, actor, into, "merge themes");
          ThemeStore.Row other =
              store
                  .theme(h, otherId)
                  .filter(o -> o.productId() == into.productId())
                  .orElseThrow(
                      () -> Invalid.field("theme", "no theme " + otherId + " in this product"));
          store.moveTags(h, other.id(), into.id());
          store.moveMembers(h, other.id(), into.id());
          store.delete(h, other.id());
          store.keep(h, into.id());
          Optional<ThemeIndex> index = indexes.load(h, into.productId());
          List<String> terms = new ArrayList<>(new LinkedHashSet<>(ThemeViews.terms(into.terms())));
          ThemeViews.terms(other.terms()).stream()
              .filter(t -> !terms.contains(t))
              .forEach(terms::add);
          ThemeIndex.Profile p = refresh(h, index, into);
          if (p != null) {
            terms.sort(Comparator.comparingDouble((String t) -> -weight(p, t)));
          }
          List<String> top = terms.subList(0, Math.min(5, terms.size()));
          store.describe(
              h,
              into.id(),
              ThemeViews.label(top),
              String.join(", ", top),
              p == null ? into.quotes() : ThemeGrouping.csv(p.quotes()),
              into.position(),
              p == null ? into.centroid() : ThemeIndexes.json(p.centroid()),
              clock.instant());
          store.bumpModel(h, into.productId());
          record(
              h,
              actor,
              product,
              "feedback.themes_merged",
              "merged the theme \u201c"
                  + name(other)
                  + "\u201d into \u201c"
                  + name(into)
                  + "\u201d",
              Map.of("theme", into.id(), "merged", other.id()));
          return view(h, into.id());
        });
  }

  private static double weight(ThemeIndex.Profile p, String word) {
    List<String> stems = TextAnalyzer.english().terms(word);
    return stems.isEmpty() ? 0 : p.centroid().getOrDefault(stems.get(0), 0f);
  }

  /**
   * Splits a theme in two by clustering its members (TF-IDF over them, spherical k-means with k =
   * 2): the larger part stays in it, the other becomes a new theme right after it. Both are kept by
   * later runs; tags follow their feedback.
   */
  public List<ThemeView> split(User actor, long themeId) {
    return db.tx(
        h -> {
          ThemeStore.Row row = row(h, actor, themeId);
          ProductAccess product = editable(h, actor, row, "split themes");
          List<ThemeStore.Doc> members = store.members(h, row.id());
          List<Long> ids = members.stream().map(ThemeStore.Doc::id).toList();
          ThemeModel parts;
          try {
            parts =
                ThemeModel.restore(
                        members.stream().map(d -> new FeedbackText(d.id(), d.text())).toList(),
                        List.of(new ThemeModel.Spec(1, null, ids)),
                        ThemeGrouping.OPTIONS)
                    .split(1);
          } catch (IllegalArgumentException e) {
            throw Invalid.field(
                "theme",
                members.size() < 2
                    ? "has fewer than two pieces of feedback: nothing to split"
                    : "does not split: its feedback is too much alike");
          }
          Theme kept = parts.themes().get(0);
          Theme part = parts.themes().get(1);
          Instant now = clock.instant();
          store.shiftAfter(h, row.productId(), row.position());
          long newId =
              store.insert(
                  h,
                  row.productId(),
                  ThemeViews.label(part.terms()),
                  String.join(", ", part.terms()),
                  ThemeGrouping.csv(part.quotes()),
                  row.position() + 1,
                  true,
                  "{}",
                  now);
          Map<Long, Long> moved = new HashMap<>();
          part.members().forEach(m -> moved.put(m, newId));
          store.setThemes(h, moved);
          for (long tagged : store.taggedInto(h, row.id())) {
            if (moved.containsKey(tagged)) {
              store.tag(h, tagged, row.productId(), newId, actor.id(), now);
            }
          }
          store.keep(h, row.id());
          Optional<ThemeIndex> index = indexes.load(h, row.productId());
          describe(h, index, row, kept, row.position(), now);
          describe(h, index, store.theme(h, newId).orElseThrow(), part, row.position() + 1, now);
          store.bumpModel(h, row.productId());
          record(
              h,
              actor,
              product,
              "feedback.theme_split",
              "split the theme \u201c" + name(row) + "\u201d in two",
              Map.of("theme", row.id(), "new", newId));
          return List.of(view(h, row.id()), view(h, newId));
        });
  }

  private void describe(
      Handle h,
      Optional<ThemeIndex> index,
      ThemeStore.Row row,
      Theme part,
      int position,
      Instant now) {
    ThemeIndex.Profile p = refresh(h, index, row);
    store.describe(
        h,
        row.id(),
        ThemeViews.label(part.terms()),
        String.join(", ", part.terms()),
        ThemeGrouping.csv(part.quotes()),
        position,
        p == null ? "{}" : ThemeIndexes.json(p.centroid()),
        now);
  }

  /**
   * The centroid and nearest members of a theme from its members now (tags weighing more); null
   * when the product has no stored model to weigh terms by.
   */
  private ThemeIndex.Profile refresh(Handle h, Optional<ThemeIndex> index, ThemeStore.Row row) {
    if (index.isEmpty()) {
      return null;
    }
    List<ThemeStore.Doc> members = store.members(h, row.id());
    return index
        .get()
        .profile(
            members.stream().map(ThemeStore.Doc::id).toList(),
            members.stream().map(ThemeStore.Doc::text).toList(),
            store.taggedInto(h, row.id()));
  }

  /**
   * Puts a piece of feedback in a theme of its product ({@code themeId} null: in no theme) by the
   * PM's hand: later runs leave it there, and it weighs more in the theme's centroid, so that new
   * feedback like it goes there too.
   */
  public Placement tag(User actor, String feedbackRef, Long themeId) {
    return db.tx(
        h -> {
          ItemAccess f =
              feedback(h, actor, feedbackRef).require(Role.EDITOR, "put feedback in themes");
          long pid = f.item().productId();
          ThemeStore.Row target = null;
          if (themeId != null) {
            target =
                store
                    .theme(h, themeId)
                    .filter(t -> t.productId() == pid)
                    .orElseThrow(
                        () -> Invalid.field("theme", "no theme " + themeId + " in this product"));
          }
          Long before = store.themeOf(h, f.id()).orElse(null);
          Instant now = clock.instant();
          store.tag(h, f.id(), pid, themeId, actor.id(), now);
          Map<Long, Long> one = new HashMap<>();
          one.put(f.id(), themeId);
          store.setThemes(h, one);
          Optional<ThemeIndex> index = indexes.load(h, pid);
          if (target != null) {
            store.keep(h, target.id());
            repoint(h, index, target, now);
          }
          if (before != null && !before.equals(themeId)) {
            Optional<ThemeStore.Row> was = store.theme(h, before);
            if (was.isPresent()) {
              repoint(h, index, was.get(), now);
            }
          }
          store.bumpModel(h, pid);
          audit.record(
              h,
              f.item()
                  .change(
                      actor.id(),
                      "feedback.theme_tagged",
                      target == null
                          ? "took the feedback " + f.item().label() + " out of its theme"
                          : "put the feedback "
                              + f.item().label()
                              + " in the theme \u201c"
                              + name(target)
                              + "\u201d",
                      before == null ? null : Map.of("theme", before),
                      themeId == null ? null : Map.of("theme", themeId)));
          return placement(h, f);
        });
  }

  /** A theme's centroid and quotes again from its members, terms unchanged. */
  private void repoint(Handle h, Optional<ThemeIndex> index, ThemeStore.Row row, Instant now) {
    ThemeIndex.Profile p = refresh(h, index, row);
    if (p == null) {
      return;
    }
    store.describe(
        h,
        row.id(),
        row.label(),
        row.terms(),
        ThemeGrouping.csv(p.quotes()),
        row.position(),
        ThemeIndexes.json(p.centroid()),
        now);
  }

  private void record(
      Handle h, User actor, ProductAccess product, String action, String summary, Object after) {
    audit.record(
        h,
        new Change(
            product.workspace().id(),
            product.id(),
            null,
            actor.id(),
            action,
            summary,
            null,
            after,
            true));
  }
}
