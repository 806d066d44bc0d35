package io.hatrack.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hatrack.definition.fields.CustomField;
import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldType;
import io.hatrack.definition.fields.FieldValue;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A product's board: its work items in rank order, in a column per workflow state or per option of
 * a single-select custom field (then with a last column for items without a value), and moving a
 * card there. A move saves the card's new column and its rank between its new neighbours in one
 * change: between states only where the workflow allows, between options through the same checks as
 * the API's custom field values.
 */
public final class WorkItemBoard {
  /** The grouping by workflow state. */
  public static final String STATUS = "status";

  private final Database db;
  private final WorkItemService items;
  private final WorkflowService workflows;
  private final CustomFieldService fields;

  public WorkItemBoard(
      Database db, WorkItemService items, WorkflowService workflows, CustomFieldService fields) {
    this.db = db;
    this.items = items;
    this.workflows = workflows;
    this.fields = fields;
  }

  /**
   * One column of the board.
   *
   * @param id the column's id in the page: a state's id, {@code o0}, {@code o1}, ... for options,
   *     {@code none} for items without a value
   * @param css a class for the column's head (the state's category), or an empty string
   * @param move the form fields that move a card here, URL-encoded ({@code status=Ready}, {@code
   *     field=risk&value=High})
   * @param next the ids of the columns a card of this column may move to, comma-separated, or null
   *     when it may move to any
   */
  public record Column(
      String id, String title, String css, String move, String next, List<WorkItem> cards) {
    public Column {
      cards = List.copyOf(cards);
    }
  }

  /**
   * The board as a page shows it.
   *
   * @param group {@code status} or the key of the select field the columns are the options of
   * @param fixed the items that may not leave their column: those of a kind the field does not
   *     apply to
   * @param listing the items read, or null on a board without cards (its query was refused)
   */
  public record Board(
      String group, List<Column> columns, Set<Long> fixed, WorkItemService.Listing listing) {
    public Board {
      columns = List.copyOf(columns);
      fixed = Set.copyOf(fixed);
    }
  }

  /**
   * The board of {@code product} with the first {@code limit} items matching {@code q}, grouped by
   * {@code group} ({@code status} or a single-select field's key).
   *
   * @throws Invalid on {@code q} for a query that is wrong, on {@code group} for an unknown field
   */
  public Board board(User actor, ProductAccess product, String q, String group, int limit) {
    String ref = Long.toString(product.id());
    WorkItemService.Listing listing = items.list(actor, ref, null, q, "rank", null, limit);
    return columns(actor, product, group, listing);
  }

  /** The board's columns without cards, for a page whose query was refused. */
  public Board empty(User actor, ProductAccess product, String group) {
    return columns(actor, product, group, null);
  }

  private Board columns(
      User actor, ProductAccess product, String group, WorkItemService.Listing listing) {
    List<WorkItem> cards = listing == null ? List.of() : listing.slice().items();
    if (group == null || group.isBlank() || group.equalsIgnoreCase(STATUS)) {
      Workflow workflow =
          listing == null
              ? workflows.workflow(actor, Long.toString(product.id()))
              : listing.workflow();
      return byStatus(workflow, cards, listing);
    }
    CustomField field = selectField(product, group);
    Map<Long, Map<String, FieldValue>> values =
        cards.isEmpty()
            ? Map.of()
            : db.read(h -> fields.values(h, cards.stream().map(WorkItem::id).toList()));
    return byOption(field, cards, values, listing);
  }

  private static Board byStatus(
      Workflow workflow, List<WorkItem> cards, WorkItemService.Listing listing) {
    Map<Long, List<WorkItem>> byState = new LinkedHashMap<>();
    workflow.states().forEach(s -> byState.put(s.id(), new ArrayList<>()));
    for (WorkItem w : cards) {
      List<WorkItem> column = byState.get(w.state().id());
      if (column != null) {
        column.add(w);
      }
    }
    List<Column> columns = new ArrayList<>();
    for (WorkflowState s : workflow.states()) {
      // The moves out of a state, once per column rather than once per card.
      String next =
          String.join(",", workflow.next(s).stream().map(n -> Long.toString(n.id())).toList());
      columns.add(
          new Column(
              Long.toString(s.id()),
              s.name(),
              "status-" + s.category().id(),
              "status=" + encode(s.name()),
              next,
              byState.get(s.id())));
    }
    return new Board(STATUS, columns, Set.of(), listing);
  }

  private static Board byOption(
      CustomField field,
      List<WorkItem> cards,
      Map<Long, Map<String, FieldValue>> values,
      WorkItemService.Listing listing) {
    Map<String, Integer> index = new HashMap<>();
    List<List<WorkItem>> byOption = new ArrayList<>();
    for (String option : field.options()) {
      index.put(option.toLowerCase(Locale.ROOT), byOption.size());
      byOption.add(new ArrayList<>());
    }
    List<WorkItem> none = new ArrayList<>();
    Set<Long> fixed = new HashSet<>();
    for (WorkItem w : cards) {
      if (!field.appliesTo(w.type())) {
        fixed.add(w.id());
      }
      FieldValue value = values.getOrDefault(w.id(), Map.of()).get(field.key());
      Integer at =
          value == null || value.isEmpty()
              ? null
              : index.get(value.text().toLowerCase(Locale.ROOT));
      (at == null ? none : byOption.get(at)).add(w);
    }
    String move = "field=" + encode(field.key()) + "&value=";
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < field.options().size(); i++) {
      String option = field.options().get(i);
      columns.add(new Column("o" + i, option, "", move + encode(option), null, byOption.get(i)));
    }
    columns.add(new Column("none", "No value", "", move, null, none));
    return new Board(field.key(), columns, fixed, listing);
  }

  private CustomField selectField(ProductAccess product, String key) {
    return db.read(h -> fields.fields(h, product.id())).stream()
        .filter(f -> f.type() == FieldType.SELECT && f.key().equalsIgnoreCase(key.strip()))
        .findFirst()
        .orElseThrow(
            () -> Invalid.field("group", "must be status or a single-select field of the product"));
  }

  /**
   * Moves a card: to the state {@code value} (when {@code group} is {@code status}) or to the
   * option {@code value} of the select field {@code group} (blank: no value), at {@code rank}; all
   * or nothing, if the item is still at {@code expectedVersion}.
   */
  public WorkItem move(
      User actor,
      ProductAccess product,
      WorkItem item,
      long expectedVersion,
      String group,
      String value,
      double rank) {
    WorkItemChanges changes = WorkItemChanges.none().withPosition(rank);
    Map<String, JsonNode> fieldValues = Map.of();
    if (group == null || group.isBlank() || group.equalsIgnoreCase(STATUS)) {
      if (value != null
          && !value.isBlank()
          && !value.strip().equalsIgnoreCase(item.state().name())) {
        changes = changes.withStatus(value.strip());
      }
    } else {
      CustomField field = selectField(product, group);
      FieldValue now =
          db.read(h -> fields.values(h, List.of(item.id())))
              .getOrDefault(item.id(), Map.of())
              .get(field.key());
      String wanted = value == null ? "" : value.strip();
      // Only a new value is written: a card moved within its column keeps its value as it is,
      // also on an item of a kind the field does not apply to.
      if (!wanted.equalsIgnoreCase(now == null ? "" : now.display())) {
        fieldValues =
            Map.of(
                field.key(),
                wanted.isEmpty()
                    ? JsonNodeFactory.instance.nullNode()
                    : JsonNodeFactory.instance.textNode(wanted));
      }
    }
    return items.update(actor, Long.toString(item.id()), expectedVersion, changes, fieldValues);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
