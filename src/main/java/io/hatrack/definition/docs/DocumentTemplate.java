package io.hatrack.definition.docs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A starting point for documents: Markdown with headings and prompts. Built-in templates ship with
 * Hatrack (their {@code id} is null and they cannot be changed); a product adds its own.
 *
 * @param key how the API names it: {@code prd}, {@code rfc}, ... or a product template's key
 * @param version the version of a product template (the ETag); 1 for a built-in one
 * @param updatedAt when a product template last changed; null for a built-in one
 */
public record DocumentTemplate(
    Long id,
    String key,
    String name,
    String description,
    String body,
    long version,
    Instant updatedAt) {
  public DocumentTemplate {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(body, "body");
  }

  public boolean builtIn() {
    return id == null;
  }

  /** The template's text with its placeholders filled in. */
  public String fill(String title, String product, String author, java.time.LocalDate date) {
    return body.replace("{{title}}", title)
        .replace("{{product}}", product)
        .replace("{{author}}", author)
        .replace("{{date}}", date.toString());
  }

  /** The template's level-2 headings (its sections), for an outline. */
  public List<String> outline() {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : TextDiff.lines(body)) {
      if (line.startsWith("```") || line.startsWith("~~~")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("## ")) {
        out.add(line.substring(3).strip());
      }
    }
    return out;
  }
}
