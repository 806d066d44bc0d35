package io.hatrack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.DefinitionHat;
import io.hatrack.delivery.DeliveryHat;
import io.hatrack.discovery.DiscoveryHat;
import io.hatrack.escalations.EscalationsHat;
import io.hatrack.kernel.audit.ActivityStore;
import io.hatrack.kernel.audit.AuditLog;
import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.ApiTokenService;
import io.hatrack.kernel.auth.ApiTokenStore;
import io.hatrack.kernel.auth.AttemptStore;
import io.hatrack.kernel.auth.LoginThrottle;
import io.hatrack.kernel.auth.PasswordResetStore;
import io.hatrack.kernel.auth.SecretTokens;
import io.hatrack.kernel.auth.SessionService;
import io.hatrack.kernel.auth.SessionStore;
import io.hatrack.kernel.auth.UserStore;
import io.hatrack.kernel.db.Database;
import io.hatrack.kernel.db.Settings;
import io.hatrack.kernel.demo.DemoClock;
import io.hatrack.kernel.demo.DemoSeed;
import io.hatrack.kernel.demo.DemoStory;
import io.hatrack.kernel.demo.DemoWorkspace;
import io.hatrack.kernel.jobs.JobRoutes;
import io.hatrack.kernel.jobs.Jobs;
import io.hatrack.kernel.search.SearchIndex;
import io.hatrack.kernel.search.SearchService;
import io.hatrack.kernel.web.ApiDocs;
import io.hatrack.kernel.web.Assets;
import io.hatrack.kernel.web.Authentication;
import io.hatrack.kernel.web.Csrf;
import io.hatrack.kernel.web.Errors;
import io.hatrack.kernel.web.Hats;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Json;
import io.hatrack.kernel.web.Markdown;
import io.hatrack.kernel.web.Metrics;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shells;
import io.hatrack.kernel.web.Views;
import io.hatrack.kernel.web.WebServer;
import io.hatrack.kernel.web.routes.AccountApi;
import io.hatrack.kernel.web.routes.AccountPages;
import io.hatrack.kernel.web.routes.CommentApi;
import io.hatrack.kernel.web.routes.InvitationPages;
import io.hatrack.kernel.web.routes.ItemApi;
import io.hatrack.kernel.web.routes.ItemPanelRoutes;
import io.hatrack.kernel.web.routes.LinkApi;
import io.hatrack.kernel.web.routes.MemberPages;
import io.hatrack.kernel.web.routes.NavigationPages;
import io.hatrack.kernel.web.routes.ProductApi;
import io.hatrack.kernel.web.routes.ProductPages;
import io.hatrack.kernel.web.routes.SearchApi;
import io.hatrack.kernel.web.routes.SearchPages;
import io.hatrack.kernel.web.routes.SignInRoutes;
import io.hatrack.kernel.web.routes.WorkspaceApi;
import io.hatrack.kernel.web.routes.WorkspacePages;
import io.hatrack.kernel.work.ActivityFeed;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.CommentService;
import io.hatrack.kernel.work.CommentStore;
import io.hatrack.kernel.work.DependencyCycles;
import io.hatrack.kernel.work.EntityStore;
import io.hatrack.kernel.work.InvitationStore;
import io.hatrack.kernel.work.ItemKind;
import io.hatrack.kernel.work.ItemKinds;
import io.hatrack.kernel.work.ItemService;
import io.hatrack.kernel.work.LinkService;
import io.hatrack.kernel.work.LinkStore;
import io.hatrack.kernel.work.LinkTypes;
import io.hatrack.kernel.work.NotificationService;
import io.hatrack.kernel.work.NotificationStore;
import io.hatrack.kernel.work.Notifier;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.ProductStore;
import io.hatrack.kernel.work.TagService;
import io.hatrack.kernel.work.TagStore;
import io.hatrack.kernel.work.WatcherStore;
import io.hatrack.kernel.work.WorkspaceService;
import io.hatrack.kernel.work.WorkspaceStore;
import io.hatrack.pages.PageApi;
import io.hatrack.pages.PageRoutes;
import io.hatrack.pages.PageService;
import io.hatrack.pages.PageStore;
import io.hatrack.pages.PagesDemo;
import io.hatrack.planning.PlanningHat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the database, stores, services and web server of one Hatrack process
 * with plain constructors, in that order. Adding a hat means constructing its store, service and
 * routes here and adding its demo seed; nothing else in the kernel changes.
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final AppConfig config;
  private final Database db;
  private final ObjectMapper json;
  private final AccountService accounts;
  private final SessionService sessions;
  private final ApiTokenService tokens;
  private final WorkspaceService workspaces;
  private final ProductService products;
  private final ItemService items;
  private final Collaboration collaboration;
  private final Jobs jobs;
  private final PageService pages;
  private final SearchService search;
  private final DefinitionHat definition;
  private final DiscoveryHat discovery;
  private final PlanningHat planning;
  private final DeliveryHat delivery;
  private final EscalationsHat escalations;
  private final List<DemoSeed> demoSeeds;
  private final DemoWorkspace demoWorkspace;
  private final Metrics metrics;
  private final WebServer web;
  private ScheduledExecutorService housekeeping;

  public App(AppConfig config) {
    this.config = config;
    Clock clock = config.clock();
    this.db = Database.open(config.databaseUrl(), config.poolSize());
    try {
      this.json = Json.mapper();

      // Stores: SQL only.
      UserStore userStore = new UserStore();
      WorkspaceStore workspaceStore = new WorkspaceStore();
      ProductStore productStore = new ProductStore();
      EntityStore entityStore = new EntityStore();
      LinkStore linkStore = new LinkStore();
      WatcherStore watcherStore = new WatcherStore();
      NotificationStore notificationStore = new NotificationStore();
      ActivityStore activityStore = new ActivityStore();

      // Kernel services.
      AuditLog audit = new AuditLog(activityStore, json, clock);
      this.accounts =
          new AccountService(
              db, userStore, new PasswordResetStore(), config.hasher(), audit, clock);
      LoginThrottle throttle =
          new LoginThrottle(
              new AttemptStore(AttemptStore.Ledger.LOGIN), clock, Duration.ofMinutes(15), 5, 50);
      this.sessions =
          new SessionService(db, userStore, new SessionStore(), config.hasher(), throttle, clock);
      this.tokens = new ApiTokenService(db, new ApiTokenStore(), userStore, audit, clock);
      this.workspaces =
          new WorkspaceService(db, workspaceStore, new InvitationStore(), userStore, audit, clock);
      this.products = new ProductService(db, productStore, workspaces, audit, clock);
      this.items =
          new ItemService(db, entityStore, productStore, workspaceStore, watcherStore, clock);
      this.jobs = Jobs.standard(workspaces, clock);
      Notifier notifier = new Notifier(notificationStore, watcherStore, workspaceStore, clock);
      ItemKinds kinds = new ItemKinds();
      this.collaboration =
          collaboration(
              new Stores(
                  userStore,
                  workspaceStore,
                  entityStore,
                  linkStore,
                  watcherStore,
                  notificationStore,
                  activityStore),
              notifier,
              audit,
              clock);
      this.demoWorkspace = new DemoWorkspace(db, accounts, workspaces, products);

      // Pages: the foundation's own item type.
      kinds.register(new ItemKind(PageStore.KIND, "Page", "pages"));
      this.pages = new PageService(db, new PageStore(), products, items, notifier, audit);

      // Full-text search: hats put their items into the index as they change them.
      this.search =
          new SearchService(db, SearchIndex.forDialect(db.dialect()), products, workspaces);
      this.definition =
          new DefinitionHat(
              new DefinitionHat.Kernel(
                  db, products, workspaces, items, collaboration, notifier, audit, search, clock),
              kinds);
      this.discovery = discovery(audit, clock, kinds);
      this.planning = planning(audit, clock);
      this.delivery = delivery(audit, clock);
      this.escalations = escalations(audit, clock, kinds);
      search.reindexIfEmpty();

      this.demoSeeds = demoSeeds();
      // Web.
      this.metrics = new Metrics();
      db.pools().forEach(pool -> pool.setMetricRegistry(metrics.registry()));
      Hats hats = hats();
      Assets assets = Assets.standard(htmxVersion());
      Views views = new Views();
      Shells shells =
          new Shells(workspaces, products, collaboration.notifications(), hats, assets, clock);
      Markdown markdown = new Markdown();
      Html html = new Html(views, shells, markdown, workspaces, products);
      Csrf csrf =
          new Csrf(new Settings(db).getOrCreate("csrf_key", () -> SecretTokens.generate("")));
      Authentication authentication =
          new Authentication(sessions, tokens, accounts, csrf, config.secureCookies());
      List<Routes> routes = new ArrayList<>();
      routes.add(new SignInRoutes(accounts, sessions, workspaces, authentication, html, db));
      routes.add(new AccountApi(tokens, collaboration.notifications(), json));
      routes.add(new WorkspaceApi(workspaces, products, collaboration, json, config.baseUrl()));
      routes.add(new ProductApi(products, collaboration.activity(), json));
      ItemRepresentations representations = new ItemRepresentations();
      routes.add(new ItemApi(items, collaboration, representations, json));
      routes.add(new CommentApi(collaboration.comments(), items, html, json));
      routes.add(new LinkApi(collaboration.links(), json));
      routes.add(new JobRoutes(jobs, html));
      routes.add(new PageApi(pages, collaboration.comments(), html, json));
      ItemPanels panels = new ItemPanels(items, collaboration, accounts, html);
      routes.add(new InvitationPages(workspaces, accounts, sessions, authentication, html));
      routes.add(new AccountPages(accounts, sessions, tokens, collaboration.notifications(), html));
      routes.add(new NavigationPages(items, kinds, workspaces, products, html));
      routes.add(new SearchApi(search));
      routes.add(new SearchPages(search, products, kinds, html));
      routes.add(new ItemPanelRoutes(panels));
      routes.add(new WorkspacePages(workspaces, products, collaboration.activity(), html));
      routes.add(new MemberPages(workspaces, html, config.baseUrl()));
      // Hats' pages before the product pages, whose /w/{ws}/{product}/{hat} catches the rest.
      routes.addAll(hatRoutes(html, panels, representations));
      routes.add(new ProductPages(products, items, collaboration.activity(), html));
      this.web = webServer(authentication, views, shells, assets, routes);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private WebServer webServer(
      Authentication authentication,
      Views views,
      Shells shells,
      Assets assets,
      List<Routes> routes) {
    return new WebServer(
        new WebServer.Parts(
            json,
            authentication,
            new Errors(views, shells),
            metrics,
            assets,
            new ApiDocs(Version.current()),
            views,
            shells,
            db::isHealthy,
            Version.current(),
            routes),
        config.host(),
        config.port());
  }

  /** The kernel's stores that more than one service shares. */
  private record Stores(
      UserStore users,
      WorkspaceStore workspaces,
      EntityStore entities,
      LinkStore links,
      WatcherStore watchers,
      NotificationStore notifications,
      ActivityStore activity) {}

  private Collaboration collaboration(Stores s, Notifier notifier, AuditLog audit, Clock clock) {
    return new Collaboration(
        new CommentService(db, new CommentStore(), items, s.watchers(), notifier, audit, clock),
        new LinkService(
            db,
            s.links(),
            new LinkTypes(),
            List.of(new DependencyCycles(s.links(), s.entities(), s.workspaces())),
            items,
            audit,
            clock),
        new TagService(db, new TagStore(), items, audit, clock),
        new NotificationService(db, s.notifications(), s.watchers(), s.users(), items, clock),
        new ActivityFeed(db, s.activity(), items));
  }

  /** The pages and API of the pages and of every hat. */
  private List<Routes> hatRoutes(
      Html html, ItemPanels panels, ItemRepresentations representations) {
    List<Routes> routes = new ArrayList<>();
    routes.add(new PageRoutes(pages, products, panels));
    routes.addAll(discovery.routes(html, panels, representations, json));
    routes.addAll(definition.routes(html, panels, representations, json));
    routes.addAll(planning.routes(html, panels, json));
    routes.addAll(delivery.routes(html, panels, json));
    routes.addAll(escalations.routes(html, panels, json));
    return routes;
  }

  /**
   * Every part of the demo story, in the order it is told; a hat whose items have keys comes after
   * those whose keys the story already names (the pages are CHK-1 and on).
   */
  private List<DemoSeed> demoSeeds() {
    List<DemoSeed> seeds = new ArrayList<>();
    seeds.add(new PagesDemo(pages, collaboration));
    seeds.addAll(definition.demo());
    seeds.addAll(discovery.demo());
    seeds.addAll(planning.demo());
    // After planning: the sprints are of the planning hat's teams.
    seeds.addAll(delivery.demo());
    seeds.addAll(escalations.demo());
    return List.copyOf(seeds);
  }

  /** The discovery hat: customers of the workspace, personas of each product. */
  private DiscoveryHat discovery(AuditLog audit, Clock clock, ItemKinds kinds) {
    return new DiscoveryHat(
        new DiscoveryHat.Kernel(db, products, workspaces, items, collaboration, audit, jobs, clock),
        kinds,
        search);
  }

  /**
   * The planning and roadmap hats, which plan the definition hat's items from discovery's evidence.
   */
  private PlanningHat planning(AuditLog audit, Clock clock) {
    return new PlanningHat(
        new PlanningHat.Kernel(
            db,
            products,
            workspaces,
            items,
            collaboration,
            audit,
            jobs,
            definition,
            discovery,
            clock));
  }

  /** The delivery hat: sprints and ceremonies of the planning hat's teams, importers, exports. */
  private DeliveryHat delivery(AuditLog audit, Clock clock) {
    return new DeliveryHat(
        new DeliveryHat.Kernel(
            db,
            products,
            workspaces,
            items,
            collaboration,
            audit,
            jobs,
            search,
            definition,
            discovery,
            planning,
            clock));
  }

  /** The escalations hat: customers in trouble, with SLA clocks, over discovery's customers. */
  private EscalationsHat escalations(AuditLog audit, Clock clock, ItemKinds kinds) {
    return new EscalationsHat(
        new EscalationsHat.Kernel(
            db,
            products,
            workspaces,
            items,
            collaboration,
            audit,
            jobs,
            definition,
            discovery,
            clock),
        kinds,
        search);
  }

  /** The hats built so far (the sidebar shows the others as coming). */
  private static Hats hats() {
    return new Hats()
        .built("definition")
        .built("discovery")
        .built("feedback")
        .built("planning")
        .built("roadmap")
        .built("delivery")
        .built("escalations");
  }

  private static String htmxVersion() {
    return "2.0.8";
  }

  /** Starts serving HTTP and the periodic housekeeping. */
  public App start() {
    web.start();
    housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hatrack-housekeeping");
              t.setDaemon(true);
              return t;
            });
    housekeeping.scheduleAtFixedRate(this::purge, 1, 60, TimeUnit.MINUTES);
    return this;
  }

  private void purge() {
    try {
      int purged = sessions.purgeExpired();
      if (purged > 0) {
        log.info("removed {} expired sessions", purged);
      }
    } catch (RuntimeException e) {
      log.warn("housekeeping failed: {}", e.getMessage());
    }
  }

  /**
   * Seeds the demo story when nobody has an account yet; returns false (and changes nothing) when
   * the database already has data.
   */
  public boolean seedDemoIfEmpty() {
    if (!accounts.needsSetup()) {
      return false;
    }
    // With a DemoClock the story spreads over the past weeks; with any other clock it all
    // happens now, which tests do not mind.
    DemoClock clock =
        config.clock() instanceof DemoClock demo ? demo : new DemoClock(config.clock().instant());
    DemoStory story = demoWorkspace.create(clock);
    for (DemoSeed seed : demoSeeds) {
      seed.seed(story);
    }
    return true;
  }

  public int port() {
    return web.port();
  }

  /** The address of this server as its users reach it. */
  public String url() {
    return config.baseUrl().replaceFirst(":0$", ":" + port());
  }

  public AppConfig config() {
    return config;
  }

  public Database database() {
    return db;
  }

  public ObjectMapper json() {
    return json;
  }

  public AccountService accounts() {
    return accounts;
  }

  public SessionService sessions() {
    return sessions;
  }

  public ApiTokenService tokens() {
    return tokens;
  }

  public WorkspaceService workspaces() {
    return workspaces;
  }

  public ProductService products() {
    return products;
  }

  public ItemService items() {
    return items;
  }

  public Collaboration collaboration() {
    return collaboration;
  }

  public PageService pages() {
    return pages;
  }

  /** Full-text search over the items of every hat. */
  public SearchService search() {
    return search;
  }

  public DefinitionHat definition() {
    return definition;
  }

  public DiscoveryHat discovery() {
    return discovery;
  }

  /** The planning and roadmap hats. */
  public PlanningHat planning() {
    return planning;
  }

  /** The delivery hat: sprints, ceremonies, importers and exports. */
  public DeliveryHat delivery() {
    return delivery;
  }

  /** The escalations hat. */
  public EscalationsHat escalations() {
    return escalations;
  }

  public WebServer web() {
    return web;
  }

  /** Background jobs (imports) with their progress. */
  public Jobs jobs() {
    return jobs;
  }

  @Override
  public void close() {
    if (housekeeping != null) {
      housekeeping.shutdownNow();
    }
    web.close();
    jobs.close();
    metrics.close();
    db.close();
  }
}
