package io.hatrack.delivery.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import java.util.List;

/**
 * Importers from Jira CSV, GitHub issues JSON, Trello board JSON and generic CSV, and exports of
 * every item type.
 */
public final class Imports {
  private final DeliveryHat.Kernel kernel;
  private final ItemImport items;
  private final ItemExport export;

  public Imports(DeliveryHat.Kernel kernel) {
    this.kernel = kernel;
    this.items = new ItemImport(kernel);
    this.export = new ItemExport(kernel);
  }

  DeliveryHat.Kernel kernel() {
    return kernel;
  }

  /** The import of work items from other tools' files. */
  public ItemImport items() {
    return items;
  }

  /** The export of a product's work items as CSV or JSON. */
  public ItemExport export() {
    return export;
  }

  /** The part's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of(new ImportApi(items, export), new ImportRoutes(items, kernel.products(), html));
  }

  /** The part's share of the demo story: none (imports bring a team's own data in). */
  public List<DemoSeed> demo() {
    return List.of();
  }
}
