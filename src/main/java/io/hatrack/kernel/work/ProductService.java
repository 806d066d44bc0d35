package io.hatrack.kernel.work;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.audit.Change;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.db.Database;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Products of a workspace: creating, listing, resolving and editing them. */
public final class ProductService {
  private final Database db;
  private final ProductStore products;
  private final WorkspaceService workspaces;
  private final AuditLog audit;
  private final Clock clock;

  public ProductService(
      Database db,
      ProductStore products,
      WorkspaceService workspaces,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.products = products;
    this.workspaces = workspaces;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a new product or an edit asks for; null fields are proposed (create) or kept (edit). */
  public record ProductInput(String name, String slug, String key, String description) {}

  public Product create(User actor, String workspaceRef, ProductInput input) {
    return db.tx(
        h -> {
          WorkspaceAccess ws =
              workspaces
                  .access(h, actor, new Ref(workspaceRef))
                  .require(Role.ADMIN, "create products");
          return create(h, actor, ws, input);
        });
  }

  public Product create(Handle h, User actor, WorkspaceAccess ws, ProductInput input) {
    ws.require(Role.ADMIN, "create products");
    String name = input.name() == null ? null : input.name().trim();
    String slug = input.slug() == null ? null : input.slug().trim();
    String key = input.key() == null ? null : input.key().trim().toUpperCase(Locale.ROOT);
    String description = input.description() == null ? "" : input.description().trim();
    Validation v = validate(name, slug, key, description);
    v.orThrow();
    slug = slug != null ? slug : freeSlug(h, Slugs.fromName(name));
    key = key != null ? key : freeKey(h, ws.id(), Slugs.keyFromName(name));
    if (products.slugTaken(h, slug, 0)) {
      throw Conflict.taken("slug", slug);
    }
    if (products.keyTaken(h, ws.id(), key, 0)) {
      throw Conflict.taken("key", key);
    }
    Product product =
        products.insert(h, ws.id(), slug, key, name, description, actor.id(), clock.instant());
    audit.record(
        h,
        new Change(
            ws.id(),
            product.id(),
            null,
            actor.id(),
            "product.created",
            "created the product " + name,
            null,
            fields(product),
            true));
    return product;
  }

  private static Validation validate(String name, String slug, String key, String description) {
    Validation v = new Validation();
    v.text("name", name, 80);
    v.matches("slug", slug, Slugs.SLUG, Slugs.SLUG_RULE);
    v.check(
        "slug", slug == null || !Slugs.reserved(slug), "is reserved by Hatrack; choose another");
    v.matches("key", key, Slugs.KEY, Slugs.KEY_RULE);
    v.optionalText("description", description, 2000);
    return v;
  }

  private String freeSlug(Handle h, String base) {
    String candidate = base;
    for (int n = 2; products.slugTaken(h, candidate, 0); n++) {
      candidate = base + "-" + n;
    }
    return candidate;
  }

  private String freeKey(Handle h, long workspaceId, String base) {
    String candidate = base;
    for (int n = 2; products.keyTaken(h, workspaceId, candidate, 0); n++) {
      String suffix = Integer.toString(n);
      candidate = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
    }
    return candidate;
  }

  private static Map<String, Object> fields(Product p) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", p.name());
    map.put("slug", p.slug());
    map.put("key", p.key());
    map.put("description", p.description());
    return map;
  }

  public List<Product> list(User actor, String workspaceRef) {
    return db.read(
        h -> products.inWorkspace(h, workspaces.access(h, actor, new Ref(workspaceRef)).id()));
  }

  public List<Product> list(WorkspaceAccess ws) {
    return db.read(h -> products.inWorkspace(h, ws.id()));
  }

  /** A product by id or slug, if {@code actor} is a member of its workspace. */
  public ProductAccess access(User actor, String ref) {
    return db.read(h -> access(h, actor, ref));
  }

  public ProductAccess access(Handle h, User actor, String ref) {
    Ref r = new Ref(ref);
    Optional<Product> product =
        r.id().isPresent() ? products.byId(h, r.id().getAsLong()) : products.bySlug(h, r.slug());
    Product p = product.orElseThrow(() -> new NotFound("product"));
    try {
      return new ProductAccess(p, workspaces.access(h, actor, p.workspaceId()));
    } catch (NotFound e) {
      throw new NotFound("product");
    }
  }

  /**
   * The products with this slug or key ({@code CHK}), in any workspace, without an access check:
   * for the CLI, which is run by whoever administers the installation.
   */
  public List<Product> findAsAdministrator(Handle h, String ref) {
    String r = ref == null ? "" : ref.trim();
    return products.bySlugOrKey(h, r, r.toUpperCase(java.util.Locale.ROOT));
  }

  /** A product by slug for the public portal, which needs no account. */
  public Optional<Product> publicBySlug(String slug) {
    return db.read(h -> products.bySlug(h, slug == null ? "" : slug.toLowerCase(Locale.ROOT)));
  }

  /** Edits a product if it is still at {@code expectedVersion}. */
  public Product update(User actor, String ref, long expectedVersion, ProductInput input) {
    return db.tx(
        h -> {
          ProductAccess access = access(h, actor, ref).require(Role.ADMIN, "edit products");
          Product current = access.product();
          String name = input.name() == null ? current.name() : input.name().trim();
          String slug = input.slug() == null ? current.slug() : input.slug().trim();
          String key =
              input.key() == null ? current.key() : input.key().trim().toUpperCase(Locale.ROOT);
          String description =
              input.description() == null ? current.description() : input.description().trim();
          validate(name, slug, key, description).orThrow();
          if (products.slugTaken(h, slug, current.id())) {
            throw Conflict.taken("slug", slug);
          }
          if (products.keyTaken(h, current.workspaceId(), key, current.id())) {
            throw Conflict.taken("key", key);
          }
          Product updated =
              products
                  .update(
                      h,
                      current.id(),
                      expectedVersion,
                      slug,
                      key,
                      name,
                      description,
                      clock.instant())
                  .orElseThrow(
                      () ->
                          Conflict.staleVersion("The product", expectedVersion, current.version()));
          audit.record(
              h,
              new Change(
                  current.workspaceId(),
                  current.id(),
                  null,
                  actor.id(),
                  "product.updated",
                  "edited the product " + name,
                  fields(current),
                  fields(updated),
                  true));
          return updated;
        });
  }
}
