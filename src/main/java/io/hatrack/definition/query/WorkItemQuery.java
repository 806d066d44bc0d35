package io.hatrack.definition.query;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.WorkItemStore.SqlFilter;
import io.hatrack.definition.WorkflowService;
import io.hatrack.definition.WorkflowState;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The query language of work items: what people type in the query box of the list, board and tree
 * and what saved views store, compiled into a {@link SqlFilter} for {@code WorkItemStore.list}.
 *
 * <h2>The language</h2>
 *
 * A query is a list of terms separated by spaces; an item must match every term (AND).
 *
 * <ul>
 *   <li>{@code field:value} filters; {@code field:a,b} matches either value (OR); {@code field:"two
 *       words"} quotes a value with spaces ({@code \"} inside quotes is a quote);
 *   <li>{@code -field:value} (a leading minus) matches every item the term does not match, items
 *       without a value included ({@code -owner:me} also finds unassigned items);
 *   <li>{@code field>v}, {@code >=}, {@code <}, {@code <=}, {@code =} compare numbers and dates;
 *       {@code field:a..b} is a range with both ends included;
 *   <li>any other word or {@code "quoted phrase"} must appear in the title (case-blind); a word
 *       that is a key of the product ({@code CHK-42}) also finds that item;
 *   <li>{@code sort:field} and {@code sort:-field} (descending) order the result; several sort keys
 *       apply in the order written. Without one, the most recently updated items come first.
 * </ul>
 *
 * Fields: {@code type} (objective ... task), {@code status} (a state name of the product's
 * workflow, case-blind), {@code category} ({@code todo}, {@code doing}, {@code done}), {@code
 * owner} and {@code creator} ({@code @handle}, {@code me}; owner also {@code none}), {@code parent}
 * (a key or {@code none}: direct children), {@code under} (a key: everything below it), {@code
 * key}, {@code tag}, {@code estimate} (numbers; t-shirt sizes in products that estimate by size;
 * also {@code none}), {@code created} and {@code updated} ({@code 2026-01-31} is that whole day in
 * the reader's time zone, {@code 7d} or {@code 2w} a moment that long ago, {@code +7d} ahead,
 * {@code today}, {@code yesterday}), {@code title}, {@code has:} and {@code no:} ({@code owner},
 * {@code estimate}, {@code parent}, {@code tags}, {@code description}, {@code acceptance}, {@code
 * children} or a custom field), and every custom field of the product by its key: numbers and
 * formulas compare, dates compare, checkboxes take {@code true}/{@code false}, select fields one of
 * their options (case-blind), people a handle, text and URLs a part of the text; {@code none}
 * matches items without a value. Built-in names win over custom field keys.
 *
 * <h2>Errors</h2>
 *
 * A query that cannot be read or resolved fails with a {@link QueryError}: the offset and length of
 * the offending part and a message ({@code unknown field "stauts": did you mean "status"?}). {@link
 * #compile} throws it as an {@link Invalid} on the field {@code q} whose reason holds the column
 * and an excerpt with carets; {@link #attempt} returns it for the UI to underline.
 *
 * <p>Every value reaches the database as a bound parameter. The people's help is {@code
 * src/main/resources/definition/query-help.md} ({@link #HELP}).
 */
public final class WorkItemQuery {
  /** The class-path resource of the Markdown help shown beside the query box. */
  public static final String HELP = "/definition/query-help.md";

  /** What {@link #attempt} gives: the compiled query, or the error. */
  public sealed interface Outcome permits Compiled, QueryError {}

  /**
   * A query ready to run: its terms as parsed (with their places in the text) and its SQL.
   *
   * @param query the parsed terms; {@code query.sorts()} is empty when the default order applies
   * @param filter the WHERE fragment, parameters and ORDER BY for {@code WorkItemStore.list/count}
   */
  public record Compiled(ParsedQuery query, SqlFilter filter) implements Outcome {
    public Compiled {
      Objects.requireNonNull(query, "query");
      Objects.requireNonNull(filter, "filter");
    }

    /** True when the query names its own order (else: most recently updated first). */
    public boolean sorted() {
      return !query.sorts().isEmpty();
    }
  }

  /** The built-in columns a list or saved view may show, in their usual order. */
  public static final List<String> COLUMNS =
      List.of("key", "title", "type", "status", "owner", "estimate", "parent", "tags", "updated");

  /** The columns a list shows when no saved view chooses others. */
  public static final List<String> DEFAULT_COLUMNS =
      List.of("key", "title", "type", "status", "owner", "estimate", "updated");

  private final WorkflowService workflows;
  private final WorkspaceService workspaces;
  private final FieldCatalog fields;
  private final QueryStore store;
  private final Clock clock;

  public WorkItemQuery(
      WorkflowService workflows,
      WorkspaceService workspaces,
      FieldCatalog fields,
      QueryStore store,
      Clock clock) {
    this.workflows = workflows;
    this.workspaces = workspaces;
    this.fields = fields;
    this.store = store;
    this.clock = clock;
  }

  /**
   * The SQL of {@code q} for {@code product} as {@code me} reads it, resolved inside the caller's
   * transaction. A blank query selects every live item, most recently updated first.
   *
   * @throws Invalid on the field {@code q} when the query is wrong, saying where and why
   */
  public Compiled compile(Handle h, ProductAccess product, User me, String q) {
    Outcome outcome = attempt(h, product, me, q);
    if (outcome instanceof QueryError error) {
      throw error.invalid(q == null ? "" : q);
    }
    return (Compiled) outcome;
  }

  /** Like {@link #compile}, but returns a wrong query's {@link QueryError} instead of throwing. */
  public Outcome attempt(Handle h, ProductAccess product, User me, String q) {
    try {
      ParsedQuery parsed = QueryParser.parse(q);
      return new Compiled(parsed, QueryCompiler.compile(parsed, new Context(h, product, me)));
    } catch (QueryFailure failure) {
      return failure.error();
    }
  }

  /** The terms of {@code q} without resolving them (syntax only), or the syntax error. */
  public static Optional<QueryError> syntaxError(String q) {
    try {
      QueryParser.parse(q);
      return Optional.empty();
    } catch (QueryFailure failure) {
      return Optional.of(failure.error());
    }
  }

  /** The terms of {@code q}, checking only the syntax; an {@link Invalid} on {@code q} if wrong. */
  public static ParsedQuery parse(String q) {
    try {
      return QueryParser.parse(q);
    } catch (QueryFailure failure) {
      throw failure.error().invalid(q == null ? "" : q);
    }
  }

  /** The custom fields of a product (for columns and grouping). */
  public List<FieldCatalog.CustomField> fields(Handle h, long productId) {
    return fields.fields(h, productId);
  }

  /** The column ids a list of this product can show: {@link #COLUMNS} and its custom field keys. */
  public List<String> columns(Handle h, long productId) {
    List<String> all = new ArrayList<>(COLUMNS);
    fields.fields(h, productId).forEach(f -> all.add(f.key()));
    return all;
  }

  /** Resolves names for one compilation, each kind at most once. */
  private final class Context implements QueryContext {
    private final Handle h;
    private final ProductAccess product;
    private final User me;
    private final Instant now;
    private List<WorkflowState> states;
    private EstimateUnit unit;
    private List<FieldCatalog.CustomField> custom;

    Context(Handle h, ProductAccess product, User me) {
      this.h = h;
      this.product = product;
      this.me = me;
      this.now = clock.instant();
    }

    @Override
    public long productId() {
      return product.id();
    }

    @Override
    public String productKey() {
      return product.product().key();
    }

    @Override
    public long me() {
      return me.id();
    }

    @Override
    public ZoneId zone() {
      return me.zone();
    }

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public EstimateUnit estimateUnit() {
      if (unit == null) {
        unit = workflows.settings(h, product.id()).estimateUnit();
      }
      return unit;
    }

    @Override
    public List<WorkflowState> states() {
      if (states == null) {
        states = workflows.workflow(h, product.id()).states();
      }
      return states;
    }

    @Override
    public Optional<Long> member(String handle) {
      return workspaces.memberByHandle(h, product.workspace().id(), handle).map(User::id);
    }

    @Override
    public List<String> memberHandles() {
      return store.handles(h, product.workspace().id());
    }

    @Override
    public Optional<Long> tag(String name) {
      return store.tag(h, product.workspace().id(), name);
    }

    @Override
    public List<String> tagNames() {
      return store.tagNames(h, product.workspace().id());
    }

    @Override
    public Optional<Long> workItem(long number) {
      return store.workItem(h, product.id(), number);
    }

    @Override
    public List<FieldCatalog.CustomField> fields() {
      if (custom == null) {
        custom = fields.fields(h, product.id());
      }
      return custom;
    }
  }
}
