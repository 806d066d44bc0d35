package io.hatrack.kernel.web.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.kernel.audit.ActivityEntry;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.web.ItemRepresentations;
import io.hatrack.kernel.web.Requests;
import io.hatrack.kernel.web.Router;
import io.hatrack.kernel.web.Routes;
import io.hatrack.kernel.web.routes.KernelJson.ActivityJson;
import io.hatrack.kernel.web.routes.KernelJson.ItemJson;
import io.hatrack.kernel.web.routes.KernelJson.TagInput;
import io.hatrack.kernel.web.routes.KernelJson.TagsJson;
import io.hatrack.kernel.web.routes.KernelJson.UserJson;
import io.hatrack.kernel.web.routes.KernelJson.WatchersJson;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import io.javalin.http.Context;

/**
 * What every item has, whatever its hat, in one uniform API under {@code /api/v1/items/{item}}:
 * identity, activity, tags and watchers. Comments and links have their own route classes.
 */
public final class ItemApi implements Routes {
  private static final String TAG = "Items";

  private final ItemService items;
  private final Collaboration collaboration;
  private final ItemRepresentations representations;
  private final ObjectMapper json;

  public ItemApi(
      ItemService items,
      Collaboration collaboration,
      ItemRepresentations representations,
      ObjectMapper json) {
    this.items = items;
    this.collaboration = collaboration;
    this.representations = representations;
    this.json = json;
  }

  @Override
  public void register(Router r) {
    r.get("/api/v1/items/{item}", this::get)
        .summary("Any item by id or key (e.g. CHK-42)")
        .description(
            "Work items answer with their full representation (as the work-item endpoints do);"
                + " other kinds with the generic item fields.")
        .tag(TAG)
        .etag()
        .returns(200, ItemJson.class);
    r.get("/api/v1/items/{item}/activity", this::activity)
        .summary("An item's activity, newest first")
        .tag(TAG)
        .paged()
        .returnsList(ActivityJson.class);
    r.get(
            "/api/v1/items/{item}/tags",
            ctx ->
                ctx.json(
                    new TagsJson(
                        collaboration.tags().list(Requests.user(ctx), ctx.pathParam("item")))))
        .summary("An item's tags")
        .tag("Tags")
        .returns(200, TagsJson.class);
    r.put("/api/v1/items/{item}/tags", this::setTags)
        .summary("Replace an item's tags (editors)")
        .tag("Tags")
        .body(TagsJson.class)
        .returns(200, TagsJson.class);
    r.post("/api/v1/items/{item}/tags", this::addTag)
        .summary("Add one tag to an item (editors)")
        .tag("Tags")
        .body(TagInput.class)
        .returns(200, TagsJson.class);
    r.delete(
            "/api/v1/items/{item}/tags/{tag}",
            ctx ->
                ctx.json(
                    new TagsJson(
                        collaboration
                            .tags()
                            .remove(
                                Requests.user(ctx), ctx.pathParam("item"), ctx.pathParam("tag")))))
        .summary("Remove one tag from an item (editors)")
        .tag("Tags")
        .returns(200, TagsJson.class);
    r.get("/api/v1/items/{item}/watchers", this::watchers)
        .summary("Who watches an item, and whether you do")
        .tag("Notifications")
        .returns(200, WatchersJson.class);
    r.put(
            "/api/v1/items/{item}/watch",
            ctx -> {
              collaboration.notifications().watch(Requests.user(ctx), ctx.pathParam("item"));
              watchers(ctx);
            })
        .summary("Watch an item: its comments and changes will notify you")
        .tag("Notifications")
        .returns(200, WatchersJson.class);
    r.delete(
            "/api/v1/items/{item}/watch",
            ctx -> {
              collaboration.notifications().unwatch(Requests.user(ctx), ctx.pathParam("item"));
              watchers(ctx);
            })
        .summary("Stop watching an item")
        .tag("Notifications")
        .returns(200, WatchersJson.class);
  }

  private void get(Context ctx) {
    User user = Requests.user(ctx);
    ItemAccess access = items.access(user, ctx.pathParam("item"));
    Requests.etag(ctx, access.item().version());
    var representation = representations.forKind(access.item().kind());
    ctx.json(
        representation.isPresent()
            ? representation.get().apply(user, access)
            : ItemJson.of(access.item()));
  }

  private void activity(Context ctx) {
    int limit = Requests.limit(ctx, 50);
    var page =
        collaboration
            .activity()
            .pageForItem(
                Requests.user(ctx), ctx.pathParam("item"), Requests.cursorId(ctx), limit + 1);
    ctx.json(
        Listings.of(
            page.entries(), limit, page.total(), ActivityEntry::id, a -> ActivityJson.of(a, json)));
  }

  private void setTags(Context ctx) {
    TagsJson input = Requests.body(ctx, json, TagsJson.class);
    ctx.json(
        new TagsJson(
            collaboration.tags().set(Requests.user(ctx), ctx.pathParam("item"), input.tags())));
  }

  private void addTag(Context ctx) {
    TagInput input = Requests.body(ctx, json, TagInput.class);
    ctx.json(
        new TagsJson(
            collaboration.tags().add(Requests.user(ctx), ctx.pathParam("item"), input.name())));
  }

  private void watchers(Context ctx) {
    User user = Requests.user(ctx);
    String item = ctx.pathParam("item");
    var watchers = collaboration.notifications().watchers(user, item);
    ctx.json(
        new WatchersJson(
            watchers.stream().anyMatch(u -> u.id() == user.id()),
            watchers.stream().map(UserJson::of).toList()));
  }
}
