package io.hatrack.planning.roi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductService;
import java.util.List;

/**
 * ROI models put together: service, API, pages and demo, so that the planning hat wires them with a
 * few lines. Amounts are shown in the workspace's currency (the discovery hat's setting).
 */
public final class RoiModels {
  private final RoiService service;
  private final ProductService products;
  private final CustomerService customers;

  public RoiModels(RoiService service, ProductService products, CustomerService customers) {
    this.service = service;
    this.products = products;
    this.customers = customers;
  }

  public RoiService service() {
    return service;
  }

  public List<Routes> routes(Html html, ObjectMapper json) {
    return List.of(
        new RoiApi(service, json), new RoiRoutes(service, products, customers, html, json));
  }

  /** Checkout's ROI models: after the definition demo, whose features they are for. */
  public DemoSeed demo() {
    return new RoiDemo(service);
  }
}
