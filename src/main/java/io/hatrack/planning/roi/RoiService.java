package io.hatrack.planning.roi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hatrack.definition.WorkItem;
import io.hatrack.definition.WorkItemService;
import io.hatrack.definition.WorkItemType;
import io.hatrack.definition.fields.CustomField;
import io.hatrack.definition.fields.CustomFieldService;
import io.hatrack.definition.fields.FieldInput;
import io.hatrack.definition.fields.FieldType;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * ROI models of a product: creating, changing with optimistic locking, deleting; the deterministic
 * results (every amount at its likely value); a seeded Monte Carlo run; comparing models; and
 * writing a model's NPV into the {@code value} number field of its work item, so that planning's
 * scoring formulas can read it.
 */
public final class RoiService {
  /** The key of the work items' custom field the NPV goes into. */
  public static final String VALUE_FIELD = "value";

  public static final String VALUE_FIELD_NAME = "Value";
  public static final long DEFAULT_SEED = 42;
  public static final int MAX_COMPARED = 6;

  private static final Set<WorkItemType> LINKABLE =
      Set.of(WorkItemType.FEATURE, WorkItemType.EPIC, WorkItemType.INITIATIVE);

  private final Database db;
  private final RoiStore store;
  private final ProductService products;
  private final WorkItemService workItems;
  private final CustomFieldService fields;
  private final AuditLog audit;
  private final Clock clock;

  public RoiService(
      Database db,
      RoiStore store,
      ProductService products,
      WorkItemService workItems,
      CustomFieldService fields,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.workItems = workItems;
    this.fields = fields;
    this.audit = audit;
    this.clock = clock;
  }

  /** A model with its results and, if it was simulated since its last change, its run. */
  public record View(
      RoiModel model,
      RoiResult result,
      Optional<RoiStore.StoredRun> simulation,
      ProductAccess product) {

    /** The NPV that stands for the model: the simulated P50 if any, else the deterministic NPV. */
    public double value() {
      return simulation.map(s -> s.simulation().p50()).orElse(result.npv());
    }

    public String valueBasis() {
      return simulation.isPresent() ? "p50" : "npv";
    }
  }

  /** A product's models with the reader's access. */
  public record Listing(ProductAccess product, List<View> models) {}

  /** What "use as the item's value" wrote. */
  public record ValueUse(String itemKey, String field, double amount, String basis) {}

