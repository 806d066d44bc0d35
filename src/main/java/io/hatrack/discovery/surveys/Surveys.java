package io.hatrack.discovery.surveys;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Surveys put together: their store, services, API, pages, public form and demo part, so that the
 * discovery hat (or {@code App}) wires them with a few lines.
 */
public final class Surveys {
  /** Public submissions allowed per client and survey in {@link #WINDOW}. */
  public static final int SUBMISSIONS = 20;

  public static final Duration WINDOW = Duration.ofMinutes(10);

  /** What surveys take from the kernel. */
  public record Kernel(
      Database db, ProductService products, ItemService items, AuditLog audit, Clock clock) {}

  private final Kernel kernel;
  private final SurveyService surveys;
  private final SurveyResponseService responses;

  public Surveys(Kernel k, ItemKinds kinds) {
    this(k, kinds, FreeTextAnswers.NONE);
  }

  /** Surveys whose free-text answers {@code freeText} hears of (the feedback inbox). */
  public Surveys(Kernel k, ItemKinds kinds, FreeTextAnswers freeText) {
    this.kernel = k;
    kinds.register(new ItemKind(SurveyService.KIND, "Survey", "discovery/surveys"));
    SurveyStore store = new SurveyStore();
    this.surveys = new SurveyService(k.db(), store, k.products(), k.items(), k.audit(), k.clock());
    this.responses =
        new SurveyResponseService(
            k.db(),
            store,
            surveys,
            k.clock(),
            new SurveyResponseService.Limit(SUBMISSIONS, WINDOW),
            freeText);
  }

  public SurveyService surveys() {
    return surveys;
  }

  public SurveyResponseService responses() {
    return responses;
  }

  /** The API, the pages and the public form; registers the JSON of a survey as an item. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    SurveyApi api = new SurveyApi(surveys, responses, json);
    representations.register(SurveyService.KIND, api::representation);
    return List.of(
        api,
        new SurveyRoutes(surveys, responses, kernel.products(), panels),
        new SurveySharePages(surveys, kernel.products(), html),
        new SurveyAnswerPages(responses, html));
  }

  /** Surveys' part of the demo story. */
  public DemoSeed demo() {
    return new SurveysDemo(surveys, responses);
  }

  Kernel kernel() {
    return kernel;
  }
}
