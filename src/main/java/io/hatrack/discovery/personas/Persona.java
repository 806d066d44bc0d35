package io.hatrack.discovery.personas;

import io.hatrack.kernel.work.Item;
import java.util.Objects;

/**
 * A persona of a product: an archetype of the people it serves, with who they are ({@code
 * description}), what they want to achieve ({@code goals}) and what gets in their way ({@code
 * pains}), each in Markdown. Its identity, key, name (the title) and version are the shared {@link
 * Item}'s.
 */
public record Persona(Item item, String description, String goals, String pains) {
  public Persona {
    Objects.requireNonNull(item, "item");
    description = description == null ? "" : description;
    goals = goals == null ? "" : goals;
    pains = pains == null ? "" : pains;
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String name() {
    return item.title();
  }

  public long version() {
    return item.version();
  }
}
