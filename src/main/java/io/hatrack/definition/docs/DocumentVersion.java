package io.hatrack.definition.docs;

import io.hatrack.definition.Person;
import java.time.Instant;
import java.util.Objects;

/** One saved version of a document, kept for ever: its number (from 1), title and body. */
public record DocumentVersion(
    int number, String title, String body, Person author, Instant savedAt) {
  public DocumentVersion {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(savedAt, "savedAt");
  }

  /** A saved version in a list of versions: everything but the body, and the body's length. */
  public record Info(int number, String title, Person author, Instant savedAt, int characters) {
    public Info {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(author, "author");
      Objects.requireNonNull(savedAt, "savedAt");
    }
  }
}
