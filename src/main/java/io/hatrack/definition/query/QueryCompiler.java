package io.hatrack.definition.query;

import io.hatrack.definition.EstimateUnit;
import io.hatrack.definition.Size;
import io.hatrack.definition.StateCategory;
import io.hatrack.definition.WorkItemStore;
import io.hatrack.definition.WorkItemStore.SqlFilter;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.WorkflowState;
import io.hatrack.definition.query.FieldCatalog.CustomField;
import io.hatrack.definition.query.ParsedQuery.Filter;
import io.hatrack.definition.query.ParsedQuery.SortKey;
import io.hatrack.definition.query.ParsedQuery.Term;
import io.hatrack.definition.query.ParsedQuery.Value;
import io.hatrack.definition.query.ParsedQuery.Word;
import io.hatrack.kernel.work.EntityStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Turns a parsed query into SQL over the aliases of {@link WorkItemStore} ({@code e} entity, {@code
 * w} work item, {@code s} state, {@code o} owner), resolving names through a {@link QueryContext}.
 * Every value reaches the database as a bound parameter. Each condition is two-valued (never SQL
 * NULL) so that negating it with NOT selects exactly the other items.
 */
final class QueryCompiler extends TermSql {
  /** The fields built into every product, in the order the help lists them. */
  static final List<String> FIELDS =
      List.of(
          "type",
          "status",
          "category",
          "owner",
          "creator",
          "parent",
          "under",
          "key",
          "tag",
          "estimate",
          "size",
          "created",
          "updated",
          "title",
          "has",
          "no",
          "sort");

  /** What {@code has:} and {@code no:} accept besides custom field keys. */
  static final List<String> PRESENCE =
      List.of("owner", "estimate", "parent", "tags", "description", "acceptance", "children");

  /** What {@code sort:} accepts besides custom field keys. */
  static final List<String> SORTS =
      List.of(
          "key",
          "title",
          "type",
          "status",
          "category",
          "owner",
          "creator",
          "estimate",
          "parent",
          "created",
          "updated",
          "rank");

  /** The order without {@code sort:}: the most recently updated first. */
  static final String DEFAULT_ORDER = "e.updated_at DESC, e.id DESC";

  private final CustomFieldTerms custom;

  private QueryCompiler(QueryContext ctx) {
    super(ctx, new LinkedHashMap<>());
    this.custom = new CustomFieldTerms(ctx, params);
  }

  /** The SQL of {@code query}; a {@link QueryFailure} names the part that cannot be compiled. */
  static SqlFilter compile(ParsedQuery query, QueryContext ctx) {
    return new QueryCompiler(ctx).run(query);
  }

  private SqlFilter run(ParsedQuery query) {
    // The product is the store's to name: it counts over work_item alone when no condition needs
    // the entity row, so conditions say w.id rather than e.id wherever the two are the same.
    StringBuilder where = new StringBuilder();
    List<String> order = new ArrayList<>();
    for (Term term : query.terms()) {
      if (term instanceof Filter f) {
        String condition = filter(f);
        where.append(f.negated() ? " AND NOT (" : " AND (").append(condition).append(')');
      } else if (term instanceof Word w) {
        String condition = word(w.text());
        where.append(w.negated() ? " AND NOT (" : " AND (").append(condition).append(')');
      } else if (term instanceof SortKey k) {
        order.add(sort(k));
      }
    }
    String orderBy;
    if (order.isEmpty()) {
      orderBy = DEFAULT_ORDER;
    } else {
      boolean descending = query.sorts().get(0).descending();
      orderBy = String.join(", ", order) + ", e.id" + (descending ? " DESC" : "");
    }
    return new SqlFilter(where.toString(), Map.copyOf(params), orderBy);
  }

  // ---- filters ----

