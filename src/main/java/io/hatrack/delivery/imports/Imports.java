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

  public Imports(DeliveryHat.Kernel kernel) {
    this.kernel = kernel;
  }

  DeliveryHat.Kernel kernel() {
    return kernel;
  }

  /** The part's API and pages. */
  public List<Routes> routes(Html html, ItemPanels panels, ObjectMapper json) {
    return List.of();
  }

  /** The part's share of the demo story. */
  public List<DemoSeed> demo() {
    return List.of();
  }
}
