package io.hatrack.kernel.search;

import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Product;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.TagService;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search for people: reads and checks the search box and its filters, limits a search to
 * the products the reader may see, and rebuilds the index from the hats' {@link SearchSource}s.
 */
public final class SearchService {
  /** The most hits one page holds. */
  public static final int MAX_LIMIT = 100;

  /** How deep into the ranking pages may go. */
  public static final int MAX_OFFSET = SearchIndex.COUNT_LIMIT;

  private static final Logger log = LoggerFactory.getLogger(SearchService.class);
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");

  private final Database db;
  private final SearchIndex index;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final List<SearchSource> sources = new CopyOnWriteArrayList<>();

  public SearchService(
      Database db, SearchIndex index, ProductService products, WorkspaceService workspaces) {
    this.db = db;
    this.index = index;
    this.products = products;
    this.workspaces = workspaces;
  }

  /** The index, for hats that write documents in their own transactions. */
  public SearchIndex index() {
    return index;
  }

  /** Adds a hat's items to what {@link #reindex} rebuilds. */
  public SearchService register(SearchSource source) {
    sources.add(source);
    return this;
  }

  /**
   * A search as typed: the query and each filter as text (null or blank: not filtering), checked
   * all at once.
   */
  public record Request(
      String q,
      String product,
      String kind,
      String source,
      String customer,
      String segment,
      String from,
      String to,
      String tag,
      String status,
      String sentiment,
      String cursor,
      Integer limit) {

    /** Words only, over every product the reader sees. */
    public static Request of(String q) {
      return new Request(q, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same search in one product. */
    public Request inProduct(String ref) {
      return new Request(
          q, ref, kind, source, customer, segment, from, to, tag, status, sentiment, cursor, limit);
    }
  }

  /** A page of hits, and the query as understood. */
  public record Results(SearchQuery query, Slice<SearchHit> slice) {}

  /**
   * The hits of a search in the products the reader may see (one product, if named). Bad input is
   * refused with every problem's field and reason.
   */
  public Results search(User reader, Request r) {
    List<FieldError> errors = new ArrayList<>();
    SearchQuery query = null;
    try {
      query = SearchQuery.parse(r.q());
    } catch (Invalid e) {
      errors.addAll(e.errors());
    }
    String kind = text(r.kind());
    if (kind != null && !KIND.matcher(kind).matches()) {
      errors.add(new FieldError("kind", "must be a kind of item such as work_item or feedback"));
    }
    Long customer = null;
    if (text(r.customer()) != null) {
      try {
        customer = Long.parseLong(r.customer().strip());
      } catch (NumberFormatException e) {
        errors.add(new FieldError("customer", "must be the id of a customer"));
      }
    }
    Instant from = instant("from", r.from(), false, errors);
    Instant to = instant("to", r.to(), true, errors);
    if (from != null && to != null && !from.isBefore(to)) {
      errors.add(new FieldError("to", "must come after from"));
    }
    String tag = null;
    if (text(r.tag()) != null) {
      try {
        tag = TagService.normalize("tag", r.tag());
      } catch (Invalid e) {
        errors.addAll(e.errors());
      }
    }
    Sentiment sentiment = null;
    if (text(r.sentiment()) != null) {
      try {
        sentiment = Sentiment.parse("sentiment", r.sentiment());
      } catch (Invalid e) {
        errors.addAll(e.errors());
      }
    }
    int limit = r.limit() == null ? 20 : r.limit();
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }
    int offset = 0;
    if (text(r.cursor()) != null) {
      try {
        long at = Cursor.decode(r.cursor().strip(), 1)[0];
        if (at < 0 || at > MAX_OFFSET) {
          throw Invalid.field("cursor", "is not a cursor that this search gave out");
        }
        offset = (int) at;
      } catch (Invalid e) {
        errors.addAll(e.errors());
      }
    }
    checkLength("source", r.source(), errors);
    checkLength("segment", r.segment(), errors);
    checkLength("status", r.status(), errors);
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    SearchQuery parsed = query;
    int first = offset;
    SearchFilter filter =
        new SearchFilter(
            readable(reader, r.product()),
            kind,
            text(r.source()),
            customer,
            text(r.segment()),
            from,
            to,
            tag,
            text(r.status()),
            sentiment);
    SearchIndex.Found found = db.read(h -> index.search(h, parsed, filter, first, limit));
    String next =
        first + found.hits().size() < found.total() && first + limit < MAX_OFFSET
            ? Cursor.encode(first + limit)
            : null;
    return new Results(parsed, new Slice<>(found.hits(), found.total(), next));
  }

  private static void checkLength(String field, String value, List<FieldError> errors) {
    if (value != null && value.strip().length() > 200) {
      errors.add(new FieldError(field, "is longer than 200 characters"));
    }
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * A date ({@code 2025-01-31}, a whole day in UTC: {@code to} includes it) or an instant ({@code
   * 2025-01-31T12:00:00Z}).
   */
  private static Instant instant(String field, String value, boolean end, List<FieldError> errors) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(
          new FieldError(field, "must be a date such as 2025-01-31 or a time in ISO 8601 (UTC)"));
      return null;
    }
  }

