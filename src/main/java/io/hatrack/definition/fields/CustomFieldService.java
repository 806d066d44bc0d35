package io.hatrack.definition.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Custom fields: admins define them per product (and per kind of work item); editors fill them in
 * on work items; formula fields are computed from the others whenever an input changes.
 *
 * <p>A field's values on items of a kind it no longer applies to are kept but neither shown nor
 * read by formulas, so that widening the field again brings them back.
 */
public final class CustomFieldService {
  /** The most fields a product may have. */
  public static final int MAX_FIELDS = 100;

  public static final int MAX_NAME = 60;
  public static final int MAX_KEY = 40;
  public static final int MAX_OPTIONS = 100;
  public static final int MAX_OPTION = 100;
  public static final int MAX_TEXT = 10_000;
  public static final int MAX_URL = 2_000;

  /** Keys a field may not have: the formula language's words and the query's built-ins. */
  public static final Set<String> RESERVED_KEYS;

  static {
    Set<String> reserved = new HashSet<>(Formula.RESERVED);
    reserved.addAll(
        List.of(
            "id",
            "key",
            "title",
            "type",
            "status",
            "state",
            "owner",
            "parent",
            "size",
            "tag",
            "tags",
            "description",
            "created",
            "updated",
            "position",
            "children",
            "text",
            "kind",
            "product",
            "is",
            "has",
            "sort",
            "order",
            "true",
            "false",
            "null",
            "me"));
    RESERVED_KEYS = Set.copyOf(reserved);
  }

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private final Database db;
  private final CustomFieldStore store;
  private final ProductService products;
  private final WorkspaceService workspaces;
  private final AuditLog audit;

  public CustomFieldService(
      Database db,
      CustomFieldStore store,
      ProductService products,
      WorkspaceService workspaces,
      AuditLog audit) {
    this.db = db;
    this.store = store;
    this.products = products;
    this.workspaces = workspaces;
    this.audit = audit;
  }

  /** A field with the number of items that hold a value of it. */
  public record Usage(CustomField field, long values) {}

  // ---- Definitions ----------------------------------------------------------------------------

  /** A product's fields in their order, inside the caller's transaction. */
  public List<CustomField> fields(Handle h, long productId) {
    return store.list(h, productId);
  }

  /** A product's fields in their order; any member may read them. */
  public List<CustomField> fields(User actor, String productRef) {
    return db.read(h -> store.list(h, products.access(h, actor, productRef).id()));
  }

  /** A product's fields with how many items hold a value of each. */
  public List<Usage> usage(User actor, String productRef) {
    return db.read(
        h -> {
          long productId = products.access(h, actor, productRef).id();
          Map<Long, Long> counts = store.valueCounts(h, productId);
          return store.list(h, productId).stream()
              .map(f -> new Usage(f, counts.getOrDefault(f.id(), 0L)))
              .toList();
        });
  }

  /** One field by id or key, with how many items hold a value of it. */
  public Usage field(User actor, String productRef, String fieldRef) {
    return db.read(
        h -> {
          ProductAccess product = products.access(h, actor, productRef);
          CustomField field = find(h, product.id(), fieldRef);
          return new Usage(field, store.valueCounts(h, product.id()).getOrDefault(field.id(), 0L));
        });
  }

  private CustomField find(Handle h, long productId, String ref) {
    String clean = ref == null ? "" : ref.trim();
    Optional<CustomField> found;
    if (!clean.isEmpty() && clean.chars().allMatch(Character::isDigit) && clean.length() < 19) {
      found = store.byId(h, productId, Long.parseLong(clean));
    } else {
      found = store.byKey(h, productId, clean.toLowerCase(Locale.ROOT));
    }
    return found.orElseThrow(() -> new NotFound("field"));
  }

  /** Adds a field to a product (admins). */
  public CustomField create(User actor, String productRef, FieldInput input) {
    return db.tx(
        h -> {
          ProductAccess product =
              products
                  .access(h, actor, productRef)
                  .require(Role.ADMIN, "change the product's fields");
          return create(h, actor, product, input);
        });
  }

