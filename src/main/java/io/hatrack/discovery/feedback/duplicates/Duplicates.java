package io.hatrack.discovery.feedback.duplicates;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.feedback.FeedbackService;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The duplicate check put together: its store and service, told of every change of feedback by the
 * feedback service, its API, its pages, and its section on each feedback page's side panel.
 */
public final class Duplicates {
  private final DuplicateService service;
  private final ProductService products;

  public Duplicates(
      Database db, FeedbackService feedback, ProductService products, Jobs jobs, Clock clock) {
    this.products = products;
    this.service = new DuplicateService(db, new DuplicateStore(), feedback, products, jobs, clock);
    feedback.listen(service);
  }

  public DuplicateService service() {
    return service;
  }

  /** The API and the pages (before the inbox's, whose {id} would take "duplicates"). */
  public List<Routes> routes(ItemPanels panels, ObjectMapper json) {
    panels.register(
        access ->
            access.item().kind().equals(FeedbackService.KIND)
                ? Optional.of("/items/" + access.id() + "/duplicates")
                : Optional.empty());
    return List.of(new DuplicateApi(service, json), new DuplicateRoutes(service, products, panels));
  }
}
