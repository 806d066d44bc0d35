package io.hatrack.discovery.research;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.NotFound;
import io.hatrack.kernel.auth.Role;
import io.hatrack.kernel.web.Flashes;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.Html;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.ProductAccess;
import io.hatrack.kernel.work.ProductService;
import io.hatrack.kernel.work.WorkspaceService;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Research studies in the browser: the list, a study's page (goals, participants, sessions, the
 * item side panel), writing and editing studies, adding and removing participants.
 */
public final class StudyRoutes implements Routes {
  static final String HAT = "/w/{ws}/{product}/discovery";
  static final String BASE = HAT + "/research";

  private final StudyService studies;
  private final ProductService products;
  private final SessionService sessions;
  private final ItemPanels panels;
  private final Html html;

  public StudyRoutes(
      StudyService studies, SessionService sessions, ProductService products, ItemPanels panels) {
    this.studies = studies;
    this.sessions = sessions;
    this.products = products;
    this.panels = panels;
    this.html = panels.html();
  }

  /** An option of a select: its value and how it reads. */
  public record Choice(String value, String label) {}

  @Override
  public void register(Router r) {
    r.getPage(BASE, this::list);
    r.getPage(BASE + "/new", this::newForm);
    r.postPage(BASE, this::create);
    r.getPage(BASE + "/{id}", this::show);
    r.getPage(BASE + "/{id}/edit", this::editForm);
    r.postPage(BASE + "/{id}", this::update);
    r.postPage(BASE + "/{id}/delete", this::delete);
    r.postPage(BASE + "/{id}/restore", this::restore);
    r.postPage(BASE + "/{id}/participants", this::addParticipant);
    r.postPage(BASE + "/{id}/participants/{participant}/delete", this::removeParticipant);
  }

  static String hat(ProductAccess product) {
    return "/w/"
        + product.workspace().workspace().slug()
        + "/"
        + product.product().slug()
        + "/discovery";
  }

  static String base(ProductAccess product) {
    return hat(product) + "/research";
  }

  static List<Shell.Crumb> crumbs(ProductAccess product, Shell.Crumb... more) {
    List<Shell.Crumb> all = new ArrayList<>();
    all.add(new Shell.Crumb("Discovery", hat(product)));
    all.add(new Shell.Crumb("Research", more.length == 0 ? null : base(product)));
    all.addAll(List.of(more));
    return all;
  }

  /** The study of the address, which must belong to its product. */
  static Study study(Context ctx, StudyService studies, ProductAccess product) {
    Study s = studies.get(Requests.user(ctx), ctx.pathParam("id")).study();
    if (!Objects.equals(s.item().productId(), product.id())) {
      throw new NotFound("study");
    }
    return s;
  }