  private String filter(Filter f) {
    String field = lower(f.field());
    return switch (field) {
      case "type" -> type(f);
      case "status" -> status(f);
      case "category" -> category(f);
      case "owner" -> people(f, "w.owner_id", true);
      case "creator" -> people(f, "e.created_by", false);
      case "parent" -> parent(f);
      case "under" -> under(f);
      case "key" -> key(f);
      case "tag", "tags" -> tag(f);
      case "estimate", "size" -> estimate(f);
      case "created" -> moment(f, "e.created_at");
      case "updated" -> moment(f, "e.updated_at");
      case "title" -> {
        equalityOnly(f);
        yield any(f.values().stream().map(v -> word(v.text())).toList());
      }
      case "has" -> presence(f, false);
      case "no" -> presence(f, true);
      default -> custom.custom(f);
    };
  }

  private String type(Filter f) {
    equalityOnly(f);
    List<String> ids = new ArrayList<>();
    List<String> known = Arrays.stream(WorkItemType.values()).map(WorkItemType::id).toList();
    for (Value v : f.values()) {
      String wanted = lower(v.text().trim());
      if (!known.contains(wanted)) {
        throw QueryFailure.at(
            v.span(),
            "no type \""
                + v.text()
                + "\""
                + Suggestions.didYouMean(wanted, known, "")
                + "; types are "
                + String.join(", ", known));
      }
      ids.add(wanted);
    }
    return "w.type IN " + bindAll(ids);
  }

  private String status(Filter f) {
    equalityOnly(f);
    List<Long> ids = new ArrayList<>();
    List<String> names = ctx.states().stream().map(WorkflowState::name).toList();
    for (Value v : f.values()) {
      String wanted = lower(v.text().trim());
      WorkflowState state =
          ctx.states().stream()
              .filter(s -> lower(s.name()).equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      QueryFailure.at(
                          v.span(),
                          "no state named \""
                              + v.text()
                              + "\""
                              + Suggestions.didYouMean(wanted, names, "")
                              + "; states are "
                              + String.join(", ", names)));
      ids.add(state.id());
    }
    return "w.state_id IN " + bindAll(ids);
  }

  private String category(Filter f) {
    equalityOnly(f);
    Set<StateCategory> wanted = new LinkedHashSet<>();
    for (Value v : f.values()) {
      String text = lower(v.text().trim());
      StateCategory category =
          Arrays.stream(StateCategory.values())
              .filter(c -> c.id().equals(text))
              .findFirst()
              .orElseThrow(
                  () ->
                      QueryFailure.at(
                          v.span(),
                          "no category \"" + v.text() + "\"; categories are todo, doing, done"));
      wanted.add(category);
    }
    List<Long> ids =
        ctx.states().stream()
            .filter(s -> wanted.contains(s.category()))
            .map(WorkflowState::id)
            .toList();
    return ids.isEmpty() ? "1 = 0" : "w.state_id IN " + bindAll(ids);
  }

  /** {@code me}, {@code none} (where allowed), or a member's handle with or without {@code @}. */
  private String people(Filter f, String column, boolean mayBeNone) {
    equalityOnly(f);
    List<Long> ids = new ArrayList<>();
    boolean none = false;
    for (Value v : f.values()) {
      String text = lower(v.text().trim());
      if (text.equals("none") && mayBeNone) {
        none = true;
      } else {
        ids.add(person(v));
      }
    }
    List<String> parts = new ArrayList<>();
    if (none) {
      parts.add(column + " IS NULL");
    }
    if (!ids.isEmpty()) {
      parts.add("(" + column + " IS NOT NULL AND " + column + " IN " + bindAll(ids) + ")");
    }
    return any(parts);
  }

  /** The id of the work item a value names by key ({@code CHK-12}) or number ({@code 12}). */
  private long item(Value v) {
    long number = number(v);
    return ctx.workItem(number)
        .orElseThrow(
            () ->
                QueryFailure.at(
                    v.span(),
                    "no work item " + ctx.productKey() + "-" + number + " in this product"));
  }

