package io.hatrack.discovery.customers;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Cursor;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Slice;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.work.Item;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Ref;
import io.hatrack.kernel.work.WorkspaceAccess;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * The customers of a workspace: companies with their segment, plan, tier and revenue, shared by all
 * the workspace's products, and the people there the team talks to. Creating, changing (with
 * optimistic locking), deleting and restoring; listing with search, filters and sorts; the
 * workspace's one currency. Revenue is kept exact in minor units of that currency.
 */
public final class CustomerService {
  /** The kind of a customer in the entity table. */
  public static final String KIND = CustomerStore.KIND;

  public static final int MAX_NAME = 200;
  public static final int MAX_EXTERNAL_ID = 100;
  public static final int MAX_LABEL = 60;
  public static final int MAX_DOMAIN = 253;
  public static final int MAX_NOTES = 20_000;
  public static final int MAX_CONTACTS = 100;

  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  private final Database db;
  private final CustomerStore store;
  private final WorkspaceService workspaces;
  private final ItemService items;
  private final AuditLog audit;
  private final Clock clock;

  public CustomerService(
      Database db,
      CustomerStore store,
      WorkspaceService workspaces,
      ItemService items,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.workspaces = workspaces;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** A customer with its contacts, the workspace's currency and the reader's access. */
  public record View(
      Customer customer, List<Contact> contacts, CustomerSettings settings, ItemAccess access) {}

  /** One page of customers, with the revenue per year of all that match and the currency. */
  public record Listing(
      Slice<Customer> slice, long totalArrMinor, CustomerSettings settings, WorkspaceAccess ws) {}

  /** The segments, plans and tiers the workspace's customers use, for the filters. */
  public record Facets(List<String> segments, List<String> plans, List<String> tiers) {}

  // ---- Settings ---------------------------------------------------------------------------------

  public CustomerSettings settings(User actor, String workspaceRef) {
    return db.read(h -> store.settings(h, workspace(h, actor, workspaceRef).id()));
  }

  /**
   * Changes the workspace's currency (admins). Amounts keep their value and change their label: the
   * minor units are rescaled when the new currency has more or fewer decimals, and the change is
   * refused when an amount cannot be written exactly in the new currency.
   */
  public CustomerSettings changeCurrency(
      User actor, String workspaceRef, long expectedVersion, String code) {
    return db.tx(
        h -> {
          WorkspaceAccess ws =
              workspace(h, actor, workspaceRef).require(Role.ADMIN, "change the currency");
          String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
          Currency currency = currency(wanted);
          CustomerSettings before = store.settings(h, ws.id());
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion(
                "The discovery settings", expectedVersion, before.version());
          }
          int shift = Money.digits(currency) - before.digits();
          long factor = (long) Math.pow(10, Math.abs(shift));
          if (shift < 0) {
            List<String> inexact = store.inexactWhenDivided(h, ws.id(), factor, 5);
            if (!inexact.isEmpty()) {
              throw Invalid.field(
                  "currency",
                  wanted
                      + " has fewer decimals than "
                      + before.currencyCode()
                      + ", and the revenue of "
                      + String.join(", ", inexact)
                      + " has cents that "
                      + wanted
                      + " cannot express");
            }
            store.rescale(h, ws.id(), factor, true);
          } else if (shift > 0) {
            if (store.largestArr(h, ws.id()) > Money.MAX_MINOR / factor) {
              throw Invalid.field("currency", "would make the largest revenue too large to keep");
            }
            store.rescale(h, ws.id(), factor, false);
          }
          if (!store.saveCurrency(h, ws.id(), expectedVersion, wanted)) {
            throw Conflict.staleVersion(
                "The discovery settings", expectedVersion, expectedVersion + 1);
          }
          audit.record(
              h,
              new io.hatrack.kernel.audit.Change(
                  ws.id(),
                  null,
                  null,
                  actor.id(),
                  "discovery.currency_changed",
                  "changed the currency of customer revenue to " + wanted,
                  Map.of("currency", before.currencyCode()),
                  Map.of("currency", wanted),
                  true));
          return store.settings(h, ws.id());
        });
  }

