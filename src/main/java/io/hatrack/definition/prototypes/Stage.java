package io.hatrack.definition.prototypes;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A screen as the browser draws it: an inline SVG in the screen's own units with its image and one
 * link per hotspot, so that positions need no style attributes and playing needs no script.
 *
 * @param imageUrl where the browser fetches the screen's image
 * @param spots the hotspots as links, in the order they were drawn
 */
public record Stage(Screen screen, String imageUrl, List<Spot> spots) {

  /**
   * A hotspot as a link; its rectangle is in the screen's units.
   *
   * @param title what the link says to assistive technology and on hover
   */
  public record Spot(
      Hotspot hotspot,
      String href,
      String title,
      String x,
      String y,
      String width,
      String height) {}

  /** The stage of {@code screen} with each hotspot linking to {@code href.apply(hotspot)}. */
  public static Stage of(
      Prototype prototype, Screen screen, String imageUrl, Function<Hotspot, String> href) {
    List<Spot> spots =
        screen.hotspots().stream()
            .map(
                hs -> {
                  HotspotArea a = hs.area();
                  return new Spot(
                      hs,
                      href.apply(hs),
                      title(prototype, hs),
                      units(a.x() * screen.width()),
                      units(a.y() * screen.height()),
                      units(a.w() * screen.width()),
                      units(a.h() * screen.height()));
                })
            .toList();
    return new Stage(screen, imageUrl, spots);
  }

  private static String title(Prototype prototype, Hotspot hs) {
    String target =
        prototype.screen(hs.targetScreenId()).map(Screen::name).orElse("another screen");
    return hs.label().isEmpty() ? "Go to " + target : hs.label() + " \u2192 " + target;
  }

  private static String units(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
  }

  public String viewBox() {
    return "0 0 " + screen.width() + " " + screen.height();
  }

  public int width() {
    return screen.width();
  }

  public int height() {
    return screen.height();
  }
}
