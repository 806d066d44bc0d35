package io.hatrack.planning.roi;

import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductService;

/** ROI pages. */
public final class RoiRoutes implements Routes {
  private final RoiService roi;
  private final ProductService products;
  private final CustomerService customers;
  private final Html html;

  public RoiRoutes(RoiService roi, ProductService products, CustomerService customers, Html html) {
    this.roi = roi;
    this.products = products;
    this.customers = customers;
    this.html = html;
  }

  @Override
  public void register(Router r) {}
}
