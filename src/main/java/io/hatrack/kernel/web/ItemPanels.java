package io.hatrack.kernel.web;

import io.hatrack.kernel.auth.AccountService;
import io.hatrack.kernel.auth.User;
import io.hatrack.kernel.work.Collaboration;
import io.hatrack.kernel.work.ItemAccess;
import io.hatrack.kernel.work.ItemService;
import java.util.List;

/** Builds the {@link ItemPanel} of an item for the page that shows it. */
public final class ItemPanels {
  private final ItemService items;
  private final Collaboration collaboration;
  private final AccountService accounts;
  private final Html html;
  private final List<Section> sections = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * A hat's own section of the side panel: the address of an HTML fragment for an item, or empty
   * when the hat has nothing to show for it. Registered when the hat is wired.
   */
  @FunctionalInterface
  public interface Section {
    java.util.Optional<String> url(ItemAccess access);
  }

  /** Adds a hat's section to the side panel of every item it answers for. */
  public void register(Section section) {
    sections.add(section);
  }

  public ItemPanels(
      ItemService items, Collaboration collaboration, AccountService accounts, Html html) {
    this.items = items;
    this.collaboration = collaboration;
    this.accounts = accounts;
    this.html = html;
  }

  public ItemPanel build(User user, String itemRef) {
    ItemAccess access = items.access(user, itemRef);
    String ref = Long.toString(access.id());
    Markdown.Context context = html.markdownContext(access.workspace());
    var page = collaboration.comments().list(user, ref, 0, 200);
    List<ItemPanel.RenderedComment> comments =
        page.comments().stream()
            .map(c -> new ItemPanel.RenderedComment(c, html.markdown(c.body(), context)))
            .toList();
    List<User> watchers = collaboration.notifications().watchers(user, ref);
    return new ItemPanel(
        access,
        accounts.byId(access.item().createdBy()).name(),
        accounts.byId(access.item().updatedBy()).name(),
        comments,
        page.total(),
        collaboration.links().list(user, ref),
        List.copyOf(collaboration.links().types().all()),
        collaboration.tags().list(user, ref),
        watchers.stream().anyMatch(w -> w.id() == user.id()),
        watchers,
        collaboration.activity().forItem(user, ref, 0, 15),
        user.id(),
        access.workspace().workspace().slug(),
        sections.stream().flatMap(s -> s.url(access).stream()).toList());
  }

  public Html html() {
    return html;
  }

  public Collaboration collaboration() {
    return collaboration;
  }
}
