package io.hatrack.discovery.personas;

/** A persona as someone wrote it, not yet checked. */
public record PersonaDraft(String name, String description, String goals, String pains) {
  public static PersonaDraft of(String name) {
    return new PersonaDraft(name, null, null, null);
  }
}
