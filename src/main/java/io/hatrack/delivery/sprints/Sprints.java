package io.hatrack.delivery.sprints;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import java.util.List;

/**
 * Sprints per team: planning, commitment, scope changes, closing with carry-over, burndown, burnup
 * and velocity.
 */
public final class Sprints {
  private final DeliveryHat.Kernel kernel;

  public Sprints(DeliveryHat.Kernel kernel) {
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
