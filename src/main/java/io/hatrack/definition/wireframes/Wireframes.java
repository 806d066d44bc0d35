package io.hatrack.definition.wireframes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.List;

/**
 * The wireframes and image attachments of the definition hat put together: stores, services, routes
 * and demo part. {@code DefinitionHat} builds one and adds its routes and demo seed.
 */
public final class Wireframes {
  /** What this part takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      ItemService items,
      Collaboration collaboration,
      Notifier notifier,
      AuditLog audit,
      Clock clock) {}

  private final Kernel kernel;
  private final WireframeService wireframes;
  private final AttachmentService attachments;

  public Wireframes(Kernel k, ItemKinds kinds) {
    this.kernel = k;
    kinds.register(new ItemKind(WireframeStore.KIND, "Wireframe", "definition/wireframes"));
    this.wireframes =
        new WireframeService(
            new WireframeService.Kernel(
                k.db(), k.products(), k.items(), k.notifier(), k.audit(), k.clock()),
            new WireframeStore(),
            new SaltRenderer());
    this.attachments =
        new AttachmentService(k.db(), new AttachmentStore(), k.items(), k.audit(), k.clock());
  }

  /** The API and pages of wireframes and attachments. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    WireframeApi api = new WireframeApi(wireframes, json);
    representations.register(
        WireframeStore.KIND, (user, access) -> api.json(wireframes.get(user, "" + access.id())));
    return List.of(
        api,
        new AttachmentApi(attachments),
        new WireframeRoutes(wireframes, attachments, kernel.products(), panels),
        new AttachmentRoutes(attachments, html));
  }

  /** The demo's wireframes and an attached image, on Checkout's saved-cards feature. */
  public DemoSeed demo() {
    return new WireframesDemo(wireframes, attachments, kernel.items(), kernel.collaboration());
  }

  public WireframeService wireframes() {
    return wireframes;
  }

  public AttachmentService attachments() {
    return attachments;
  }
}
