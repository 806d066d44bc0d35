package io.hatrack.definition.wireframes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a Salt wireframe as a person wrote it, made ready for PlantUML: wrapped in {@code
 * @startsalt}/{@code @endsalt} when it has no {@code @start} line of its own, checked for what
 * Hatrack never lets PlantUML do (read files or URLs, read the environment), and checked for the
 * structural mistakes that make PlantUML's Salt parser crash without saying where (a block that is
 * never closed, a {@code }} that closes nothing). Pure: no I/O.
 *
 * @param text the source given to PlantUML
 * @param offset how many lines were added before the person's first line (1 when wrapped)
 */
public record SaltSource(String text, int offset) {

  /** The longest source accepted, in characters (64 KiB). */
  public static final int MAX_CHARS = 64 * 1024;

  /** Preprocessor directives and builtins that read files, URLs or the environment. */
  private static final Pattern FORBIDDEN =
      Pattern.compile(
          "(?i)(!\\s*(include\\w*|import|theme|pragma\\s+\\w*path)\\b"
              + "|%\\s*(load_json|getenv|get_env|file_exists|dirpath|filename\\w*|"
              + "get_all_theme|get_all_stdlib|load_\\w+)\\b"
              + "|<\\s*img\\s*:)");

  private static final Pattern START = Pattern.compile("(?i)^\\s*@start(\\w+)");
  private static final Pattern END = Pattern.compile("(?i)^\\s*@end\\w+");

