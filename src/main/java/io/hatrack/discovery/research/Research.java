package io.hatrack.discovery.research;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
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
 * User research put together: studies with participants and sessions (notes and transcripts),
 * insights highlighted from them, their API, pages and demo part, so that the discovery hat wires
 * them with a few lines.
 */
public final class Research {
  /** What research takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      AuditLog audit,
      Clock clock) {}

  private final Kernel kernel;
  private final StudyService studies;
  private final SessionService sessions;
  private final InsightService insights;

  /** Research, whose insights {@code search} finds (registered there as a source). */
  public Research(Kernel k, ItemKinds kinds, SearchService search) {
    this.kernel = k;
    InsightSearch documents = new InsightSearch(search.index());
    search.register(documents);
    kinds.register(new ItemKind(StudyService.KIND, "Study", "discovery/research"));
    kinds.register(new ItemKind(InsightService.KIND, "Insight", "discovery/insights"));
    ResearchStore store = new ResearchStore();
    this.studies = new StudyService(k.db(), store, k.products(), k.items(), k.audit(), k.clock());
    this.sessions = new SessionService(k.db(), store, studies, k.audit(), k.clock());
    this.insights =
        new InsightService(
            new InsightService.Parts(
                k.db(),
                k.products(),
                k.items(),
                k.collaboration().tags(),
                k.collaboration().links(),
                k.audit(),
                documents),
            new InsightStore(),
            store,
            studies,
            sessions);
  }

  public StudyService studies() {
    return studies;
  }

  public SessionService sessions() {
    return sessions;
  }

  public InsightService insights() {
    return insights;
  }

  /** The API and the pages; registers the JSON of studies and insights as items. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    StudyApi studyApi = new StudyApi(studies, sessions, html, json);
    InsightApi insightApi = new InsightApi(insights, html, json);
    representations.register(StudyService.KIND, studyApi::representation);
    representations.register(InsightService.KIND, insightApi::representation);
    return List.of(
        studyApi,
        insightApi,
        new StudyRoutes(studies, sessions, kernel.products(), panels),
        new SessionRoutes(
            studies, sessions, insights, kernel.products(), kernel.workspaces(), html),
        new InsightRoutes(insights, studies, kernel.products(), panels));
  }

  /** Research's part of the demo story. */
  public DemoSeed demo() {
    return new ResearchDemo(this, kernel.items());
  }
}