  private static Currency currency(String code) {
    if (!CURRENCY.matcher(code).matches()) {
      throw Invalid.field("currency", "must be an ISO 4217 code such as USD, EUR or GBP");
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw Invalid.field("currency", code + " is not an ISO 4217 currency code");
    }
  }

  private WorkspaceAccess workspace(Handle h, User actor, String ref) {
    return workspaces.access(h, actor, new Ref(ref == null ? "" : ref.trim()));
  }

  // ---- Creating ---------------------------------------------------------------------------------

  public Customer create(User actor, String workspaceRef, CustomerDraft draft) {
    return db.tx(h -> create(h, actor, workspace(h, actor, workspaceRef), draft));
  }

  /** Creates a customer inside the caller's transaction (the demo and the import use this). */
  public Customer create(Handle h, User actor, WorkspaceAccess ws, CustomerDraft draft) {
    ws.require(Role.EDITOR, "add customers");
    CustomerSettings settings = store.settings(h, ws.id());
    Checked c = check(h, ws.id(), settings, null, draft);
    Item item = items.createInWorkspace(h, actor, ws, KIND, c.name());
    store.insert(h, item.id(), ws.id(), c.row());
    audit.record(
        h,
        item.change(
            actor.id(),
            "customer.created",
            "added the customer " + item.label(),
            null,
            fields(c.name(), c.row(), settings)));
    return store.byId(h, item.id()).orElseThrow();
  }

  /** A customer as checked: its name and its own row. */
  record Checked(String name, CustomerStore.Row row) {}

  /**
   * Checks a whole customer, every broken rule at once. {@code selfId} is the customer being
   * changed (null when creating), whose own external id is not a clash.
   */
  Checked check(
      Handle h, long workspaceId, CustomerSettings settings, Long selfId, CustomerDraft d) {
    Validation v = new Validation();
    String name = strip(d.name());
    String external = strip(d.externalId());
    String segment = strip(d.segment());
    String plan = strip(d.plan());
    String tier = strip(d.tier());
    String domain = domain(d.domain());
    String notes = d.notes() == null ? "" : d.notes();
    v.text("name", name, MAX_NAME)
        .optionalText("external_id", external, MAX_EXTERNAL_ID)
        .optionalText("segment", segment, MAX_LABEL)
        .optionalText("plan", plan, MAX_LABEL)
        .optionalText("tier", tier, MAX_LABEL)
        .optionalText("notes", notes, MAX_NOTES)
        .optionalText("domain", domain, MAX_DOMAIN);
    v.check(
        "domain",
        domain.isEmpty() || DOMAIN.matcher(domain).matches(),
        "must be a domain such as brightwave.com");
    if (!external.isEmpty() && !v.has("external_id")) {
      store
          .byExternalId(h, workspaceId, external)
          .filter(other -> !Objects.equals(other.id(), selfId))
          .ifPresent(
              other ->
                  v.check(
                      "external_id",
                      false,
                      "is already the external id of "
                          + other.name()
                          + (other.item().deleted() ? " (deleted; restore it instead)" : "")));
    }
    Revenue revenue = revenue(d, settings, v);
    v.orThrow();
    return new Checked(
        name,
        new CustomerStore.Row(
            external.isEmpty() ? null : external, segment, plan, tier, domain, notes, revenue));
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }

  /** A domain as people paste it (a web address, in capitals) reduced to {@code example.com}. */
  static String domain(String text) {
    String t = strip(text).toLowerCase(Locale.ROOT);
    t = t.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
    int slash = t.indexOf('/');
    return slash >= 0 ? t.substring(0, slash) : t;
  }

  private static Revenue revenue(CustomerDraft d, CustomerSettings settings, Validation v) {
    String amount = strip(d.revenueAmount());
    String period = strip(d.revenuePeriod());
    if (amount.isEmpty()) {
      return null;
    }
    long minor = 0;
    try {
      minor = Money.parse(amount, settings.digits());
    } catch (IllegalArgumentException e) {
      v.check("revenue_amount", false, e.getMessage());
    }
    RevenuePeriod p = null;
    if (period.isEmpty()) {
      v.check(
          "revenue_period", false, "is needed with an amount: arr (per year) or mrr (per month)");
    } else {
      try {
        p = RevenuePeriod.parse("revenue_period", period);
      } catch (Invalid e) {
        v.check("revenue_period", false, e.reasonFor("revenue_period"));
      }
    }
    return v.has("revenue_amount") || p == null ? null : new Revenue(minor, p);
  }

