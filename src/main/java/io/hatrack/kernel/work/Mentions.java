package io.hatrack.kernel.work;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code @handle} mentions in Markdown text, ignoring code, e-mail addresses and URLs.
 */
public final class Mentions {
  /** A mention: {@code @} not preceded by a word character, then a handle. */
  public static final Pattern MENTION =
      Pattern.compile("(?<![\\w@./])@([a-z0-9][a-z0-9_]{0,29})\\b");

  private static final Pattern FENCED = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");

  private Mentions() {}

  /** The handles mentioned in {@code markdown}, in order of first appearance. */
  public static Set<String> handles(String markdown) {
    Set<String> handles = new LinkedHashSet<>();
    if (markdown == null) {
      return handles;
    }
    String text = INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll(" ")).replaceAll(" ");
    Matcher m = MENTION.matcher(text);
    while (m.find()) {
      handles.add(m.group(1));
    }
    return handles;
  }
}