  private long number(Value v) {
    String text = v.text().trim();
    if (text.matches("\\d{1,12}")) {
      return Long.parseLong(text);
    }
    Matcher m = KEY.matcher(text);
    if (!m.matches()) {
      throw QueryFailure.at(
          v.span(),
          "\"" + v.text() + "\" is not an item key; write one such as " + ctx.productKey() + "-12");
    }
    if (!m.group(1).equalsIgnoreCase(ctx.productKey())) {
      throw QueryFailure.at(
          v.span(),
          v.text() + " is not in this product; its keys start with " + ctx.productKey() + "-");
    }
    return Long.parseLong(m.group(2));
  }

  private String parent(Filter f) {
    equalityOnly(f);
    List<Long> ids = new ArrayList<>();
    boolean none = false;
    for (Value v : f.values()) {
      if (lower(v.text().trim()).equals("none")) {
        none = true;
      } else {
        ids.add(item(v));
      }
    }
    List<String> parts = new ArrayList<>();
    if (none) {
      parts.add("w.parent_id IS NULL");
    }
    if (!ids.isEmpty()) {
      parts.add("(w.parent_id IS NOT NULL AND w.parent_id IN " + bindAll(ids) + ")");
    }
    return any(parts);
  }

  private String under(Filter f) {
    equalityOnly(f);
    List<Long> ids = f.values().stream().map(this::item).toList();
    String roots = bindAll(ids);
    return "w.id IN (WITH RECURSIVE below (id) AS (SELECT c.id FROM work_item c WHERE c.parent_id"
        + " IN "
        + roots
        + " UNION SELECT c.id FROM work_item c JOIN below b ON c.parent_id = b.id)"
        + " SELECT id FROM below)";
  }

  private String key(Filter f) {
    equalityOnly(f);
    List<Long> numbers = f.values().stream().map(this::number).toList();
    return "e.number IN " + bindAll(numbers);
  }

  private String tag(Filter f) {
    equalityOnly(f);
    List<Long> ids = new ArrayList<>();
    for (Value v : f.values()) {
      String name = lower(v.text().trim()).replaceAll("\\s+", " ");
      ids.add(
          ctx.tag(name)
              .orElseThrow(
                  () ->
                      QueryFailure.at(
                          v.span(),
                          "no tag \""
                              + name
                              + "\" in this workspace"
                              + Suggestions.didYouMean(name, ctx.tagNames(), ""))));
    }
    return "EXISTS (SELECT 1 FROM entity_tag et WHERE et.entity_id = w.id AND et.tag_id IN "
        + bindAll(ids)
        + ")";
  }

  // ---- numbers, sizes and dates ----

  private String numbers(Filter f, String column) {
    List<String> parts = new ArrayList<>();
    boolean none = false;
    for (Value v : f.values()) {
      if (!v.quoted() && lower(v.text().trim()).equals("none") && !f.op().ordering()) {
        none = true;
        continue;
      }
      Optional<Bounds> r = range(f, v);
      if (r.isPresent()) {
        double low = numberValue(f, r.get().low());
        double high = numberValue(f, r.get().high());
        parts.add(
            "("
                + column
                + " IS NOT NULL AND "
                + column
                + " >= "
                + bind(low)
                + " AND "
                + column
                + " <= "
                + bind(high)
                + ")");
      } else {
        parts.add(
            "(" + column + " IS NOT NULL AND " + compare(column, f.op(), numberValue(f, v)) + ")");
      }
    }
    if (none) {
      parts.add(column + " IS NULL");
    }
    return any(parts);
  }

