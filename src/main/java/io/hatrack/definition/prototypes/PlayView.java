package io.hatrack.definition.prototypes;

import java.util.List;

/**
 * What the play page shows: one screen at a time, full width, with links to the screens before and
 * after it in the prototype's order and back to the start.
 *
 * @param screen the screen shown, or null when the prototype has no screens yet
 * @param stage the screen drawn with its hotspots, or null without a screen
 * @param editorUrl the editor's address for signed-in members; null on a share link
 * @param screens every screen with its address, for the list of screens
 */
public record PlayView(
    Prototype prototype,
    Screen screen,
    Stage stage,
    String previousUrl,
    String nextUrl,
    String startUrl,
    String editorUrl,
    List<ScreenLink> screens) {

  /** A screen and the address that plays it. */
  public record ScreenLink(Screen screen, String url, boolean current) {}

  public boolean shared() {
    return editorUrl == null;
  }

  /** The screen's place, counting from 1. */
  public int number() {
    return screen == null ? 0 : prototype.screens().indexOf(screen) + 1;
  }

  /** The play page of a prototype at {@code screen}, with addresses made by {@code urls}. */
  public static PlayView of(Prototype prototype, Screen screen, Urls urls, String editorUrl) {
    if (screen == null) {
      return new PlayView(prototype, null, null, null, null, null, editorUrl, List.of());
    }
    Stage stage =
        Stage.of(prototype, screen, urls.image(screen.id()), hs -> urls.play(hs.targetScreenId()));
    return new PlayView(
        prototype,
        screen,
        stage,
        prototype.before(screen).map(s -> urls.play(s.id())).orElse(null),
        prototype.after(screen).map(s -> urls.play(s.id())).orElse(null),
        prototype.start().map(s -> urls.play(s.id())).orElse(null),
        editorUrl,
        prototype.screens().stream()
            .map(s -> new ScreenLink(s, urls.play(s.id()), s.id() == screen.id()))
            .toList());
  }

  /** How the play page addresses its screens and their images. */
  public interface Urls {
    String play(long screenId);

    String image(long screenId);
  }
}
