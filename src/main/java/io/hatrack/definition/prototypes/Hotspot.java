package io.hatrack.definition.prototypes;

import java.util.Objects;

/**
 * A clickable rectangle on a screen that leads to another screen of the same prototype.
 *
 * @param label what the hotspot stands for ("Pay button"); may be empty
 */
public record Hotspot(long id, long screenId, HotspotArea area, long targetScreenId, String label) {
  public Hotspot {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(label, "label");
  }
}
