package io.hatrack.discovery.feedback.themes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.feedback.FeedbackArrivals;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductService;
import java.util.List;

/**
 * The themes of feedback put together: service, API, pages and demo, so that the discovery hat
 * wires them with a few lines. The inbox tells {@link #arrivals()} of new feedback.
 */
public final class FeedbackThemes {
  private final ThemeService service;
  private final ProductService products;
  private final Jobs jobs;

  public FeedbackThemes(ThemeService.Parts parts) {
    this.service = new ThemeService(parts);
    this.products = parts.products();
    this.jobs = parts.jobs();
  }

  public ThemeService service() {
    return service;
  }

  /** Gives new feedback its nearest theme, in the transaction that adds it. */
  public FeedbackArrivals arrivals() {
    return service.arrivals();
  }

  public List<Routes> routes(Html html, ObjectMapper json) {
    return List.of(new ThemeApi(service, json), new ThemeRoutes(service, products, jobs, html));
  }

  /** Groups the demo's feedback into themes (after all the demo's feedback is in). */
  public DemoSeed demo() {
    return new ThemesDemo(service);
  }
}