  /** Adds a field inside the caller's transaction (the demo uses this). */
  public CustomField create(Handle h, User actor, ProductAccess product, FieldInput input) {
    product.require(Role.ADMIN, "change the product's fields");
    List<CustomField> existing = store.list(h, product.id());
    if (existing.size() >= MAX_FIELDS) {
      throw Invalid.field("name", "a product can have at most " + MAX_FIELDS + " fields");
    }
    String name = input.name() == null ? null : input.name().strip();
    String key =
        input.key() == null || input.key().isBlank()
            ? keyFor(name, existing).orElse(null)
            : input.key().strip().toLowerCase(Locale.ROOT);
    CustomFieldStore.Definition d =
        definition(
            key,
            name,
            input.type(),
            input.options(),
            input.formula(),
            input.itemTypes(),
            input.position() == null ? store.nextPosition(h, product.id()) : input.position());
    CustomField candidate = toField(0, product.id(), d, 1);
    checkUnique(candidate, existing);
    FieldFormulas.check(candidate, existing);
    long id = store.insert(h, product.id(), d);
    CustomField created = store.byId(h, product.id(), id).orElseThrow();
    record(
        h,
        actor,
        product,
        "custom_field.created",
        "added the field \u201c" + created.name() + "\u201d to " + product.product().name(),
        null,
        describe(created));
    if (created.type() == FieldType.FORMULA) {
      recomputeProduct(h, product.id());
    }
    return created;
  }