  private String estimate(Filter f) {
    if (ctx.estimateUnit() != EstimateUnit.SIZE) {
      for (Value v : f.values()) {
        if (Arrays.stream(Size.values()).anyMatch(s -> s.id().equalsIgnoreCase(v.text().trim()))
            && !NUMBER.matcher(v.text().trim()).matches()) {
          throw QueryFailure.at(
              v.span(),
              "this product estimates in "
                  + ctx.estimateUnit().label()
                  + "; compare with a number, such as estimate>3");
        }
      }
      return numbers(f, "w.estimate");
    }
    Set<String> sizes = new LinkedHashSet<>();
    boolean none = false;
    for (Value v : f.values()) {
      if (lower(v.text().trim()).equals("none") && !f.op().ordering()) {
        none = true;
        continue;
      }
      Optional<Bounds> r = range(f, v);
      if (r.isPresent()) {
        int low = size(r.get().low()).rank();
        int high = size(r.get().high()).rank();
        for (Size s : Size.values()) {
          if (s.rank() >= low && s.rank() <= high) {
            sizes.add(s.id());
          }
        }
        continue;
      }
      Size given = size(v);
      for (Size s : Size.values()) {
        boolean in =
            switch (f.op()) {
              case IS, EQUALS -> s == given;
              case GREATER -> s.rank() > given.rank();
              case GREATER_OR_EQUAL -> s.rank() >= given.rank();
              case LESS -> s.rank() < given.rank();
              case LESS_OR_EQUAL -> s.rank() <= given.rank();
            };
        if (in) {
          sizes.add(s.id());
        }
      }
    }
    List<String> parts = new ArrayList<>();
    if (!sizes.isEmpty()) {
      parts.add("(w.size IS NOT NULL AND w.size IN " + bindAll(List.copyOf(sizes)) + ")");
    } else if (!none) {
      parts.add("1 = 0");
    }
    if (none) {
      parts.add("w.size IS NULL");
    }
    return any(parts);
  }

  private static Size size(Value v) {
    return Arrays.stream(Size.values())
        .filter(s -> s.id().equalsIgnoreCase(v.text().trim()))
        .findFirst()
        .orElseThrow(
            () ->
                QueryFailure.at(
                    v.span(),
                    "this product estimates in t-shirt sizes; \""
                        + v.text()
                        + "\" is not one of XS, S, M, L, XL, XXL"));
  }

  /** A timestamp column (epoch milliseconds) against days and moments. */
  private String moment(Filter f, String column) {
    List<String> parts = new ArrayList<>();
    for (Value v : f.values()) {
      Optional<Bounds> r = range(f, v);
      if (r.isPresent()) {
        long from = lowerEdge(when(f, r.get().low()));
        long to = upperEdge(when(f, r.get().high()));
        parts.add("(" + column + " >= " + bind(from) + " AND " + column + " < " + bind(to) + ")");
        continue;
      }
      When w = when(f, v);
      parts.add(
          switch (f.op()) {
            case IS, EQUALS -> {
              LocalDate day =
                  w instanceof Day d
                      ? d.date()
                      : LocalDate.ofInstant(((Moment) w).at(), ctx.zone());
              yield "("
                  + column
                  + " >= "
                  + bind(startOf(day))
                  + " AND "
                  + column
                  + " < "
                  + bind(startOf(day.plusDays(1)))
                  + ")";
            }
            case GREATER -> column + " >= " + bind(upperEdge(w));
            case GREATER_OR_EQUAL -> column + " >= " + bind(lowerEdge(w));
            case LESS -> column + " < " + bind(lowerEdge(w));
            case LESS_OR_EQUAL -> column + " < " + bind(upperEdge(w));
          });
    }
    return any(parts);
  }

  // ---- words, presence ----

  private String word(String text) {
    String clean = text.trim();
    String like =
        "e.search_title LIKE "
            + bind("%" + likeEscape(EntityStore.searchable(clean)) + "%")
            + " ESCAPE '!'";
    Matcher key = KEY.matcher(clean);
    if (key.matches() && key.group(1).equalsIgnoreCase(ctx.productKey())) {
      return "(e.number = " + bind(Long.parseLong(key.group(2))) + " OR " + like + ")";
    }
    return like;
  }

