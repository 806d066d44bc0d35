package io.hatrack.definition.prototypes;

import io.hatrack.kernel.work.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A click-through prototype: screens in order, each with hotspots that lead to other screens, and
 * the screen a player starts on.
 *
 * @param startScreenId the chosen start screen, or null for the first one
 */
public record Prototype(Item item, String description, Long startScreenId, List<Screen> screens) {
  public Prototype {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(description, "description");
    screens = List.copyOf(screens);
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The screen with this id, if it belongs to this prototype. */
  public Optional<Screen> screen(long screenId) {
    return screens.stream().filter(s -> s.id() == screenId).findFirst();
  }

  /** Where playing starts: the chosen start screen, else the first; empty without screens. */
  public Optional<Screen> start() {
    if (startScreenId != null) {
      Optional<Screen> chosen = screen(startScreenId);
      if (chosen.isPresent()) {
        return chosen;
      }
    }
    return screens.stream().findFirst();
  }

  /** The screen before {@code screen} in the prototype's order, if any. */
  public Optional<Screen> before(Screen screen) {
    int i = indexOf(screen);
    return i > 0 ? Optional.of(screens.get(i - 1)) : Optional.empty();
  }

  /** The screen after {@code screen} in the prototype's order, if any. */
  public Optional<Screen> after(Screen screen) {
    int i = indexOf(screen);
    return i >= 0 && i + 1 < screens.size() ? Optional.of(screens.get(i + 1)) : Optional.empty();
  }

  private int indexOf(Screen screen) {
    for (int i = 0; i < screens.size(); i++) {
      if (screens.get(i).id() == screen.id()) {
        return i;
      }
    }
    return -1;
  }

  /** The number of hotspots on all screens. */
  public int hotspotCount() {
    return screens.stream().mapToInt(s -> s.hotspots().size()).sum();
  }
}
