package io.hatrack.discovery.feedback.duplicates;

import io.hatrack.discovery.feedback.Feedback;
import io.hatrack.discovery.feedback.FeedbackListener;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.discovery.text.FeedbackText;
import io.hatrack.discovery.text.MinHash;
import io.hatrack.discovery.text.TextAnalyzer;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.jobs.Job;
import io.hatrack.kernel.jobs.JobProgress;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * Near-duplicate feedback: found when feedback arrives (in the transaction that saves it, however
 * it arrives: the inbox, the API, the command line, imports, portal ideas, survey answers) and by a
 * scan of a product's feedback as a background job; suggested to the PM in pairs, merged on
 * confirmation with the inbox's merge (which keeps every source, customer, tag and link, and a
 * portal idea's votes), or dismissed as "not a duplicate", which is remembered.
 *
 * <p>Method: MinHash over the 1- and 2-word shingles of the stemmed terms ({@link MinHash}, {@link
 * TextAnalyzer#english()}), 64 minima, LSH with 16 bands of 4 rows kept in the database (V19). A
 * check looks up the {@value #PER_BAND} newest pieces of feedback of each of its 16 bands,
 * estimates each one's Jaccard similarity as the share of equal minima, and suggests those at
 * {@value #MIN_SIMILARITY} or above, at most {@value #MAX_PER_ITEM} per piece, most similar first.
 */
public final class DuplicateService implements FeedbackListener {
  /** The lowest estimated Jaccard similarity suggested. */
  public static final double MIN_SIMILARITY = 0.5;

  /** How many of the newest pieces of feedback of each band a check compares. */
  public static final int PER_BAND = 8;

  /** The most pairs one piece of feedback adds when it arrives. */
  public static final int MAX_PER_ITEM = 3;

  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::similarity).reversed();

  /** Up to this many earlier pieces of a product are read into memory for an import. */
  static final long PRELOAD_MAX = 200_000;

  /** Counts of suggestions stop here: a product with more shows "more than 10,000". */
  public static final long COUNT_CAP = 10_001;

  /** How many pieces of feedback the scan takes per transaction. */
  static final int SCAN_PAGE = 1_000;

  private final Database db;
  private final DuplicateStore store;
  private final FeedbackService feedback;
  private final ProductService products;
  private final Jobs jobs;
  private final Clock clock;
  private final TextAnalyzer analyzer = TextAnalyzer.english();

  public DuplicateService(
      Database db,
      DuplicateStore store,
      FeedbackService feedback,
      ProductService products,
      Jobs jobs,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.feedback = feedback;
    this.products = products;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** A near-duplicate of a text: the feedback's id and the estimated similarity. */
  public record Match(long id, double similarity) {}

  /** What a scan did. */
  public record ScanReport(long indexed, long compared, long suggested, long groups) {}

  // ---- On arrival (told by the feedback service, inside its transaction) ------------------------

  @Override
  public void written(Handle h, User actor, long productId, List<FeedbackText> texts) {
    if (texts.size() > 1) {
      arrivedTogether(h, productId, texts);
      return;
    }
    FeedbackText t = texts.get(0);
    // A changed text: its old bands and suggestions go (its dismissals stay).
    store.unindex(h, t.id());
    store.forgetSuggestions(h, t.id());
    DuplicateStore.Signature s = new DuplicateStore.Signature(t.id(), signature(t.text()));
    store.index(h, productId, List.of(s));
    List<DuplicateStore.Found> found = new ArrayList<>();
    for (Match m : compare(h, productId, s, Long.MAX_VALUE)) {
      found.add(pair(s.id(), m.id(), m.similarity()));
    }
    store.suggest(h, productId, found, clock.instant());
  }

  /**
   * The feedback that arrived in batches in one transaction (an import saves its rows in chunks):
   * the bands of what came earlier in the transaction, kept until the transaction ends, and whether
   * the product had feedback from before it (compared in the database).
   */
  private static final class Arrivals {
    final BandChains chains = new BandChains();
    final long productId;

    /** Whether the product's earlier feedback must be looked up row by row (too much to read). */
    final boolean earlier;

    final long first;

    Arrivals(long productId, boolean earlier, long first) {
      this.productId = productId;
      this.earlier = earlier;
      this.first = first;
    }
  }

  private final Map<Handle, Arrivals> arrivals = new ConcurrentHashMap<>();

  /**
   * The first batch of a transaction: a product with at most {@link #PRELOAD_MAX} pieces of
   * feedback from before has their signatures read into the chains once (a page read per 10,000),
   * so that no row of the import needs a look-up of its own; a larger product is looked up row by
   * row in the database.
   */
  private Arrivals begin(Handle h, long productId, long first) {
    long before = store.indexedCount(h, productId, PRELOAD_MAX + 1);
    Arrivals made = new Arrivals(productId, before > PRELOAD_MAX, first);
    if (before > 0 && before <= PRELOAD_MAX) {
      for (long after = 0; ; ) {
        List<DuplicateStore.Signature> page = store.signatures(h, productId, after, 10_000);
        if (page.isEmpty()) {
          break;
        }
        for (DuplicateStore.Signature s : page) {
          made.chains.add(s.id(), s.minima());
        }
        after = page.get(page.size() - 1).id();
      }
    }
    arrivals.put(h, made);
    h.addCleanable(() -> arrivals.remove(h, made));
    return made;
  }

  /**
   * New feedback that arrived in one batch (an import): compared in memory with the feedback that
   * arrived earlier in the same transaction, and in the database with the product's feedback from
   * before the transaction when it has any, so that each pair is found once, by its newer piece.
   */
  private void arrivedTogether(Handle h, long productId, List<FeedbackText> texts) {
    long first = texts.stream().mapToLong(FeedbackText::id).min().orElseThrow();
    Arrivals a = arrivals.get(h);
    if (a == null || a.productId != productId) {
      a = begin(h, productId, first);
    }
    // Analysing and hashing is most of the work and needs no database: on every core.
    int[][] minima = new int[texts.size()][];
    IntStream.range(0, texts.size())
        .parallel()
        .forEach(i -> minima[i] = signature(texts.get(i).text()));
    List<DuplicateStore.Signature> signatures = new ArrayList<>(texts.size());
    List<DuplicateStore.Found> found = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      long id = texts.get(i).id();
      DuplicateStore.Signature s = new DuplicateStore.Signature(id, minima[i]);
      signatures.add(s);
      int at = a.chains.add(id, s.minima());
      List<Match> matches = new ArrayList<>();
      for (int q : a.chains.neighbours(at, PER_BAND)) {
        double similarity = MinHash.estimate(s.minima(), a.chains.minima(q));
        if (similarity >= MIN_SIMILARITY) {
          matches.add(new Match(a.chains.id(q), similarity));
        }
      }
      if (a.earlier) {
        matches.addAll(compare(h, productId, s, a.first));
      }
      if (matches.size() > 1) {
        matches.sort(BEST_FIRST);
      }
      for (int x = 0; x < matches.size() && x < MAX_PER_ITEM; x++) {
        found.add(pair(id, matches.get(x).id(), matches.get(x).similarity()));
      }
    }
    store.index(h, productId, signatures);
    store.suggest(h, productId, found, clock.instant());
  }

  @Override
  public void deleted(Handle h, long productId, long id) {
    store.unindex(h, id);
    store.forgetSuggestions(h, id);
  }

  @Override
  public void merged(Handle h, User actor, Feedback target, List<Feedback> sources) {
    for (Feedback s : sources) {
      store.unindex(h, s.id());
      store.forgetPairs(h, s.id());
    }
  }

  private int[] signature(String text) {
    return MinHash.signature(analyzer.terms(text));
  }

  private List<Match> compare(Handle h, long productId, DuplicateStore.Signature s, long below) {
    if (s.minima().length == 0) {
      return List.of();
    }
    List<Match> matches = new ArrayList<>();
    for (DuplicateStore.Signature c :
        store.candidates(h, productId, s.minima(), s.id(), below, PER_BAND)) {
      double similarity = MinHash.estimate(s.minima(), c.minima());
      if (similarity >= MIN_SIMILARITY) {
        matches.add(new Match(c.id(), similarity));
      }
    }
    matches.sort(BEST_FIRST);
    return matches.size() > MAX_PER_ITEM ? matches.subList(0, MAX_PER_ITEM) : matches;
  }

  private static DuplicateStore.Found pair(long a, long b, double similarity) {
    return new DuplicateStore.Found(Math.min(a, b), Math.max(a, b), similarity);
  }

  /**
   * The live feedback of the product that {@code text} nearly duplicates, most similar first,
   * without saving anything: what a form shows before the feedback is added.
   */
  public List<Match> check(User actor, String productRef, String text) {
    new Validation()
        .text("text", text == null ? null : text.strip(), FeedbackService.MAX_TEXT)
        .orThrow();
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          return compare(
              h, product.id(), new DuplicateStore.Signature(-1, signature(text)), Long.MAX_VALUE);
        });
  }

  // ---- Suggestions for the PM
  // ---------------------------------------------------------------------

  /** A page of a product's suggested pairs, most similar first. */
  public Slice<PossibleDuplicate> suggestions(
      User actor, String productRef, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long[] after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim(), 3);
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<PossibleDuplicate> rows = store.suggested(h, product.id(), after, limit + 1);
          boolean more = rows.size() > limit;
          List<PossibleDuplicate> shown = more ? rows.subList(0, limit) : rows;
          String next = null;
          if (more) {
            PossibleDuplicate last = shown.get(shown.size() - 1);
            next =
                Cursor.encode(
                    Double.doubleToLongBits(last.similarity()),
                    last.older().id(),
                    last.newer().id());
          }
          return new Slice<>(shown, store.suggestedCount(h, product.id(), COUNT_CAP), next);
        });
  }

  /** How many suggested pairs a product has (up to {@link #COUNT_CAP}), for the inbox. */
  public long count(User actor, String productRef) {
    return db.read(
        h -> store.suggestedCount(h, products.access(h, actor, productRef).id(), COUNT_CAP));
  }

  /**
   * The product's suggestions as groups of feedback that are near-duplicates of one another
   * (connected by suggested pairs), most similar first; from the {@code maxPairs} most similar
   * pairs.
   */
  public List<DuplicateGroup> groups(User actor, String productRef, int maxPairs) {
    return DuplicateGroup.of(suggestions(actor, productRef, null, maxPairs).items());
  }

  /** The suggested duplicates of one piece of feedback, most similar first. */
  public List<PossibleDuplicate> of(User actor, String feedbackRef) {
    return forFeedback(actor, feedbackRef).pairs();
  }

  /** A piece of feedback's suggested duplicates, with its product and whether the actor decides. */
  public record ForFeedback(
      Feedback feedback, ProductAccess product, boolean canEdit, List<PossibleDuplicate> pairs) {}

  /** The suggested duplicates of one piece of feedback, for its page. */
  public ForFeedback forFeedback(User actor, String feedbackRef) {
    FeedbackService.View view = feedback.get(actor, feedbackRef);
    Feedback f = view.feedback();
    return db.read(
        h ->
            new ForFeedback(
                f,
                products.access(h, actor, Long.toString(f.productId())),
                view.canEdit(),
                f.duplicateOf() == null ? store.of(h, f.id(), 50) : List.of()));
  }

  /** A scan's job as {@code viewer} may see it. */
  public Job job(User viewer, String jobId) {
    return jobs.get(viewer, jobId);
  }

  /**
   * Remembers that two pieces of feedback are not duplicates: the pair is never suggested again (a
   * scan keeps it dismissed too).
   */
  public void dismiss(User actor, String feedbackRef, String otherRef) {
    FeedbackService.View a = feedback.get(actor, feedbackRef);
    FeedbackService.View b = otherView(actor, otherRef, a);
    db.txVoid(
        h -> {
          long low = Math.min(a.feedback().id(), b.feedback().id());
          long high = Math.max(a.feedback().id(), b.feedback().id());
          store.dismiss(h, a.feedback().productId(), low, high, actor.id(), clock.instant());
        });
  }

  /**
   * Merges {@code otherRef} into {@code keepRef} with the inbox's merge (all sources, customers,
   * tags and links kept; a portal idea's votes move to the kept idea), which clears their pair.
   */
  public Feedback merge(User actor, String keepRef, String otherRef) {
    FeedbackService.View keep = feedback.get(actor, keepRef);
    FeedbackService.View other = otherView(actor, otherRef, keep);
    return feedback.merge(
        actor, Long.toString(keep.feedback().id()), List.of(Long.toString(other.feedback().id())));
  }

  private FeedbackService.View otherView(User actor, String otherRef, FeedbackService.View a) {
    if (!a.canEdit()) {
      throw new io.hatrack.kernel.Forbidden("You need editor rights to decide on duplicates.");
    }
    FeedbackService.View b;
    try {
      b = feedback.get(actor, otherRef);
    } catch (io.hatrack.kernel.NotFound e) {
      throw Invalid.field("other", "no feedback " + otherRef + " that you can see");
    }
    Validation v = new Validation();
    v.check("other", b.feedback().id() != a.feedback().id(), "is the same feedback");
    v.check("other", b.feedback().productId() == a.feedback().productId(), "is of another product");
    v.orThrow();
    return b;
  }

  // ---- In bulk
  // ------------------------------------------------------------------------------------

  /**
   * Starts a scan of the product's feedback as a background job: first every piece without a
   * signature is indexed (feedback from before this check existed), then each piece is compared
   * with the older ones sharing a band. New pairs are suggested; dismissed ones stay dismissed.
   */
  public Job scan(User actor, String productRef, String doneUrl) {
    ProductAccess product =
        db.read(h -> products.access(h, actor, productRef))
            .require(Role.EDITOR, "scan feedback for duplicates");
    return jobs.submit(
        new Jobs.Spec(
            actor,
            product.workspace().id(),
            "feedback.duplicates.scan",
            "Find duplicates in the feedback of " + product.product().name(),
            doneUrl),
        progress -> scan(product.id(), progress));
  }

  /** The scan's work, in transactions of {@link #SCAN_PAGE} pieces; for the job and tests. */
  public ScanReport scan(long productId, JobProgress progress) {
    progress.phase("indexing", 0);
    long indexed = 0;
    for (long after = 0; ; ) {
      long from = after;
      List<Long> ids = db.read(h -> store.unindexed(h, productId, from, SCAN_PAGE));
      if (ids.isEmpty()) {
        break;
      }
      db.txVoid(
          h -> {
            List<DuplicateStore.Signature> page = new ArrayList<>();
            store
                .texts(h, ids)
                .forEach((id, text) -> page.add(new DuplicateStore.Signature(id, signature(text))));
            store.index(h, productId, page);
          });
      indexed += ids.size();
      progress.advance(ids.size());
      after = ids.get(ids.size() - 1);
    }
    long total = db.read(h -> store.indexedCount(h, productId, Long.MAX_VALUE));
    progress.phase("comparing", total);
    long compared = 0;
    long suggested = 0;
    for (long after = 0; ; ) {
      long from = after;
      List<DuplicateStore.Signature> page =
          db.read(h -> store.signatures(h, productId, from, SCAN_PAGE));
      if (page.isEmpty()) {
        break;
      }
      suggested +=
          db.tx(
              h -> {
                List<DuplicateStore.Found> found = new ArrayList<>();
                for (DuplicateStore.Signature s : page) {
                  for (Match m : compare(h, productId, s, s.id())) {
                    found.add(pair(s.id(), m.id(), m.similarity()));
                  }
                }
                store.suggest(h, productId, found, clock.instant());
                return (long) found.size();
              });
      compared += page.size();
      progress.advance(page.size());
      after = page.get(page.size() - 1).id();
    }
    long groups = DuplicateGroup.count(db.read(h -> store.suggestedPairs(h, productId)));
    return new ScanReport(indexed, compared, suggested, groups);
  }
}