  private String presence(Filter f, boolean absent) {
    equalityOnly(f);
    List<String> parts = new ArrayList<>();
    for (Value v : f.values()) {
      String what = lower(v.text().trim());
      String has =
          switch (what) {
            case "owner" -> "w.owner_id IS NOT NULL";
            case "estimate", "size" -> "(w.estimate IS NOT NULL OR w.size IS NOT NULL)";
            case "parent" -> "w.parent_id IS NOT NULL";
            case "tag", "tags" -> "EXISTS (SELECT 1 FROM entity_tag et WHERE et.entity_id = w.id)";
            case "description" -> "w.description <> ''";
            case "acceptance" -> "w.acceptance <> ''";
            case "children" ->
                "EXISTS (SELECT 1 FROM work_item c JOIN entity ce ON ce.id = c.id"
                    + " WHERE c.parent_id = w.id AND ce.deleted_at IS NULL)";
            default -> {
              CustomField field =
                  custom
                      .customField(what)
                      .orElseThrow(
                          () ->
                              QueryFailure.at(
                                  v.span(),
                                  "\""
                                      + v.text()
                                      + "\" is not something an item can have"
                                      + Suggestions.didYouMean(what, presenceNames(), "")
                                      + "; try "
                                      + String.join(", ", PRESENCE)
                                      + " or a custom field"));
              yield "EXISTS ("
                  + custom.valueOf(field)
                  + " AND "
                  + CustomFieldTerms.hasValue(field)
                  + ")";
            }
          };
      parts.add(absent ? "NOT (" + has + ")" : has);
    }
    return any(parts);
  }

  private List<String> presenceNames() {
    List<String> names = new ArrayList<>(PRESENCE);
    ctx.fields().forEach(c -> names.add(c.key()));
    return names;
  }

  // ---- custom fields ----

  // ---- sorting ----

  private String sort(SortKey k) {
    String field = lower(k.field());
    String dir = k.descending() ? " DESC" : "";
    return switch (field) {
      case "key" -> "e.number" + dir;
      case "title" -> "e.search_title" + dir;
      case "type" -> {
        StringBuilder c = new StringBuilder("CASE w.type");
        for (WorkItemType t : WorkItemType.values()) {
          c.append(" WHEN ").append(bind(t.id())).append(" THEN ").append(t.ordinal());
        }
        yield c.append(" END").append(dir).toString();
      }
      case "status" -> "s.position" + dir;
      case "category" -> "CASE s.category WHEN 'todo' THEN 0 WHEN 'doing' THEN 1 ELSE 2 END" + dir;
      case "owner" -> nullsLast("o.name", k.descending());
      case "creator" -> "(SELECT u.name FROM app_user u WHERE u.id = e.created_by)" + dir;
      case "estimate", "size" -> {
        if (ctx.estimateUnit() == EstimateUnit.SIZE) {
          StringBuilder c = new StringBuilder("CASE w.size");
          for (Size s : Size.values()) {
            c.append(" WHEN ").append(bind(s.id())).append(" THEN ").append(s.rank());
          }
          yield nullsLast(c.append(" END").toString(), k.descending());
        }
        yield nullsLast("w.estimate", k.descending());
      }
      case "parent" ->
          nullsLast("(SELECT pe.number FROM entity pe WHERE pe.id = w.parent_id)", k.descending());
      case "created" -> "e.created_at" + dir;
      case "updated" -> "e.updated_at" + dir;
      case "rank" -> "w.position" + dir;
      default -> {
        CustomField c =
            custom
                .customField(field)
                .orElseThrow(
                    () -> {
                      List<String> names = new ArrayList<>(SORTS);
                      ctx.fields().forEach(x -> names.add(x.key()));
                      return QueryFailure.at(
                          k.span(),
                          "cannot sort by \""
                              + k.field()
                              + "\""
                              + Suggestions.didYouMean(field, names, "")
                              + "; sort by "
                              + String.join(", ", SORTS)
                              + " or a custom field");
                    });
        yield custom.customSort(c, k.descending());
      }
    };
  }
}
