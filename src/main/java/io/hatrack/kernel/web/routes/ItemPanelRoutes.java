package io.hatrack.kernel.web.routes;

import io.hatrack.kernel.Conflict;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.ItemPanel;
import io.hatrack.kernel.web.ItemPanels;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.Shell;
import io.hatrack.kernel.work.Collaboration;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * The browser side of the collaboration kernel on any item: comments, tags, links and watching.
 * With htmx each form answers with the re-rendered part of the panel (with the form's message when
 * it was refused); without JavaScript it redirects back to the item.
 */
public final class ItemPanelRoutes implements Routes {
  private final ItemPanels panels;
  private final Collaboration collaboration;

  public ItemPanelRoutes(ItemPanels panels) {
    this.panels = panels;
    this.collaboration = panels.collaboration();
  }

  @Override
  public void register(Router r) {
    r.postPage("/items/{item}/comments", this::comment);
    r.postPage("/items/{item}/comments/{id}/delete", this::deleteComment);
    r.postPage("/items/{item}/tags", this::tags);
    r.postPage("/items/{item}/links", this::link);
    r.postPage("/links/{id}/delete", this::unlink);
    r.postPage("/items/{item}/watch", ctx -> watch(ctx, true));
    r.postPage("/items/{item}/unwatch", ctx -> watch(ctx, false));
  }

  private void comment(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    Form form = Form.EMPTY;
    try {
      collaboration.comments().add(user, item, ctx.formParam("body"));
    } catch (Invalid e) {
      if (!Requests.isHtmx(ctx)) {
        throw e;
      }
      form = Form.refused(ctx, e);
    }
    answer(ctx, item, "partials/comments.jte", form, "#comments");
  }

  private void deleteComment(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    collaboration.comments().delete(user, Requests.idParam(ctx, "id"), version(ctx));
    answer(ctx, item, "partials/comments.jte", Form.EMPTY, "#comments");
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw Invalid.field("version", "is missing; reload the page");
    }
  }

  private void tags(Context ctx) {
    String item = ctx.pathParam("item");
    String raw = ctx.formParam("tags");
    List<String> tags =
        raw == null || raw.isBlank()
            ? List.of()
            : Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    collaboration.tags().set(Requests.user(ctx), item, tags);
    answer(ctx, item, "partials/panel-tags.jte", Form.EMPTY, "#panel-tags");
  }

  private void link(Context ctx) {
    String item = ctx.pathParam("item");
    Form form = Form.EMPTY;
    try {
      collaboration
          .links()
          .add(Requests.user(ctx), item, ctx.formParam("target"), ctx.formParam("type"));
    } catch (Invalid e) {
      if (!Requests.isHtmx(ctx)) {
        throw e;
      }
      form = Form.refused(ctx, e);
    } catch (Conflict e) {
      if (!Requests.isHtmx(ctx)) {
        throw e;
      }
      form = Form.refused(ctx, e.getMessage());
    }
    answer(ctx, item, "partials/panel-links.jte", form, "#panel-links");
  }

  private void unlink(Context ctx) {
    collaboration.links().remove(Requests.user(ctx), Requests.idParam(ctx, "id"));
    answer(
        ctx,
        String.valueOf(ctx.formParam("item")),
        "partials/panel-links.jte",
        Form.EMPTY,
        "#panel-links");
  }

  private void watch(Context ctx, boolean on) {
    String item = ctx.pathParam("item");
    if (on) {
      collaboration.notifications().watch(Requests.user(ctx), item);
    } else {
      collaboration.notifications().unwatch(Requests.user(ctx), item);
    }
    answer(ctx, item, "partials/panel-watch.jte", Form.EMPTY, "#panel-watch");
  }

  private void answer(Context ctx, String item, String template, Form form, String anchor) {
    if (!Requests.isHtmx(ctx)) {
      ctx.redirect("/i/" + item + (anchor.equals("#comments") ? anchor : ""));
      return;
    }
    // A refused form still answers 200 to htmx: the fragment shows the message in place, and
    // htmx only swaps successful answers.
    ItemPanel panel = panels.build(Requests.user(ctx), item);
    Shell shell = panels.html().shells().fragment(ctx);
    panels.html().fragment(ctx, template, "shell", shell, "panel", panel, "form", form);
  }
}