  /** Changes a field (admins) if it is still at {@code expectedVersion}; null keeps a part. */
  public CustomField update(
      User actor, String productRef, String fieldRef, long expectedVersion, FieldInput in) {
    return db.tx(
        h -> {
          ProductAccess product =
              products
                  .access(h, actor, productRef)
                  .require(Role.ADMIN, "change the product's fields");
          CustomField before = find(h, product.id(), fieldRef);
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion(
                "The field \u201c" + before.name() + "\u201d", expectedVersion, before.version());
          }
          List<CustomField> existing = store.list(h, product.id());
          List<CustomField> others = existing.stream().filter(f -> f.id() != before.id()).toList();
          String key = in.key() == null ? before.key() : in.key().strip().toLowerCase(Locale.ROOT);
          FieldType oldType = before.type();
          CustomFieldStore.Definition d =
              definition(
                  key,
                  in.name() == null ? before.name() : in.name().strip(),
                  in.type() == null ? oldType.id() : in.type(),
                  in.options() == null ? before.options() : in.options(),
                  in.formula() == null ? before.formula() : in.formula(),
                  in.itemTypes() == null
                      ? before.itemTypes().stream().map(WorkItemType::id).toList()
                      : in.itemTypes(),
                  in.position() == null ? before.position() : in.position());
          CustomField candidate = toField(before.id(), product.id(), d, before.version());
          checkUnique(candidate, existing);
          if (!key.equals(before.key())) {
            List<CustomField> users = FieldFormulas.of(others).usersOf(before.key());
            if (!users.isEmpty()) {
              throw Invalid.field(
                  "key",
                  "cannot change: the formula of \u201c"
                      + users.get(0).name()
                      + "\u201d uses "
                      + before.key()
                      + "; change that formula first");
            }
          }
          FieldFormulas.check(candidate, others);
          checkValuesFit(h, before, candidate);
          if (!store.update(h, before.id(), expectedVersion, d)) {
            CustomField now = find(h, product.id(), Long.toString(before.id()));
            throw Conflict.staleVersion(
                "The field \u201c" + before.name() + "\u201d", expectedVersion, now.version());
          }
          if (oldType == FieldType.FORMULA && candidate.type() != FieldType.FORMULA) {
            store.clearField(h, before.id());
          }
          CustomField after = store.byId(h, product.id(), before.id()).orElseThrow();
          Map<String, Object> was = new LinkedHashMap<>();
          Map<String, Object> now = new LinkedHashMap<>();
          Map<String, Object> b = describe(before);
          Map<String, Object> a = describe(after);
          for (String k : a.keySet()) {
            if (!Objects.equals(b.get(k), a.get(k))) {
              was.put(k, b.get(k));
              now.put(k, a.get(k));
            }
          }
          if (!now.isEmpty()) {
            record(
                h,
                actor,
                product,
                "custom_field.updated",
                "changed the field \u201c" + after.name() + "\u201d of " + product.product().name(),
                was,
                now);
          }
          // Only the type, the formula and the kinds of item change what formulas compute.
          boolean computing =
              after.type() != oldType
                  || !after.formula().equals(before.formula())
                  || !after.itemTypes().equals(before.itemTypes());
          if (computing) {
            recomputeProduct(h, product.id());
          }
          return after;
        });
  }

  /**
   * Deletes a field and its values (admins) if still at {@code expectedVersion} and unused.
   *
   * @return how many items lost a value
   */
  public long delete(User actor, String productRef, String fieldRef, long expectedVersion) {
    return db.tx(
        h -> {
          ProductAccess product =
              products
                  .access(h, actor, productRef)
                  .require(Role.ADMIN, "change the product's fields");
          CustomField field = find(h, product.id(), fieldRef);
          if (field.version() != expectedVersion) {
            throw Conflict.staleVersion(
                "The field \u201c" + field.name() + "\u201d", expectedVersion, field.version());
          }
          List<CustomField> others =
              store.list(h, product.id()).stream().filter(f -> f.id() != field.id()).toList();
          List<CustomField> users = FieldFormulas.of(others).usersOf(field.key());
          if (!users.isEmpty()) {
            throw Invalid.field(
                "field",
                "\u201c"
                    + field.name()
                    + "\u201d cannot be deleted: the formula of \u201c"
                    + users.get(0).name()
                    + "\u201d uses it; change that formula first");
          }
          long values = store.valueCounts(h, product.id()).getOrDefault(field.id(), 0L);
          if (!store.delete(h, field.id(), expectedVersion)) {
            throw Conflict.staleVersion(
                "The field \u201c" + field.name() + "\u201d", expectedVersion, field.version() + 1);
          }
          record(
              h,
              actor,
              product,
              "custom_field.deleted",
              "deleted the field \u201c"
                  + field.name()
                  + "\u201d of "
                  + product.product().name()
                  + (values > 0 ? " and its " + values + " value(s)" : ""),
              describe(field),
              null);
          return values;
        });
  }

  private static CustomField toField(
      long id, long productId, CustomFieldStore.Definition d, long version) {
    return new CustomField(
        id,
        productId,
        d.key(),
        d.name(),
        d.type(),
        d.options(),
        d.formula(),
        d.itemTypes(),
        d.position(),
        version);
  }

  /** Validates and normalises a definition; options and formula only stay on their types. */
  private static CustomFieldStore.Definition definition(
      String key,
      String name,
      String typeText,
      List<String> optionList,
      String formulaText,
      List<String> itemTypeList,
      int position) {
    Validation v = new Validation();
    v.text("name", name, MAX_NAME);
    if (key == null) {
      // A key to be made from the name, which had no letters or digits to make it from.
      v.check("key", name == null || name.isBlank(), "cannot be made from this name; give one");
    } else {
      v.text("key", key, MAX_KEY);
    }
    v.matches(
            "key",
            key,
            KEY,
            "must start with a lower-case letter and hold only a-z, 0-9 and _, e.g. customer_value")
        .check(
            "key",
            key == null || !RESERVED_KEYS.contains(key),
            "'"
                + key
                + "' is a word of the formula or query language; choose another key,"
                + " e.g. "
                + key
                + "_field");
    FieldType type = null;
    try {
      type = FieldType.parse("type", typeText);
    } catch (Invalid e) {
      v.check("type", false, e.reasonFor("type"));
    }
    List<String> options = List.of();
    if (type != null && type.hasOptions()) {
      options = options(v, optionList);
    }
    String formula = "";
    if (type == FieldType.FORMULA) {
      formula = formulaText == null ? "" : formulaText.strip();
      v.check("formula", !formula.isEmpty(), "must not be blank for a formula field")
          .optionalText("formula", formula, Formula.MAX_LENGTH);
    }
    List<WorkItemType> itemTypes = new ArrayList<>();
    for (String t : itemTypeList == null ? List.<String>of() : itemTypeList) {
      if (t == null || t.isBlank()) {
        continue;
      }
      try {
        WorkItemType parsed = WorkItemType.parse("item_types", t);
        if (!itemTypes.contains(parsed)) {
          itemTypes.add(parsed);
        }
      } catch (Invalid e) {
        v.check("item_types", false, "'" + t.strip() + "' " + e.reasonFor("item_types"));
      }
    }
    v.check("position", position >= 0 && position <= 100_000, "must be from 0 to 100,000");
    v.orThrow();
    return new CustomFieldStore.Definition(key, name, type, options, formula, itemTypes, position);
  }

  private static List<String> options(Validation v, List<String> raw) {
    List<String> options = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String o : raw == null ? List.<String>of() : raw) {
      String clean = o == null ? "" : o.strip();
      if (clean.isEmpty()) {
        continue;
      }
      v.check(
              "options",
              clean.length() <= MAX_OPTION,
              "each option must be at most " + MAX_OPTION + " characters")
          .check("options", clean.indexOf('|') < 0, "an option cannot contain '|'")
          .check("options", clean.indexOf('\u0000') < 0, "must not contain NUL characters")
          .check(
              "options",
              seen.add(clean.toLowerCase(Locale.ROOT)),
              "'" + clean + "' is listed twice");
      options.add(clean);
    }
    v.check("options", !options.isEmpty(), "a select field needs at least one option, one a line")
        .check("options", options.size() <= MAX_OPTIONS, "at most " + MAX_OPTIONS + " options");
    return options;
  }

  private static void checkUnique(CustomField candidate, List<CustomField> existing) {
    Validation v = new Validation();
    for (CustomField f : existing) {
      if (f.id() == candidate.id()) {
        continue;
      }
      v.check("key", !f.key().equals(candidate.key()), "is already the key of another field");
      v.check(
          "name",
          !f.name().equalsIgnoreCase(candidate.name()),
          "is already the name of another field");
    }
    v.orThrow();
  }

  /** Refuses a change that would leave stored values that no longer fit the field. */
  private void checkValuesFit(Handle h, CustomField before, CustomField after) {
    if (before.type() != after.type()) {
      if (before.type() == FieldType.FORMULA) {
        return;
      }
      long values = store.valueCounts(h, before.productId()).getOrDefault(before.id(), 0L);
      if (values > 0) {
        throw Invalid.field(
            "type",
            "cannot change from "
                + before.type().label().toLowerCase(Locale.ROOT)
                + " while "
                + values
                + " item(s) hold a value; clear them first, or add a new field");
      }
      return;
    }
    if (!after.type().hasOptions()) {
      return;
    }
    Set<String> kept = new HashSet<>(after.options());
    Map<String, Long> inUse = new HashMap<>();
    store
        .textUsage(h, before.id())
        .forEach(
            (text, n) -> {
              for (String option : StoredValue.choices(text, after.type())) {
                inUse.merge(option, n, Long::sum);
              }
            });
    for (String option : before.options()) {
      if (!kept.contains(option) && inUse.containsKey(option)) {
        throw Invalid.field(
            "options",
            "'"
                + option
                + "' is chosen on "
                + inUse.get(option)
                + " item(s); change those first, or keep the option");
      }
    }
  }

  /** A key made from a name: "Customer value" gives customer_value (customer_value_2 if taken). */
  static Optional<String> keyFor(String name, List<CustomField> existing) {
    String base =
        name == null
            ? ""
            : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty()) {
      return Optional.empty();
    }
    if (!Character.isLetter(base.charAt(0))) {
      base = "f_" + base;
    }
    if (base.length() > MAX_KEY - 4) {
      base = base.substring(0, MAX_KEY - 4).replaceAll("_+$", "");
    }
    if (RESERVED_KEYS.contains(base)) {
      base = base + "_field";
    }
    Set<String> taken = existing.stream().map(CustomField::key).collect(Collectors.toSet());
    String key = base;
    for (int n = 2; taken.contains(key); n++) {
      key = base + "_" + n;
    }
    return Optional.of(key);
  }

  private static Map<String, Object> describe(CustomField f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", f.key());
    m.put("name", f.name());
    m.put("type", f.type().id());
    m.put("options", String.join(", ", f.options()));
    m.put("formula", f.formula());
    m.put("item_types", f.itemTypesText());
    m.put("position", f.position());
    return m;
  }

  private void record(
      Handle h,
      User actor,
      ProductAccess product,
      String action,
      String summary,
      Object before,
      Object after) {
    audit.record(
        h,
        new Change(
            product.workspace().id(),
            product.id(),
            null,
            actor.id(),
            action,
            summary,
            before,
            after,
            true));
  }

  // ---- Values ---------------------------------------------------------------------------------

  /**
   * Sets custom field values of a work item inside the caller's transaction (which has written the
   * item's own row), then recomputes the item's formulas. A null (or an empty text or list) clears
   * a value. Every value is checked before any is written: unknown fields, fields that do not apply
   * to {@code itemType}, formula fields and values of the wrong type are refused together, each as
   * {@code fields.<key>}.
   */
  public void setValues(
      Handle h,
      User actor,
      ProductAccess product,
      long itemId,
      String itemType,
      Map<String, JsonNode> values) {
    product.require(Role.EDITOR, "edit work items");
    WorkItemType type = WorkItemType.parse("type", itemType);
    CustomFieldStore.WorkItemRow item =
        store
            .workItem(h, itemId)
            .filter(w -> Objects.equals(w.item().productId(), product.id()))
            .orElseThrow(() -> new NotFound("work item"));
    List<CustomField> fields = store.list(h, product.id());
    Map<String, CustomField> byKey = new HashMap<>();
    fields.forEach(f -> byKey.put(f.key(), f));
    List<FieldError> errors = new ArrayList<>();
    Map<CustomField, StoredValue> writes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e :
        (values == null ? Map.<String, JsonNode>of() : values).entrySet()) {
      String key = e.getKey() == null ? "" : e.getKey().trim().toLowerCase(Locale.ROOT);
      String name = "fields." + (e.getKey() == null ? "" : e.getKey());
      CustomField field = byKey.get(key);
      if (field == null) {
        errors.add(new FieldError(name, "is not a field of this product"));
        continue;
      }
      if (!field.appliesTo(type)) {
        errors.add(
            new FieldError(
                name,
                "does not apply to "
                    + CustomField.plural(type)
                    + " (only to "
                    + field.appliesToText()
                    + ")"));
        continue;
      }
      try {
        writes.put(
            field,
            StoredValue.fromJson(
                field,
                e.getValue(),
                handle ->
                    workspaces.memberByHandle(h, product.workspace().id(), handle).map(User::id)));
      } catch (Invalid invalid) {
        errors.add(new FieldError(name, invalid.errors().get(0).reason()));
      }
    }
    if (!errors.isEmpty()) {
      throw new Invalid(errors);
    }
    if (!writes.isEmpty()) {
      Map<String, FieldValue> before = values(h, List.of(itemId)).getOrDefault(itemId, Map.of());
      for (Map.Entry<CustomField, StoredValue> w : writes.entrySet()) {
        StoredValue s = w.getValue();
        if (s == null) {
          store.clearValue(h, itemId, w.getKey().id());
        } else {
          store.setValue(h, itemId, w.getKey().id(), s.text(), s.number(), s.userId());
        }
      }
      Map<String, FieldValue> after = values(h, List.of(itemId)).getOrDefault(itemId, Map.of());
      recordValues(h, actor, item, writes.keySet(), before, after);
    }
    recompute(h, product.id(), itemId, item.estimate());
  }

  private void recordValues(
      Handle h,
      User actor,
      CustomFieldStore.WorkItemRow item,
      Collection<CustomField> fields,
      Map<String, FieldValue> before,
      Map<String, FieldValue> after) {
    Map<String, Object> was = new LinkedHashMap<>();
    Map<String, Object> now = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (CustomField f : fields) {
      String b = before.containsKey(f.key()) ? before.get(f.key()).display() : "";
      String a = after.containsKey(f.key()) ? after.get(f.key()).display() : "";
      if (!b.equals(a)) {
        was.put(f.key(), b.isEmpty() ? null : b);
        now.put(f.key(), a.isEmpty() ? null : a);
        names.add(f.name() + (a.isEmpty() ? " (cleared)" : " to " + a));
      }
    }
    if (now.isEmpty()) {
      return;
    }
    audit.record(
        h,
        item.item()
            .change(
                actor.id(),
                "work_item.fields_changed",
                "set " + String.join(", ", names) + " on " + item.item().label(),
                was,
                now));
  }

  /**
   * Recomputes one work item's formulas in the caller's transaction, after its estimate or kind
   * changed (its own row already written).
   *
   * @param estimate the item's estimate now, or null
   */
  public void recompute(Handle h, long productId, long itemId, Double estimate) {
    List<CustomField> all = store.list(h, productId);
    FieldFormulas formulas = FieldFormulas.of(all);
    if (formulas.isEmpty()) {
      return;
    }
    Optional<CustomFieldStore.WorkItemRow> item = store.workItem(h, itemId);
    if (item.isEmpty()) {
      return;
    }
    Map<Long, String> keys = new HashMap<>();
    all.forEach(f -> keys.put(f.id(), f.key()));
    Map<String, Double> numbers = new HashMap<>();
    store.numbers(h, itemId).forEach((id, n) -> numbers.put(keys.get(id), n));
    List<CustomFieldStore.Computed> results = new ArrayList<>();
    computeInto(results, formulas, itemId, item.get().type(), numbers, estimate);
    store.replaceComputed(
        h, itemId, formulas.formulaFields().stream().map(CustomField::id).toList(), results);
  }

  /** Recomputes every formula of every work item of a product (after a definition changed). */
  public void recomputeProduct(Handle h, long productId) {
    List<CustomField> all = store.list(h, productId);
    FieldFormulas formulas = FieldFormulas.of(all);
    if (formulas.isEmpty()) {
      return;
    }
    Map<Long, String> keys = new HashMap<>();
    all.forEach(f -> keys.put(f.id(), f.key()));
    Map<Long, Map<Long, Double>> numbers = store.numbersOfProduct(h, productId);
    List<CustomFieldStore.Computed> results = new ArrayList<>();
    for (CustomFieldStore.Computable item : store.computables(h, productId)) {
      Map<String, Double> byKey = new HashMap<>();
      numbers.getOrDefault(item.id(), Map.of()).forEach((id, n) -> byKey.put(keys.get(id), n));
      computeInto(results, formulas, item.id(), item.type(), byKey, item.estimate());
    }
    store.replaceComputed(
        h, formulas.formulaFields().stream().map(CustomField::id).toList(), results);
  }

  private static void computeInto(
      List<CustomFieldStore.Computed> results,
      FieldFormulas formulas,
      long itemId,
      WorkItemType type,
      Map<String, Double> numbers,
      Double estimate) {
    Map<String, Formula.Result> computed = formulas.compute(type, numbers, estimate);
    for (CustomField f : formulas.formulaFields()) {
      Formula.Result r = computed.get(f.key());
      if (r != null) {
        results.add(new CustomFieldStore.Computed(itemId, f.id(), r.value(), r.reason()));
      }
    }
  }

  /**
   * The custom field values of work items, for item pages and listings: item id -> field key ->
   * value, each item's fields in the product's order. Every id asked for is in the answer (with an
   * empty map when it has no value); values of fields that do not apply to the item's kind are left
   * out.
   */
  public Map<Long, Map<String, FieldValue>> values(Handle h, Collection<Long> itemIds) {
    Map<Long, Map<String, FieldValue>> out = new LinkedHashMap<>();
    for (Long id : itemIds) {
      out.put(id, new LinkedHashMap<>());
    }
    if (itemIds.isEmpty()) {
      return out;
    }
    List<CustomFieldStore.ValueRow> rows = store.values(h, itemIds);
    Map<Long, Map<Long, CustomField>> fieldsByProduct = new HashMap<>();
    List<Found> found = new ArrayList<>();
    for (CustomFieldStore.ValueRow row : rows) {
      Map<Long, CustomField> fields =
          fieldsByProduct.computeIfAbsent(
              row.productId(),
              p -> {
                Map<Long, CustomField> m = new HashMap<>();
                store.list(h, p).forEach(f -> m.put(f.id(), f));
                return m;
              });
      CustomField field = fields.get(row.fieldId());
      if (field != null && field.appliesTo(row.itemType())) {
        found.add(new Found(row.itemId(), StoredValue.toValue(field, row)));
      }
    }
    found.sort(
        Comparator.comparingInt((Found f) -> f.value().field().position())
            .thenComparingLong(f -> f.value().field().id()));
    for (Found f : found) {
      out.computeIfAbsent(f.itemId(), k -> new LinkedHashMap<>()).put(f.value().key(), f.value());
    }
    return out;
  }

  private record Found(long itemId, FieldValue value) {}

  /** A live work item of a product by its exact title (for imports and the demo). */
  public Optional<ItemRef> workItemByTitle(Handle h, long productId, String title) {
    return store
        .workItemByTitle(h, productId, title)
        .map(w -> new ItemRef(w.item().id(), w.item().key(), w.type()));
  }

  /** A work item as the fields know it. */
  public record ItemRef(long id, String key, WorkItemType type) {}
}
