package io.hatrack.definition.prototypes;

import io.hatrack.definition.prototypes.ScreenSource.ScreenCandidate;
import io.hatrack.kernel.web.Form;
import io.hatrack.kernel.web.ItemPanel;
import java.util.List;

/**
 * What the prototype editor shows: the screens in order, the selected screen with its hotspots to
 * draw on, the forms for details and screens, and the share links.
 *
 * @param base the editor's address, e.g. {@code /w/northwind/checkout/definition/prototypes/CHK-9}
 * @param selected the screen being edited, or null when there are no screens
 * @param stage the selected screen drawn with its hotspots, or null
 * @param hotspot the hotspot being edited, or null
 * @param shares the share links, for editors (empty for others)
 * @param created a share link made just now, with its token shown once; or null
 * @param form the values and errors of a refused form
 * @param conflict why the last change was refused as stale, or null
 */
public record Editor(
    PrototypeService.PrototypeView view,
    String base,
    String listUrl,
    Screen selected,
    Stage stage,
    Hotspot hotspot,
    List<ScreenCandidate> candidates,
    List<ShareLink> shares,
    PrototypeService.NewShare created,
    String createdUrl,
    Form form,
    String conflict,
    ItemPanel panel) {

  public Prototype prototype() {
    return view.prototype();
  }

  public boolean canEdit() {
    return view.canEdit();
  }

  /** The editor's address with {@code screen} selected. */
  public String at(Screen screen) {
    return base + "?screen=" + screen.id();
  }

  public String imageUrl(Screen screen) {
    return base + "/screens/" + screen.id() + "/image";
  }

  public String playUrl() {
    return base + "/play";
  }

  /** The name of the screen with this id, for hotspot targets. */
  public String screenName(long screenId) {
    return prototype().screen(screenId).map(Screen::name).orElse("?");
  }

  public boolean isStart(Screen screen) {
    return prototype().start().map(s -> s.id() == screen.id()).orElse(false);
  }

  /** A hotspot's rectangle in percent of the screen, for the numeric form. */
  public static String percent(double fraction) {
    String text = String.format(java.util.Locale.ROOT, "%.2f", fraction * 100);
    return text.replaceFirst("\\.?0+$", "");
  }

  /** The value a form field shows: the refused value, else the given one. */
  public String value(String field, String current) {
    String refused = form.values().get(field);
    return refused != null ? refused : current;
  }
}
