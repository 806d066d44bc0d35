package io.hatrack.definition;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.work.TagService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags input of the item form: names separated by commas, e.g. {@code saved-cards, conversion}.
 * Every name is checked here, before anything is saved, so that a bad tag refuses the whole form
 * (as field {@code tags}) rather than leaving the item saved without its tags.
 */
final class TagsField {
  static final String NAME = "tags";
  private static final int MAX = 50;

  private TagsField() {}

  /** The tags typed, in their canonical form and without repeats; an empty list for none. */
  static List<String> parse(String raw) {
    Set<String> tags = new LinkedHashSet<>();
    if (raw != null) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          tags.add(tag(part.strip()));
        }
      }
    }
    if (tags.size() > MAX) {
      throw Invalid.field(NAME, "can be at most " + MAX + " on one item");
    }
    return new ArrayList<>(tags);
  }

  private static String tag(String name) {
    try {
      return TagService.normalize(NAME, name);
    } catch (Invalid e) {
      throw Invalid.field(
          NAME,
          "are 1-40 letters, digits, spaces, dots, dashes or underscores each; \u201c"
              + name
              + "\u201d is not one");
    }
  }

  /** The tags as the input shows them. */
  static String text(List<String> tags) {
    return String.join(", ", tags);
  }
}