  // ---- Reading ----------------------------------------------------------------------------------

  public View get(User actor, String ref) {
    return db.read(
        h -> {
          ItemAccess access = customerAccess(h, actor, ref, false);
          return view(h, access);
        });
  }

  private View view(Handle h, ItemAccess access) {
    Customer customer = store.byId(h, access.id()).orElseThrow();
    return new View(
        customer,
        store.contacts(h, customer.id()),
        store.settings(h, access.item().workspaceId()),
        access);
  }

  private ItemAccess customerAccess(Handle h, User actor, String ref, boolean deletedToo) {
    String r = ref == null ? "" : ref.trim();
    if (!r.matches("\\d{1,18}")) {
      throw new NotFound("customer");
    }
    ItemAccess access =
        deletedToo ? items.accessIncludingDeleted(h, actor, r) : items.access(h, actor, r);
    if (!access.item().kind().equals(KIND)) {
      throw new NotFound("customer");
    }
    return access;
  }

  /**
   * A page of the workspace's live customers that match {@code filter}, after {@code cursor} (null:
   * the first page).
   */
  public Listing list(
      User actor, String workspaceRef, CustomerFilter filter, String cursor, int limit) {
    new Validation().check("limit", limit >= 1, "must be at least 1").orThrow();
    long offset =
        cursor == null || cursor.isBlank() ? 0 : Math.max(0, Cursor.decode(cursor.trim(), 1)[0]);
    return db.read(
        h -> {
          WorkspaceAccess ws = workspace(h, actor, workspaceRef);
          List<Customer> rows = store.list(h, ws.id(), filter, offset, limit + 1);
          boolean more = rows.size() > limit;
          List<Customer> shown = more ? rows.subList(0, limit) : rows;
          String next = more ? Cursor.encode(offset + limit) : null;
          long total = store.count(h, ws.id(), filter);
          return new Listing(
              new Slice<>(shown, total, next),
              store.totalArr(h, ws.id(), filter),
              store.settings(h, ws.id()),
              ws);
        });
  }

  public Facets facets(User actor, String workspaceRef) {
    return db.read(
        h -> {
          long ws = workspace(h, actor, workspaceRef).id();
          return new Facets(
              store.values(h, ws, "segment"),
              store.values(h, ws, "plan"),
              store.values(h, ws, "tier"));
        });
  }

  // ---- Changing ---------------------------------------------------------------------------------