  /** A mistake in the source, on a line the person can find (1 is their first line). */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  /**
   * Makes {@code raw} ready for PlantUML, or names the first line PlantUML must not see (an
   * include, an environment lookup, an image read from a file or a URL).
   */
  public static Result of(String raw) {
    if (raw == null || raw.isBlank()) {
      return Result.refused(new Problem(1, "the wireframe is empty; start with a { block }"));
    }
    if (raw.length() > MAX_CHARS) {
      return Result.refused(
          new Problem(
              1,
              "the source is "
                  + raw.length()
                  + " characters long; a wireframe may have at most "
                  + MAX_CHARS));
    }
    if (raw.indexOf('\u0000') >= 0) {
      return Result.refused(new Problem(1, "the source contains a NUL character"));
    }
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = FORBIDDEN.matcher(lines.get(i));
      if (m.find()) {
        return Result.refused(new Problem(i + 1, forbiddenReason(m.group().strip())));
      }
    }
    int first = firstContentLine(lines);
    if (first < 0) {
      return Result.refused(new Problem(1, "the wireframe is empty; start with a { block }"));
    }
    Matcher start = START.matcher(lines.get(first));
    if (start.find()) {
      String kind = start.group(1).toLowerCase(Locale.ROOT);
      if (!kind.equals("salt") && !kind.equals("uml")) {
        return Result.refused(
            new Problem(
                first + 1,
                "@start"
                    + start.group(1)
                    + " is not a wireframe; use @startsalt, or @startuml followed by salt"));
      }
      if (kind.equals("uml") && !nextContentIs(lines, first + 1, "salt")) {
        return Result.refused(
            new Problem(first + 1, "after @startuml a wireframe needs a line with just: salt"));
      }
      return Result.ok(new SaltSource(text.endsWith("\n") ? text : text + "\n", 0));
    }
    return Result.ok(
        new SaltSource(
            "@startsalt\n" + text + (text.endsWith("\n") ? "" : "\n") + "@endsalt\n", 1));
  }

  private static String forbiddenReason(String found) {
    String lower = found.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<")) {
      return "images cannot be read from files or addresses inside a wireframe;"
          + " attach the image to the item instead";
    }
    if (lower.startsWith("%")) {
      return found + " is not allowed: a wireframe cannot read files or the environment";
    }
    return found + " is not allowed: a wireframe cannot include files, URLs or themes";
  }

  private static int firstContentLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("'")) {
        return i;
      }
    }
    return -1;
  }

  private static boolean nextContentIs(List<String> lines, int from, String expected) {
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("'")) {
        return line.equalsIgnoreCase(expected);
      }
    }
    return false;
  }

  /** Converts a 0-based line of {@link #text} into the person's 1-based line. */
  public int personLine(int textIndex) {
    return Math.max(1, textIndex + 1 - offset);
  }

  /**
   * The first structural mistake PlantUML's Salt parser would crash on: text before the first
   * block, a {@code {} never closed, a {@code }} that closes nothing, or something after the block
   * that PlantUML would silently leave out. Salt's tokenizer treats every brace of a line as
   * structure, so counting them finds what it finds; comments, preprocessor lines and sprite
   * definitions are skipped as PlantUML skips them.
   */
  public Optional<Problem> structureProblem() {
    List<String> lines = text.lines().toList();
    Deque<Integer> open = new ArrayDeque<>();
    boolean inComment = false;
    boolean inSprite = false;
    boolean afterSaltKeyword = false;
    boolean ended = false;
    int closedAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (inComment) {
        inComment = !line.endsWith("'/");
        continue;
      }
      if (line.startsWith("/'")) {
        inComment = !line.endsWith("'/") || line.length() < 4;
        continue;
      }
      if (inSprite) {
        inSprite = !line.startsWith("}");
        continue;
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (END.matcher(line).find()) {
        ended = true;
        continue;
      }
      if (ended && !line.isEmpty() && !line.startsWith("'")) {
        return Optional.of(
            new Problem(
                personLine(i),
                "this comes after the @end line, where PlantUML stops reading;"
                    + " put it inside the wireframe's block"));
      }
      if (line.isEmpty()
          || line.startsWith("'")
          || line.startsWith("!")
          || START.matcher(line).find()
          || lower.startsWith("skinparam")
          || lower.startsWith("scale")
          || lower.startsWith("hide ")
          || lower.startsWith("title ")) {
        continue;
      }
      if (lower.equals("salt") && !afterSaltKeyword && open.isEmpty() && closedAt < 0) {
        afterSaltKeyword = true;
        continue;
      }
      if (lower.startsWith("sprite ")) {
        inSprite = line.endsWith("{");
        continue;
      }
      if (closedAt >= 0 && line.startsWith("}")) {
        return Optional.of(
            new Problem(personLine(i), "this } closes no block; remove it or add a {"));
      }
      if (closedAt >= 0) {
        return Optional.of(
            new Problem(
                personLine(i),
                "this comes after the wireframe's outer block, which ended on line "
                    + personLine(closedAt)
                    + "; put it inside that block"));
      }
      if (open.isEmpty() && !line.startsWith("{")) {
        return Optional.of(
            new Problem(personLine(i), "a wireframe starts with a { block }, not with text"));
      }
      for (int c = 0; c < line.length(); c++) {
        char ch = line.charAt(c);
        if (ch == '{') {
          open.push(i);
        } else if (ch == '}') {
          if (open.isEmpty()) {
            return Optional.of(
                new Problem(personLine(i), "this } closes no block; remove it or add a {"));
          }
          open.pop();
          if (open.isEmpty()) {
            closedAt = i;
            String rest = line.substring(c + 1).strip();
            if (!rest.isEmpty()) {
              return Optional.of(
                  new Problem(
                      personLine(i),
                      "\u201c"
                          + rest
                          + "\u201d comes after the wireframe's outer block; put it inside"));
            }
            break;
          }
        }
      }
    }
    if (!open.isEmpty()) {
      return Optional.of(
          new Problem(
              personLine(open.peek()),
              "this { is never closed; add a } after the last line of its block"));
    }
    if (closedAt < 0) {
      return Optional.of(new Problem(1, "the wireframe is empty; start with a { block }"));
    }
    return Optional.empty();
  }

  /** A source ready for PlantUML, or the reason it is refused. */
  public record Result(SaltSource source, Problem problem) {
    static Result ok(SaltSource source) {
      return new Result(source, null);
    }

    static Result refused(Problem problem) {
      return new Result(null, problem);
    }

    public boolean refused() {
      return problem != null;
    }
  }
}
