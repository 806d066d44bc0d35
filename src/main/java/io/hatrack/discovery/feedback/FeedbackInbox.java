package io.hatrack.discovery.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.List;

/**
 * The feedback inbox put together: its store, service, API and pages, so that the discovery hat
 * wires it with a few lines. Other parts (bulk import, search, text analysis, the public portal)
 * reach feedback through {@link #service()}.
 */
public final class FeedbackInbox {
  /** What the inbox takes from the kernel and the rest of the hat. */
  public record Kernel(
      Database db,
      ProductService products,
      ItemService items,
      CustomerService customers,
      WorkspaceService workspaces,
      Collaboration collaboration,
      AuditLog audit,
      Clock clock) {}

  private final Kernel kernel;
  private final FeedbackService feedback;
  private final FeedbackIntake intake;

  /**
   * The inbox, whose feedback {@code search} finds (it registers itself as a source there), with
   * {@code arrivals} told of new feedback (the themes assign it on arrival).
   */
  public FeedbackInbox(Kernel k, ItemKinds kinds, SearchService search, FeedbackArrivals arrivals) {
    this.kernel = k;
    FeedbackSearch documents = new FeedbackSearch(search.index());
    search.register(documents);
    kinds.register(new ItemKind(FeedbackService.KIND, "Feedback", "discovery/feedback"));
    this.feedback =
        new FeedbackService(
            k.db(),
            new FeedbackStore(),
            k.products(),
            k.items(),
            k.customers(),
            k.workspaces(),
            k.collaboration(),
            k.audit(),
            k.clock(),
            documents,
            arrivals);
    this.intake =
        new FeedbackIntake(
            k.db(), feedback, k.products(), k.customers(), k.workspaces(), k.clock());
  }

  public FeedbackService service() {
    return feedback;
  }

  /** Feedback from the command line and from survey answers. */
  public FeedbackIntake intake() {
    return intake;
  }

  /** The API and the pages; registers the JSON of feedback as an item. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    FeedbackApi api = new FeedbackApi(feedback, json);
    representations.register(FeedbackService.KIND, api::representation);
    // Work items (the definition hat's kind) show the demand of the feedback that supports them.
    panels.register(
        access ->
            access.item().kind().equals("work_item")
                ? java.util.Optional.of("/items/" + access.id() + "/demand")
                : java.util.Optional.empty());
    return List.of(
        api, new FeedbackRoutes(feedback, kernel.customers(), kernel.products(), panels));
  }

  /** The inbox's part of the demo story (after the customers and the definition hat's features). */
  public io.hatrack.kernel.demo.DemoSeed demo() {
    return new FeedbackDemo(feedback, kernel.customers(), kernel.items());
  }

  /** Turns each free-text survey answer into feedback with source survey, in its transaction. */
  public io.hatrack.discovery.surveys.FreeTextAnswers surveyAnswers() {
    return (h, a) ->
        intake.fromSurvey(
            h,
            a.survey().item().workspaceId(),
            a.survey().item().productId().longValue(),
            java.util.Arrays.asList(
                a.enteredBy(), a.survey().item().createdBy(), a.survey().item().updatedBy()),
            a.text(),
            a.responseId(),
            a.question().id(),
            a.at());
  }

  Kernel kernel() {
    return kernel;
  }
}