  public RoiModel create(User actor, String productRef, RoiDraft draft) {
    RoiDraft.Checked c = draft.check();
    ProductAccess seen = products.access(actor, productRef);
    Long itemId = linked(actor, c.item(), seen.id());
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "create ROI models");
          RoiStore.Row row = new RoiStore.Row(c.name(), c.description(), itemId, c.inputs());
          long id = store.insert(h, product.id(), row, actor.id(), clock.instant());
          RoiModel created = store.byId(h, product.id(), id).orElseThrow();
          record(h, actor, product, created, "roi_model.created", "created", null, fields(created));
          return created;
        });
  }

  public View get(User actor, String productRef, long id) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          return view(h, product, model(h, product, id));
        });
  }

  public Listing list(User actor, String productRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<View> views = new ArrayList<>();
          for (RoiModel m : store.list(h, product.id())) {
            views.add(view(h, product, m));
          }
          return new Listing(product, views);
        });
  }

  /** Several models of a product side by side, in the order asked; all of them when none is. */
  public Listing compare(User actor, String productRef, List<Long> ids) {
    if (ids.size() > MAX_COMPARED) {
      throw Invalid.field("ids", "may name at most " + MAX_COMPARED + " models");
    }
    if (ids.isEmpty()) {
      Listing all = list(actor, productRef);
      return new Listing(
          all.product(), all.models().subList(0, Math.min(MAX_COMPARED, all.models().size())));
    }
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          List<View> views = new ArrayList<>();
          for (long id : ids.stream().distinct().toList()) {
            views.add(view(h, product, model(h, product, id)));
          }
          return new Listing(product, views);
        });
  }

  /** Replaces a model's fields and lines if it is still at {@code expectedVersion}. */
  public RoiModel update(
      User actor, String productRef, long id, long expectedVersion, RoiDraft draft) {
    RoiDraft.Checked c = draft.check();
    ProductAccess seen = products.access(actor, productRef);
    Long itemId = linked(actor, c.item(), seen.id());
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "change ROI models");
          RoiModel before = model(h, product, id);
          RoiStore.Row row = new RoiStore.Row(c.name(), c.description(), itemId, c.inputs());
          if (before.version() != expectedVersion
              || !store.update(h, id, expectedVersion, row, clock.instant())) {
            throw Conflict.staleVersion("This ROI model", expectedVersion, before.version());
          }
          RoiModel after = model(h, product, id);
          record(
              h,
              actor,
              product,
              after,
              "roi_model.updated",
              "edited",
              fields(before),
              fields(after));
          return after;
        });
  }

  public void delete(User actor, String productRef, long id, long expectedVersion) {
    db.txVoid(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "delete ROI models");
          RoiModel before = model(h, product, id);
          if (before.version() != expectedVersion || !store.delete(h, id, expectedVersion)) {
            throw Conflict.staleVersion("This ROI model", expectedVersion, before.version());
          }
          record(h, actor, product, before, "roi_model.deleted", "deleted", fields(before), null);
        });
  }

  /**
   * Runs the Monte Carlo simulation of a model and keeps it as the model's run (editors).
   *
   * @param draws null for {@link MonteCarlo#DEFAULT_DRAWS}
   * @param seed null for {@link #DEFAULT_SEED}
   */
  public View simulate(User actor, String productRef, long id, Integer draws, Long seed) {
    int n = draws == null ? MonteCarlo.DEFAULT_DRAWS : draws;
    if (n < 1 || n > MonteCarlo.MAX_DRAWS) {
      throw Invalid.field("draws", "must be from 1 to " + MonteCarlo.MAX_DRAWS);
    }
    long s = seed == null ? DEFAULT_SEED : seed;
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "simulate ROI models");
          RoiModel model = model(h, product, id);
          MonteCarlo.Simulation run = MonteCarlo.run(model.inputs(), n, s);
          store.saveSimulation(h, id, run, actor.id(), clock.instant());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("draws", n);
          after.put("seed", s);
          after.put("p10", Math.round(run.p10()));
          after.put("p50", Math.round(run.p50()));
          after.put("p90", Math.round(run.p90()));
          after.put("probability_npv_positive", run.probabilityPositive());
          record(h, actor, product, model, "roi_model.simulated", "simulated", null, after);
          return view(h, product, model);
        });
  }

  /**
   * Writes the model's NPV, rounded to whole currency units, into the {@code value} number field of
   * its work item: the P50 of its Monte Carlo run when it has one for its current version, else its
   * deterministic NPV. The field is added to the product first when it is missing (which needs an
   * admin).
   */
  public ValueUse useAsValue(User actor, String productRef, long id) {
    View seen = get(actor, productRef, id);
    RoiModel.LinkedItem item = seen.model().item();
    if (item == null) {
      throw Invalid.field("item", "is not set: link the model to a work item first");
    }
    WorkItem workItem = workItems.get(actor, Long.toString(item.id())).item();
    return db.tx(
        h -> {
          ProductAccess product =
              products.access(h, actor, productRef).require(Role.EDITOR, "edit work items");
          View view = view(h, product, model(h, product, id));
          double amount = Math.round(view.value());
          CustomField field = valueField(h, actor, product);
          Map<String, JsonNode> values = new LinkedHashMap<>();
          values.put(field.key(), JsonNodeFactory.instance.numberNode((long) amount));
          fields.setValues(h, actor, product, item.id(), workItem.type().id(), values);
          store.markValue(h, id, amount, view.valueBasis(), clock.instant());
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("item", item.key());
          after.put("value", (long) amount);
          after.put("basis", view.valueBasis());
          record(
              h,
              actor,
              product,
              view.model(),
              "roi_model.value_used",
              "used as value",
              null,
              after);
          return new ValueUse(item.key(), field.key(), amount, view.valueBasis());
        });
  }

  /**
   * The features, epics and initiatives of a product a model may be for, by key and title (at most
   * 200 of each type, for the editor's choice and the demo).
   */
  public List<RoiModel.LinkedItem> linkableItems(User actor, String productRef) {
    List<RoiModel.LinkedItem> found = new ArrayList<>();
    for (WorkItemType type :
        List.of(WorkItemType.INITIATIVE, WorkItemType.EPIC, WorkItemType.FEATURE)) {
      for (WorkItem w :
          workItems.list(actor, productRef, type.id(), null, null, 200).slice().items()) {
        found.add(new RoiModel.LinkedItem(w.id(), w.item().key(), w.item().title()));
      }
    }
    return found;
  }

  private CustomField valueField(Handle h, User actor, ProductAccess product) {
    Optional<CustomField> existing =
        fields.fields(h, product.id()).stream()
            .filter(f -> f.key().equals(VALUE_FIELD))
            .findFirst();
    if (existing.isPresent()) {
      if (existing.get().type() != FieldType.NUMBER) {
        throw Invalid.field(
            "value",
            "the product's field \u201cvalue\u201d is a "
                + existing.get().type().id()
                + " field; the NPV needs a number field");
      }
      return existing.get();
    }
    return fields.create(
        h,
        actor,
        product,
        FieldInput.of(VALUE_FIELD_NAME, FieldType.NUMBER.id()).withKey(VALUE_FIELD));
  }

  private View view(Handle h, ProductAccess product, RoiModel m) {
    return new View(m, RoiAnalysis.of(m.inputs()), store.simulation(h, m.id()), product);
  }

  private RoiModel model(Handle h, ProductAccess product, long id) {
    return store.byId(h, product.id(), id).orElseThrow(() -> new NotFound("ROI model"));
  }

  /**
   * The id of the work item a model is for, checked: of this product, a feature/epic/initiative.
   */
  private Long linked(User actor, String ref, long productId) {
    if (ref == null) {
      return null;
    }
    WorkItem item;
    try {
      item = workItems.get(actor, ref).item();
    } catch (NotFound e) {
      throw Invalid.field("item", "is not a work item you can see");
    }
    if (item.item().productId() == null || item.item().productId() != productId) {
      throw Invalid.field("item", "is not a work item of this product");
    }
    if (!LINKABLE.contains(item.type())) {
      throw Invalid.field(
          "item",
          "must be a feature, epic or initiative ("
              + item.item().key()
              + " is "
              + (item.type() == WorkItemType.OBJECTIVE ? "an " : "a ")
              + item.type().id()
              + ")");
    }
    return item.id();
  }

  private void record(
      Handle h,
      User actor,
      ProductAccess product,
      RoiModel model,
      String action,
      String verb,
      Object before,
      Object after) {
    RoiModel.LinkedItem item = model.item();
    audit.record(
        h,
        new Change(
            product.workspace().id(),
            product.id(),
            item == null ? null : item.id(),
            actor.id(),
            action,
            verb
                + " the ROI model \u201c"
                + model.name()
                + "\u201d"
                + (item == null || item.key() == null ? "" : " of " + item.key()),
            before,
            after,
            true));
  }

  private static Map<String, Object> fields(RoiModel m) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", m.name());
    f.put("item", m.item() == null ? null : m.item().key());
    f.put("periodicity", m.inputs().periodicity().id());
    f.put("horizon", m.inputs().horizon());
    f.put("discount_rate", m.inputs().annualRate());
    f.put("lines", m.inputs().lines().size());
    return f;
  }
}