  /** Replaces a customer's fields with {@code draft} if it is still at {@code expectedVersion}. */
  public Customer update(User actor, String ref, long expectedVersion, CustomerDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access =
              customerAccess(h, actor, ref, false).require(Role.EDITOR, "change customers");
          Customer before = store.byId(h, access.id()).orElseThrow();
          if (before.version() != expectedVersion) {
            throw Conflict.staleVersion("This customer", expectedVersion, before.version());
          }
          return update(h, actor, before, expectedVersion, draft);
        });
  }

  /** Changes a customer inside the caller's transaction (the import uses this). */
  Customer update(
      Handle h, User actor, Customer before, long expectedVersion, CustomerDraft draft) {
    CustomerSettings settings = store.settings(h, before.item().workspaceId());
    Checked c = check(h, before.item().workspaceId(), settings, before.id(), draft);
    items.bump(h, actor, before.item(), expectedVersion, c.name());
    store.update(h, before.id(), c.row());
    Map<String, Object> was = fields(before.name(), row(before), settings);
    Map<String, Object> now = fields(c.name(), c.row(), settings);
    Map<String, Object> changedBefore = new LinkedHashMap<>();
    Map<String, Object> changedAfter = new LinkedHashMap<>();
    for (String field : now.keySet()) {
      if (!Objects.equals(was.get(field), now.get(field))) {
        changedBefore.put(field, was.get(field));
        changedAfter.put(field, now.get(field));
      }
    }
    Item updated = store.byId(h, before.id()).orElseThrow().item();
    audit.record(
        h,
        before
            .item()
            .change(
                actor.id(),
                "customer.updated",
                "edited the customer " + updated.label(),
                changedBefore,
                changedAfter));
    return store.byId(h, before.id()).orElseThrow();
  }

  /** The row a customer has now, to compare with a changed one. */
  static CustomerStore.Row row(Customer c) {
    return new CustomerStore.Row(
        c.externalId(), c.segment(), c.plan(), c.tier(), c.domain(), c.notes(), c.revenue());
  }

  /** Deletes a customer; it can be restored with {@link #restore}. */
  public void delete(User actor, String ref, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access = customerAccess(h, actor, ref, false);
          items.delete(h, actor, access, expectedVersion);
          Item item = access.item();
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "customer.deleted",
                  "deleted the customer " + item.label(),
                  Map.of("name", item.title()),
                  null));
        });
  }

  /** Brings a deleted customer back. */
  public Customer restore(User actor, String ref) {
    return db.tx(
        h -> {
          ItemAccess access = customerAccess(h, actor, ref, true);
          Item item = items.restore(h, actor, access);
          audit.record(
              h,
              item.change(
                  actor.id(),
                  "customer.restored",
                  "restored the customer " + item.label(),
                  null,
                  Map.of("name", item.title())));
          return store.byId(h, item.id()).orElseThrow();
        });
  }

  // ---- Contacts ---------------------------------------------------------------------------------

  /**
   * The contacts with this e-mail address (without case) at the live customers of a workspace, with
   * their customer's name, inside the caller's transaction (the feedback import matches people so).
   */
  public List<Map.Entry<Contact, String>> contactsByEmail(
      Handle h, long workspaceId, String email) {
    return store.contactsByEmail(h, workspaceId, email);
  }

  public List<Contact> contacts(User actor, String customerRef) {
    return db.read(h -> store.contacts(h, customerAccess(h, actor, customerRef, false).id()));
  }

  /**
   * The contacts of these customers of a workspace the reader belongs to, by customer, read at once
   * (for forms that offer a contact per customer). Customers of other workspaces are left out.
   */
  public Map<Long, List<Contact>> contactsOf(
      User actor, String workspaceRef, java.util.Collection<Long> customerIds) {
    return db.read(h -> store.contactsOf(h, workspace(h, actor, workspaceRef).id(), customerIds));
  }

  public Contact addContact(User actor, String customerRef, ContactDraft draft) {
    return db.tx(
        h ->
            addContact(
                h,
                actor,
                customerAccess(h, actor, customerRef, false).require(Role.EDITOR, "add contacts"),
                draft));
  }

  /** Adds a contact to a customer inside the caller's transaction (an import's). */
  public Contact addContact(Handle h, User actor, long customerId, ContactDraft draft) {
    return addContact(
        h,
        actor,
        customerAccess(h, actor, Long.toString(customerId), false)
            .require(Role.EDITOR, "add contacts"),
        draft);
  }

  private Contact addContact(Handle h, User actor, ItemAccess access, ContactDraft draft) {
    ContactDraft c = check(draft);
    Validation v = new Validation();
    v.check(
        "name",
        store.contacts(h, access.id()).size() < MAX_CONTACTS,
        "cannot be added: a customer has at most " + MAX_CONTACTS + " contacts");
    v.orThrow();
    long id = store.insertContact(h, access.id(), c, clock.instant());
    audit.record(
        h,
        access
            .item()
            .change(
                actor.id(),
                "customer.contact_added",
                "added " + c.name() + " as a contact of " + access.item().label(),
                null,
                contactFields(c)));
    return store.contact(h, id).orElseThrow();
  }

  public Contact updateContact(
      User actor, String customerRef, long contactId, long expectedVersion, ContactDraft draft) {
    return db.tx(
        h -> {
          ItemAccess access =
              customerAccess(h, actor, customerRef, false).require(Role.EDITOR, "change contacts");
          Contact before = contactOf(h, access, contactId);
          ContactDraft c = check(draft);
          if (!store.updateContact(h, contactId, expectedVersion, c)) {
            throw Conflict.staleVersion("This contact", expectedVersion, before.version());
          }
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "customer.contact_updated",
                      "edited the contact " + c.name() + " of " + access.item().label(),
                      contactFields(
                          new ContactDraft(
                              before.name(), before.email(), before.role(), before.phone())),
                      contactFields(c)));
          return store.contact(h, contactId).orElseThrow();
        });
  }

  public void removeContact(User actor, String customerRef, long contactId, long expectedVersion) {
    db.txVoid(
        h -> {
          ItemAccess access =
              customerAccess(h, actor, customerRef, false).require(Role.EDITOR, "remove contacts");
          Contact before = contactOf(h, access, contactId);
          if (!store.deleteContact(h, contactId, expectedVersion)) {
            throw Conflict.staleVersion("This contact", expectedVersion, before.version());
          }
          audit.record(
              h,
              access
                  .item()
                  .change(
                      actor.id(),
                      "customer.contact_removed",
                      "removed the contact " + before.name() + " of " + access.item().label(),
                      Map.of("name", before.name()),
                      null));
        });
  }

  private Contact contactOf(Handle h, ItemAccess customer, long contactId) {
    return store
        .contact(h, contactId)
        .filter(c -> c.customerId() == customer.id())
        .orElseThrow(() -> new NotFound("contact"));
  }

  /** A contact as it would be saved (values stripped), or every problem with it. */
  static ContactDraft check(ContactDraft d) {
    String name = strip(d.name());
    String email = strip(d.email());
    String role = strip(d.role());
    String phone = strip(d.phone());
    new Validation()
        .text("name", name, MAX_NAME)
        .optionalText("email", email, 254)
        .check(
            "email",
            email.isEmpty() || EMAIL.matcher(email).matches(),
            "must be an e-mail address such as lena@brightwave.com")
        .optionalText("role", role, 100)
        .optionalText("phone", phone, 50)
        .orThrow();
    return new ContactDraft(name, email, role, phone);
  }

  // ---- The audit trail --------------------------------------------------------------------------

  private static Map<String, Object> fields(
      String name, CustomerStore.Row row, CustomerSettings settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("external_id", row.externalId());
    m.put("segment", row.segment());
    m.put("plan", row.plan());
    m.put("tier", row.tier());
    m.put("domain", row.domain());
    m.put("notes", row.notes());
    Revenue r = row.revenue();
    m.put(
        "revenue",
        r == null
            ? null
            : settings.plain(r.minor()) + " " + settings.currencyCode() + " " + r.period().label());
    return m;
  }

  private static Map<String, Object> contactFields(ContactDraft c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("email", c.email());
    m.put("role", c.role());
    m.put("phone", c.phone());
    return m;
  }

  // ---- For other parts of the hat (feedback), inside their transactions ------------------------

  /** The workspace's currency, inside the caller's transaction. */
  public CustomerSettings settings(Handle h, long workspaceId) {
    return store.settings(h, workspaceId);
  }

  /** A live customer of the workspace by id. */
  public java.util.Optional<Customer> liveIn(Handle h, long workspaceId, long customerId) {
    return store
        .byId(h, customerId)
        .filter(c -> c.item().workspaceId() == workspaceId && !c.item().deleted());
  }

  /** The live customers among {@code ids} of a workspace, by id (for sums over revenue). */
  public Map<Long, Customer> liveIn(Handle h, long workspaceId, java.util.Collection<Long> ids) {
    Map<Long, Customer> out = new LinkedHashMap<>();
    for (long id : new java.util.TreeSet<>(ids)) {
      liveIn(h, workspaceId, id).ifPresent(c -> out.put(id, c));
    }
    return out;
  }

  /** A contact of a customer by id. */
  public java.util.Optional<Contact> contactOf(Handle h, long customerId, long contactId) {
    return store.contact(h, contactId).filter(c -> c.customerId() == customerId);
  }

  /**
   * The live customer of a workspace named by its external id or, failing that, by its name
   * (without case); empty when none or several have the name.
   */
  public java.util.Optional<Customer> findByExternalIdOrName(
      Handle h, long workspaceId, String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.Optional<Customer> byExternal =
        store.byExternalId(h, workspaceId, t).filter(c -> !c.item().deleted());
    if (byExternal.isPresent()) {
      return byExternal;
    }
    List<Customer> named = store.liveByName(h, workspaceId, t);
    return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
  }

  /** The first owner of a workspace, by when they joined. */
  public java.util.Optional<Long> firstOwner(Handle h, long workspaceId) {
    return store.firstOwner(h, workspaceId);
  }
}
