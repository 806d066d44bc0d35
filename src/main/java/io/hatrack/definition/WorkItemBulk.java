package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.search.SearchDoc;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.TagService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Creates many work items of one product at once for an importer, inside the caller's transaction,
 * with batched statements rather than a dozen statements per item: the entities, the rows, the tags
 * and the search documents each in one batch, and one audit record for all of them. The texts,
 * states and estimates are checked as {@link WorkItemService#create} checks them; the references
 * come resolved: a parent's id with its type (checked against the hierarchy here), an owner's user
 * id (a member, as the importer found). No one is notified of mentions in imported text.
 */
public final class WorkItemBulk {
  private final WorkItemStore store;
  private final WorkflowService workflows;
  private final WorkItemService.Kernel kernel;
  private final WorkItemService.FieldValues fields;

  WorkItemBulk(
      WorkItemStore store,
      WorkflowService workflows,
      WorkItemService.Kernel kernel,
      WorkItemService.FieldValues fields) {
    this.store = store;
    this.workflows = workflows;
    this.kernel = kernel;
    this.fields = fields;
  }

  /**
   * One new item of a bulk creation.
   *
   * @param status a state name of the product's workflow
   * @param ownerId a member's user id, or null
   * @param parentId the parent's item id (of the same product), or null
   * @param parentType the parent's type, when there is a parent
   * @param tags tag names, normalized or not
   */
  public record New(
      WorkItemType type,
      String title,
      String description,
      String status,
      Long ownerId,
      Long parentId,
      WorkItemType parentType,
      Double estimate,
      List<String> tags) {}

  /**
   * Creates the items and answers their ids in order. An {@link Invalid} names the item (counted
   * from 0 as {@code items[i]}) and the field; the caller's transaction then rolls back.
   */
  public List<Long> createAll(
      Handle h, User actor, ProductAccess product, List<New> items, String origin) {
    if (items.isEmpty()) {
      return List.of();
    }
    Workflow workflow = workflows.workflow(h, product.id());
    WorkflowStore.Settings settings = workflows.settings(h, product.id());
    boolean sized = settings.estimateUnit() == EstimateUnit.SIZE;
    Map<Long, Double> positions = new HashMap<>();
    List<String> titles = new ArrayList<>(items.size());
    List<WorkItemStore.Row> rows = new ArrayList<>(items.size());
    List<WorkflowState> states = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      New n = items.get(i);
      String at = "items[" + i + "].";
      String title = n.title() == null ? null : n.title().strip();
      String description = n.description() == null ? "" : n.description();
      new Validation()
          .text(at + "title", title, 200)
          .optionalText(at + "description", description, WorkItemService.MAX_DESCRIPTION)
          .check(
              at + "estimate",
              n.estimate() == null
                  || (!sized
                      && !n.estimate().isNaN()
                      && n.estimate() >= 0
                      && n.estimate() <= 10_000),
              sized ? "this product estimates in t-shirt sizes" : "must be from 0 to 10,000")
          .check(
              at + "parent",
              n.parentId() == null
                  || (n.parentType() != null && n.type().mayBeUnder(n.parentType())),
              "a " + n.type().id() + " cannot sit under a " + n.parentType())
          .orThrow();
      WorkflowState state =
          n.status() == null || n.status().isBlank()
              ? workflow.initial()
              : workflow.state(at + "status", n.status());
      double position =
          positions.computeIfAbsent(state.id(), s -> store.nextPosition(h, product.id(), s) - 1024)
              + 1024;
      positions.put(state.id(), position);
      titles.add(title);
      states.add(state);
      rows.add(
          new WorkItemStore.Row(
              product.id(),
              n.type(),
              description,
              state.id(),
              n.ownerId(),
              n.parentId(),
              n.estimate(),
              null,
              position,
              "",
              "",
              "",
              ""));
    }
    List<Long> ids = kernel.items().createAll(h, actor, product, WorkItemStore.KIND, titles);
    store.insertAll(h, ids, rows);
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    List<SearchDoc> docs = new ArrayList<>(ids.size());
    Instant now = kernel.items().now();
    for (int i = 0; i < ids.size(); i++) {
      New n = items.get(i);
      if (n.tags() != null && !n.tags().isEmpty()) {
        List<String> names = new ArrayList<>();
        for (String t : n.tags()) {
          String name = TagService.normalize("items[" + i + "].tags", t);
          if (!names.contains(name)) {
            names.add(name);
          }
        }
        tags.put(ids.get(i), names);
      }
      docs.add(
          SearchDoc.of(
                  ids.get(i),
                  product.id(),
                  WorkItemStore.KIND,
                  titles.get(i),
                  rows.get(i).description(),
                  now)
              .withStatus(states.get(i).name()));
      if (n.estimate() != null) {
        fields.recompute(h, product.id(), ids.get(i), n.estimate());
      }
    }
    kernel.tags().tagAll(h, product.workspace().id(), tags);
    kernel.search().putAll(h, docs);
    kernel
        .audit()
        .record(
            h,
            new Change(
                product.workspace().id(),
                product.id(),
                null,
                actor.id(),
                "work_item.imported",
                "imported " + ids.size() + " work items from " + origin,
                null,
                Map.of("count", ids.size(), "from", origin),
                true));
    return ids;
  }
}
