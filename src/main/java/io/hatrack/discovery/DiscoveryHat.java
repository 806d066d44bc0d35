package io.hatrack.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.customers.CustomerApi;
import io.hatrack.discovery.customers.CustomerImport;
import io.hatrack.discovery.customers.CustomerImportRoutes;
import io.hatrack.discovery.customers.CustomerRoutes;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.discovery.customers.CustomerStore;
import io.hatrack.discovery.customers.CustomersDemo;
import io.hatrack.discovery.feedback.FeedbackInbox;
import io.hatrack.discovery.feedback.duplicates.Duplicates;
import io.hatrack.discovery.feedback.imports.FeedbackImport;
import io.hatrack.discovery.feedback.imports.FeedbackImportApi;
import io.hatrack.discovery.feedback.imports.FeedbackImportRoutes;
import io.hatrack.discovery.feedback.themes.FeedbackThemes;
import io.hatrack.discovery.feedback.themes.ThemeService;
import io.hatrack.discovery.personas.PersonaApi;
import io.hatrack.discovery.personas.PersonaRoutes;
import io.hatrack.discovery.personas.PersonaService;
import io.hatrack.discovery.personas.PersonaStore;
import io.hatrack.discovery.personas.PersonasDemo;
import io.hatrack.discovery.portal.Portal;
import io.hatrack.discovery.portal.PortalLimits;
import io.hatrack.discovery.research.Research;
import io.hatrack.discovery.surveys.Surveys;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The discovery hat put together: customers of the workspace (with contacts, revenue in the
 * workspace's currency and CSV import), personas of each product, surveys, the feedback inbox, the
 * public feedback portal, and user research (studies, interview sessions with transcripts,
 * insights). {@code App} constructs one and asks it for its routes and demo seeds.
 */
public final class DiscoveryHat {

  /** What the hat takes from the kernel. */
  public record Kernel(
      Database db,
      ProductService products,
      WorkspaceService workspaces,
      ItemService items,
      Collaboration collaboration,
      AuditLog audit,
      Jobs jobs,
      Clock clock) {}

  private final Kernel kernel;
  private final CustomerService customers;
  private final CustomerImport imports;
  private final PersonaService personas;
  private final Surveys surveys;
  private final FeedbackInbox feedback;
  private final FeedbackImport feedbackImport;
  private final Research research;
  private final Portal portal;
  private final Duplicates duplicates;
  private final FeedbackThemes themes;

  /** The hat; its feedback and insights go into {@code search}'s index. */
  public DiscoveryHat(Kernel k, ItemKinds kinds, SearchService search) {
    this.kernel = k;
    kinds.register(new ItemKind(CustomerService.KIND, "Customer", "discovery/customers"));
    kinds.register(new ItemKind(PersonaService.KIND, "Persona", "discovery/personas"));
    CustomerStore store = new CustomerStore();
    this.customers =
        new CustomerService(k.db(), store, k.workspaces(), k.items(), k.audit(), k.clock());
    this.imports = new CustomerImport(k.db(), store, customers, k.workspaces(), k.clock());
    this.personas =
        new PersonaService(k.db(), new PersonaStore(), k.products(), k.items(), k.audit());
    this.themes =
        new FeedbackThemes(
            new ThemeService.Parts(
                k.db(),
                k.products(),
                k.items(),
                k.workspaces(),
                customers,
                k.jobs(),
                k.audit(),
                k.clock()));
    this.feedback =
        new FeedbackInbox(
            new FeedbackInbox.Kernel(
                k.db(),
                k.products(),
                k.items(),
                customers,
                k.workspaces(),
                k.collaboration(),
                k.audit(),
                k.clock()),
            kinds,
            search,
            themes.arrivals());
    this.duplicates = new Duplicates(k.db(), feedback.service(), k.products(), k.jobs(), k.clock());
    this.feedbackImport =
        new FeedbackImport(
            new FeedbackImport.Parts(
                k.db(),
                feedback.service(),
                customers,
                k.products(),
                k.collaboration().tags(),
                k.jobs(),
                k.clock()));
    this.surveys =
        new Surveys(
            new Surveys.Kernel(k.db(), k.products(), k.items(), k.audit(), k.clock()),
            kinds,
            feedback.surveyAnswers());
    this.research =
        new Research(
            new Research.Kernel(
                k.db(),
                k.products(),
                k.workspaces(),
                k.items(),
                k.collaboration(),
                k.audit(),
                k.clock()),
            kinds,
            search);
    this.portal =
        new Portal(
            new Portal.Kernel(
                k.db(),
                k.products(),
                k.workspaces(),
                k.items(),
                feedback.service(),
                k.audit(),
                k.clock()),
            PortalLimits.STANDARD);
  }

  /** The hat's API and pages; registers how its items answer the uniform item endpoint. */
  public List<Routes> routes(
      Html html, ItemPanels panels, ItemRepresentations representations, ObjectMapper json) {
    List<Routes> routes = new ArrayList<>();
    CustomerApi customerApi = new CustomerApi(customers, imports, json);
    representations.register(CustomerService.KIND, customerApi::representation);
    routes.add(customerApi);
    PersonaApi personaApi = new PersonaApi(personas, html, json);
    representations.register(PersonaService.KIND, personaApi::representation);
    routes.add(personaApi);
    // The import's pages before the customer pages, whose {id} would take "import".
    routes.add(new CustomerImportRoutes(imports, kernel.products(), html));
    routes.add(new CustomerRoutes(customers, kernel.products(), panels));
    routes.add(new PersonaRoutes(personas, kernel.products(), panels));
    routes.addAll(surveys.routes(html, panels, representations, json));
    // The import's pages before the inbox's, whose {id} would take "import".
    routes.add(new FeedbackImportApi(feedbackImport));
    routes.add(new FeedbackImportRoutes(feedbackImport, kernel.products(), html));
    routes.addAll(duplicates.routes(panels, json));
    routes.addAll(feedback.routes(html, panels, representations, json));
    routes.addAll(themes.routes(html, json));
    routes.addAll(research.routes(html, panels, representations, json));
    routes.addAll(portal.routes(html, panels, json));
    // The Feedback hat of the sidebar: its pages live beside the rest of discovery.
    routes.add(
        r ->
            r.getPage(
                "/w/{ws}/{product}/feedback",
                ctx -> {
                  ProductAccess product = Requests.product(ctx, kernel.products());
                  ctx.redirect(
                      "/w/"
                          + product.workspace().workspace().slug()
                          + "/"
                          + product.product().slug()
                          + "/discovery/feedback");
                }));
    return routes;
  }

  /** The hat's part of the demo story. */
  public List<DemoSeed> demo() {
    return List.of(
        new CustomersDemo(customers, kernel.collaboration()),
        new PersonasDemo(personas),
        surveys.demo(),
        feedback.demo(),
        portal.demo(),
        research.demo(),
        themes.demo());
  }

  /** Themes of each product's feedback: grouping, renaming, merging, splitting, tagging. */
  public FeedbackThemes themes() {
    return themes;
  }

  /** Customers of a workspace, their contacts, and the workspace's currency. */
  public CustomerService customers() {
    return customers;
  }

  /** Customer CSV import: check, preview, confirm; all or nothing. */
  public CustomerImport imports() {
    return imports;
  }

  /** Personas of a product. */
  public PersonaService personas() {
    return personas;
  }

  /** Bulk import of feedback from CSV and JSON files, as background jobs. */
  public FeedbackImport feedbackImport() {
    return feedbackImport;
  }

  /** Near-duplicate feedback: checked on arrival and by scans, suggested, merged or dismissed. */
  public Duplicates duplicates() {
    return duplicates;
  }

  /** The feedback inbox of each product: feedback, links to work items, merging, demand. */
  public FeedbackInbox feedback() {
    return feedback;
  }

  /** User research of a product: studies, sessions with transcripts, insights. */
  public Research research() {
    return research;
  }

  /** Surveys of a product: builder, public answers, results. */
  public Surveys surveys() {
    return surveys;
  }

  /** The public feedback portal of each product: ideas, votes, comments, moderation. */
  public Portal portal() {
    return portal;
  }
}