  private void list(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    StudyService.Listing listing =
        studies.list(Requests.user(ctx), Long.toString(product.id()), null, 200);
    Shell shell = html.shells().product(ctx, product, "discovery", "Research", crumbs(product));
    html.page(
        ctx,
        "discovery/research/list.jte",
        shell,
        "product",
        product,
        "studies",
        listing.slice().items(),
        "total",
        listing.slice().total(),
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private void show(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    renderShow(ctx, product, study(ctx, studies, product), Form.EMPTY);
  }

  private void renderShow(Context ctx, ProductAccess product, Study s, Form participantForm) {
    var user = Requests.user(ctx);
    ItemPanel panel = panels.build(user, Long.toString(s.id()));
    StudyService.View view = studies.get(user, Long.toString(s.id()));
    Shell shell =
        html.shells()
            .product(
                ctx,
                product,
                "discovery",
                s.title(),
                crumbs(product, new Shell.Crumb(s.key(), null)));
    html.page(
        ctx,
        "discovery/research/show.jte",
        shell,
        "study",
        s,
        "goals",
        html.markdown(s.goals(), html.markdownContext(product.workspace())),
        "participants",
        view.participants(),
        "sessions",
        sessionsOf(ctx, s),
        "customers",
        panel.canEdit() ? customerChoices(ctx, product) : List.of(),
        "participantForm",
        participantForm,
        "panel",
        panel,
        "hat",
        hat(product),
        "base",
        base(product));
  }

  private List<Session> sessionsOf(Context ctx, Study s) {
    return sessions.list(Requests.user(ctx), Long.toString(s.id()));
  }

  private List<Choice> customerChoices(Context ctx, ProductAccess product) {
    List<Choice> out = new ArrayList<>();
    long last = -1;
    for (CustomerChoice c :
        studies.customerChoices(Requests.user(ctx), Long.toString(product.id()))) {
      if (c.customerId() != last) {
        out.add(new Choice(c.customerId() + ":", c.customerName() + " (the company)"));
        last = c.customerId();
      }
      if (c.contactId() != null) {
        out.add(new Choice(c.value(), c.label()));
      }
    }
    return out;
  }

  private void newForm(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "create studies");
    renderEditor(ctx, product, null, Form.of("status", "planned"), null);
  }

  private static StudyDraft draft(Context ctx) {
    return new StudyDraft(
        ctx.formParam("title"),
        ctx.formParam("goals"),
        ctx.formParam("status"),
        ctx.formParam("starts_on"),
        ctx.formParam("ends_on"));
  }

  private void create(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    try {
      Study s = studies.create(Requests.user(ctx), Long.toString(product.id()), draft(ctx));
      Flashes.success(ctx, "Created the study " + s.title() + ".");
      ctx.redirect(base(product) + "/" + s.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, null, Form.refused(ctx, e), null);
    }
  }

  private void editForm(Context ctx) {
    ProductAccess product = Requests.product(ctx, products).require(Role.EDITOR, "change studies");
    Study s = study(ctx, studies, product);
    renderEditor(
        ctx,
        product,
        s,
        Form.of(
            "title",
            s.title(),
            "goals",
            s.goals(),
            "status",
            s.status().id(),
            "starts_on",
            s.startsOn() == null ? "" : s.startsOn().toString(),
            "ends_on",
            s.endsOn() == null ? "" : s.endsOn().toString(),
            "version",
            Long.toString(s.version())),
        null);
  }

  static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")).trim());
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page and try again");
    }
  }

  private void update(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = study(ctx, studies, product);
    long version = version(ctx);
    try {
      studies.update(Requests.user(ctx), Long.toString(s.id()), version, draft(ctx));
      Flashes.success(ctx, "Saved.");
      ctx.redirect(base(product) + "/" + s.id());
    } catch (Invalid e) {
      ctx.status(422);
      renderEditor(ctx, product, s, Form.refused(ctx, e), null);
    } catch (Conflict e) {
      ctx.status(409);
      renderEditor(ctx, product, s, Form.refused(ctx, e.getMessage()), s);
    }
  }

  private void renderEditor(
      Context ctx, ProductAccess product, Study study, Form form, Study theirs) {
    String title = study == null ? "New study" : "Edit " + study.title();
    List<Shell.Crumb> crumbs =
        study == null
            ? crumbs(product, new Shell.Crumb("New", null))
            : crumbs(
                product,
                new Shell.Crumb(study.key(), base(product) + "/" + study.id()),
                new Shell.Crumb("Edit", null));
    Shell shell = html.shells().product(ctx, product, "discovery", title, crumbs);
    html.page(
        ctx,
        "discovery/research/edit.jte",
        shell,
        "study",
        study,
        "form",
        form,
        "theirs",
        theirs,
        "hat",
        hat(product),
        "base",
        base(product),
        "workspace",
        product.workspace().workspace().slug());
  }

  private void delete(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = study(ctx, studies, product);
    long version;
    try {
      version = version(ctx);
    } catch (Invalid e) {
      version = s.version();
    }
    studies.delete(Requests.user(ctx), Long.toString(s.id()), version);
    Flashes.withAction(
        ctx,
        "Deleted the study " + s.title() + ".",
        "Undo",
        base(product) + "/" + s.id() + "/restore");
    ctx.redirect(base(product));
  }

  private void restore(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    studies.idIn(Requests.user(ctx), Long.toString(product.id()), ctx.pathParam("id"), true);
    Study s = studies.restore(Requests.user(ctx), ctx.pathParam("id"));
    Flashes.success(ctx, "Restored the study " + s.title() + ".");
    ctx.redirect(base(product) + "/" + s.id());
  }

  private void addParticipant(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = study(ctx, studies, product);
    Long customer = null;
    Long contact = null;
    String who = ctx.formParam("customer");
    if (who != null && who.contains(":")) {
      try {
        customer = Long.parseLong(who.substring(0, who.indexOf(':')));
        String c = who.substring(who.indexOf(':') + 1);
        contact = c.isEmpty() ? null : Long.parseLong(c);
      } catch (NumberFormatException e) {
        customer = null;
      }
    }
    try {
      Participant p =
          studies.addParticipant(
              Requests.user(ctx),
              Long.toString(s.id()),
              new ParticipantDraft(
                  ctx.formParam("name"),
                  customer,
                  contact,
                  ctx.formParam("role"),
                  ctx.formParam("notes")));
      Flashes.success(ctx, "Added " + p.name() + " to the participants.");
      ctx.redirect(base(product) + "/" + s.id() + "#participants");
    } catch (Invalid e) {
      ctx.status(422);
      renderShow(ctx, product, s, Form.refused(ctx, e));
    }
  }

  private void removeParticipant(Context ctx) {
    ProductAccess product = Requests.product(ctx, products);
    Study s = study(ctx, studies, product);
    long id = Requests.idParam(ctx, "participant");
    Participant p = studies.participant(Requests.user(ctx), Long.toString(s.id()), id);
    long version;
    try {
      version = version(ctx);
    } catch (Invalid e) {
      version = p.version();
    }
    studies.removeParticipant(Requests.user(ctx), Long.toString(s.id()), id, version);
    Flashes.success(ctx, "Removed " + p.name() + " from the participants.");
    ctx.redirect(base(product) + "/" + s.id() + "#participants");
  }

  /** The members of the product's workspace, as interviewers to choose from. */
  static List<Choice> interviewers(WorkspaceService workspaces, ProductAccess product) {
    return workspaces.members(product.workspace()).stream()
        .map(m -> new Choice(Long.toString(m.user().id()), m.user().name()))
        .toList();
  }
}