  /**
   * The products the reader may search: the one named (by slug, id or key), or every product of
   * every workspace the reader belongs to.
   */
  private List<Long> readable(User reader, String productRef) {
    String ref = text(productRef);
    if (ref == null) {
      List<Long> ids = new ArrayList<>();
      for (WorkspaceAccess ws : workspaces.mine(reader)) {
        products.list(ws).forEach(p -> ids.add(p.id()));
      }
      return ids;
    }
    try {
      return List.of(products.access(reader, ref.toLowerCase(Locale.ROOT)).id());
    } catch (io.hatrack.kernel.NotFound e) {
      List<Product> byKey = new ArrayList<>();
      for (WorkspaceAccess ws : workspaces.mine(reader)) {
        products.list(ws).stream().filter(p -> p.key().equalsIgnoreCase(ref)).forEach(byKey::add);
      }
      if (byKey.size() > 1) {
        throw Invalid.field(
            "product", "the key " + ref + " is in several of your workspaces; give the slug");
      }
      if (byKey.isEmpty()) {
        throw Invalid.field("product", "no product " + ref + " that you can see");
      }
      return List.of(byKey.get(0).id());
    }
  }

  /** The choices of the filters in a product the reader may see. */
  public SearchIndex.Facets facets(ProductAccess product) {
    return db.read(h -> index.facets(h, product.workspace().id(), product.id()));
  }

  /** Rebuilds the index of one product (its admins); returns the number of documents. */
  public long reindex(User actor, String productRef) {
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.ADMIN, "rebuild the search index");
          return reindex(h, product.id());
        });
  }

  /**
   * Rebuilds the index of the product with this slug, for whoever runs the CLI on the server;
   * returns the number of documents.
   */
  public long reindexAsAdministrator(String productSlug) {
    Product product =
        products
            .publicBySlug(productSlug)
            .orElseThrow(() -> Invalid.field("product", "no product " + productSlug));
    return db.tx(h -> reindex(h, product.id()));
  }

  /** Rebuilds the whole index, product by product, one transaction each; for the CLI. */
  public long reindexAll() {
    long documents = 0;
    for (long productId : db.read(index::products)) {
      documents += db.tx(h -> reindex(h, productId));
    }
    return documents;
  }

  /**
   * Indexes, in each product, the kinds of item the index holds no document of: everything on the
   * first start after the search arrived or after restoring a backup taken before it, and a kind
   * that joined the index later (feedback and insights came after work items) on the first start
   * after it did. Returns whether it indexed anything.
   */
  public boolean reindexIfEmpty() {
    if (sources.isEmpty()) {
      return false;
    }
    long documents = 0;
    for (long productId : db.read(index::products)) {
      List<SearchSource> missing =
          db.read(h -> sources.stream().filter(s -> !index.has(h, productId, s.kind())).toList());
      if (!missing.isEmpty()) {
        documents += db.tx(h -> reindex(h, productId, missing));
      }
    }
    if (documents > 0) {
      log.info("built the search index: {} documents", documents);
    }
    return documents > 0;
  }

  private long reindex(Handle h, long productId) {
    return reindex(h, productId, sources);
  }

  private long reindex(Handle h, long productId, List<SearchSource> which) {
    index.removeAll(h, productId, which.stream().map(SearchSource::kind).toList());
    long[] count = {0};
    for (SearchSource source : which) {
      source.documents(
          h,
          productId,
          doc -> {
            index.put(h, doc);
            count[0]++;
          });
    }
    return count[0];
  }
}
