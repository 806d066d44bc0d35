package io.hatrack.definition.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The templates every product has: a product requirements document, a one-pager, a technical
 * specification, a request for comments, and a blank page. Their Markdown ships as resources under
 * {@code definition/templates/}; {@code {{title}}}, {@code {{product}}}, {@code {{author}}} and
 * {@code {{date}}} in it are filled in when a document is made from it.
 */
public final class BuiltInTemplates {
  private final List<DocumentTemplate> all;

  public BuiltInTemplates() {
    this.all =
        List.of(
            load(
                "prd",
                "Product requirements (PRD)",
                "The problem, goals, requirements, success metrics and risks of a feature or"
                    + " initiative."),
            load(
                "one-pager",
                "One-pager",
                "A short pitch to decide whether an idea is worth exploring: problem, why now,"
                    + " idea, metric, ask."),
            load(
                "technical-spec",
                "Technical specification",
                "How engineering will build it: design, data model, APIs, alternatives, security,"
                    + " rollout."),
            load(
                "rfc",
                "Request for comments (RFC)",
                "A proposal put up for discussion and decision: motivation, proposal, drawbacks,"
                    + " alternatives."),
            load("blank", "Blank document", "An empty page, for a document of your own shape."));
  }

  /** The key of the template a document starts from when none is named. */
  public static final String BLANK = "blank";

  public List<DocumentTemplate> all() {
    return all;
  }

  public Optional<DocumentTemplate> byKey(String key) {
    return all.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  /** True for the key of a built-in template, which no product template may take. */
  public boolean taken(String key) {
    return byKey(key).isPresent();
  }

  private static DocumentTemplate load(String key, String name, String description) {
    String location = "definition/templates/" + key + ".md";
    try (InputStream in = BuiltInTemplates.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalStateException("template missing from the build: " + location);
      }
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new DocumentTemplate(null, key, name, description, body, 1, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
