package io.hatrack.definition.docs;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable difference between two texts, like {@code diff -u}: the lines that were removed and
 * added, grouped into hunks with a few unchanged lines around them. Inside a changed line, the
 * words that changed are marked, so that a one-word edit in a long paragraph is easy to spot. Line
 * endings ({@code \r\n} or {@code \n}) and a final newline do not count as changes. Pure: no I/O.
 */
public final class TextDiff {
  /** Unchanged lines shown before and after each change by default. */
  public static final int CONTEXT = 3;

  /**
   * Below this share of unchanged characters, two paired lines are treated as different rather than
   * edited: marking words in them would be noise.
   */
  private static final double SIMILAR = 0.4;

  private static final Pattern TOKEN =
      Pattern.compile("\\w+|\\s+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS);

  private TextDiff() {}

  /** What happened to a line. */
  public enum Kind {
    CONTEXT,
    ADDED,
    REMOVED;

    /** The lowercase name used in the API, e.g. {@code added}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The sign a unified diff shows before the line. */
    public String marker() {
      return switch (this) {
        case CONTEXT -> " ";
        case ADDED -> "+";
        case REMOVED -> "-";
      };
    }
  }

  /** A run of a line's text; {@code changed} marks words that differ from the paired line. */
  public record Segment(String text, boolean changed) {
    public Segment {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * One line of a hunk.
   *
   * @param oldNumber the line's number in the old text (from 1), or null for an added line
   * @param newNumber the line's number in the new text (from 1), or null for a removed line
   * @param segments the text in runs, some marked changed; their texts joined give {@code text}
   */
  public record Line(
      Kind kind, Integer oldNumber, Integer newNumber, String text, List<Segment> segments) {
    public Line {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      segments = List.copyOf(segments);
    }

    /** True when some words of the line, but not all of it, are marked as changed. */
    public boolean hasWordChanges() {
      return segments.stream().anyMatch(Segment::changed);
    }
  }

  /**
   * A run of changes with their context.
   *
   * @param oldStart the first old line number the hunk covers (when it covers none: the line
   *     before)
   * @param oldCount how many old lines it covers (context and removed)
   * @param newStart the first new line number the hunk covers (when it covers none: the line
   *     before)
   * @param newCount how many new lines it covers (context and added)
   */
  public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<Line> lines) {
    public Hunk {
      lines = List.copyOf(lines);
    }

    /** The unified-diff header, e.g. {@code @@ -3,7 +3,8 @@}. */
    public String header() {
      return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }
  }

  /** The whole difference: its hunks and how many lines were added and removed. */
  public record Result(List<Hunk> hunks, int added, int removed) {
    public Result {
      hunks = List.copyOf(hunks);
    }

    public boolean identical() {
      return hunks.isEmpty();
    }
  }

  /** The difference with {@link #CONTEXT} lines of context. */
  public static Result of(String before, String after) {
    return of(before, after, CONTEXT);
  }

  /** The difference with {@code context} unchanged lines around each change (0 or more). */
  public static Result of(String before, String after, int context) {
    if (context < 0) {
      throw new IllegalArgumentException("context must not be negative");
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<Line> script = script(a, b);
    int added = (int) script.stream().filter(l -> l.kind() == Kind.ADDED).count();
    int removed = (int) script.stream().filter(l -> l.kind() == Kind.REMOVED).count();
    return new Result(hunks(script, Math.min(context, script.size())), added, removed);
  }

  /** The lines of a text; a final newline does not start another line. */
  static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normal = text.replace("\r\n", "\n").replace('\r', '\n');
    if (normal.endsWith("\n")) {
      normal = normal.substring(0, normal.length() - 1);
    }
    return List.of(normal.split("\n", -1));
  }

  /** Every line of both texts in order: unchanged, removed and added. */
  private static List<Line> script(List<String> a, List<String> b) {
    List<AbstractDelta<String>> deltas = new ArrayList<>(DiffUtils.diff(a, b).getDeltas());
    deltas.sort(Comparator.comparingInt(d -> d.getSource().getPosition()));
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : deltas) {
      int sourceAt = delta.getSource().getPosition();
      while (i < sourceAt) {
        out.add(unchanged(a.get(i), i, j));
        i++;
        j++;
      }
      List<String> removed = delta.getSource().getLines();
      List<String> added = delta.getTarget().getLines();
      List<List<Segment>> removedSegments = new ArrayList<>();
      List<List<Segment>> addedSegments = new ArrayList<>();
      for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
        if (k < removed.size() && k < added.size()) {
          List<List<Segment>> pair = words(removed.get(k), added.get(k));
          removedSegments.add(pair.get(0));
          addedSegments.add(pair.get(1));
        } else if (k < removed.size()) {
          removedSegments.add(whole(removed.get(k)));
        } else {
          addedSegments.add(whole(added.get(k)));
        }
      }
      for (int k = 0; k < removed.size(); k++) {
        out.add(new Line(Kind.REMOVED, i + 1, null, removed.get(k), removedSegments.get(k)));
        i++;
      }
      for (int k = 0; k < added.size(); k++) {
        out.add(new Line(Kind.ADDED, null, j + 1, added.get(k), addedSegments.get(k)));
        j++;
      }
    }
    while (i < a.size()) {
      out.add(unchanged(a.get(i), i, j));
      i++;
      j++;
    }
    return out;
  }

  private static Line unchanged(String text, int i, int j) {
    return new Line(Kind.CONTEXT, i + 1, j + 1, text, whole(text));
  }

  private static List<Segment> whole(String text) {
    return text.isEmpty() ? List.of() : List.of(new Segment(text, false));
  }

  /**
   * The segments of an edited line pair, old then new, with the words that differ marked; two lines
   * with too little in common get no marks.
   */
  private static List<List<Segment>> words(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    boolean[] changedA = new boolean[a.size()];
    boolean[] changedB = new boolean[b.size()];
    for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
      for (int k = 0; k < d.getSource().size(); k++) {
        changedA[d.getSource().getPosition() + k] = true;
      }
      for (int k = 0; k < d.getTarget().size(); k++) {
        changedB[d.getTarget().getPosition() + k] = true;
      }
    }
    int kept = 0;
    for (int k = 0; k < a.size(); k++) {
      if (!changedA[k]) {
        kept += a.get(k).length();
      }
    }
    int longest = Math.max(before.length(), after.length());
    if (longest == 0 || (double) kept / longest < SIMILAR) {
      return List.of(whole(before), whole(after));
    }
    return List.of(join(a, changedA), join(b, changedB));
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Joins tokens into runs of equal marking; white space between two changed words joins them. */
  private static List<Segment> join(List<String> tokens, boolean[] changed) {
    boolean[] marks = changed.clone();
    for (int t = 1; t + 1 < tokens.size(); t++) {
      if (!marks[t] && marks[t - 1] && marks[t + 1] && tokens.get(t).isBlank()) {
        marks[t] = true;
      }
    }
    // A changed run neither starts nor ends with white space: "many" rather than "many ".
    int k = 0;
    while (k < tokens.size()) {
      if (!marks[k]) {
        k++;
        continue;
      }
      int start = k;
      while (k < tokens.size() && marks[k]) {
        k++;
      }
      int end = k - 1;
      while (start < end && tokens.get(start).isBlank()) {
        marks[start++] = false;
      }
      while (end > start && tokens.get(end).isBlank()) {
        marks[end--] = false;
      }
    }
    List<Segment> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int t = 0; t < tokens.size(); t++) {
      if (t > 0 && marks[t] != marks[t - 1]) {
        out.add(new Segment(run.toString(), marks[t - 1]));
        run.setLength(0);
      }
      run.append(tokens.get(t));
    }
    if (!run.isEmpty()) {
      out.add(new Segment(run.toString(), marks[tokens.size() - 1]));
    }
    return out;
  }

  /** Groups the script into hunks: each change with up to {@code context} lines either side. */
  private static List<Hunk> hunks(List<Line> script, int context) {
    List<Integer> changes = new ArrayList<>();
    for (int k = 0; k < script.size(); k++) {
      if (script.get(k).kind() != Kind.CONTEXT) {
        changes.add(k);
      }
    }
    List<Hunk> out = new ArrayList<>();
    int c = 0;
    while (c < changes.size()) {
      int first = changes.get(c);
      int last = first;
      while (c + 1 < changes.size() && changes.get(c + 1) - last - 1 <= 2 * context) {
        c++;
        last = changes.get(c);
      }
      c++;
      int start = Math.max(0, first - context);
      int end = Math.min(script.size(), last + context + 1);
      out.add(hunk(script, start, end));
    }
    return out;
  }

  /**
   * The hunk of {@code script[start, end)}. As in {@code diff -u}, a side the hunk covers no line
   * of starts at the number of the line before it.
   */
  private static Hunk hunk(List<Line> script, int start, int end) {
    int oldBefore = 0;
    int newBefore = 0;
    for (int k = 0; k < start; k++) {
      oldBefore += script.get(k).oldNumber() != null ? 1 : 0;
      newBefore += script.get(k).newNumber() != null ? 1 : 0;
    }
    List<Line> lines = script.subList(start, end);
    int oldCount = (int) lines.stream().filter(l -> l.oldNumber() != null).count();
    int newCount = (int) lines.stream().filter(l -> l.newNumber() != null).count();
    return new Hunk(
        oldCount == 0 ? oldBefore : oldBefore + 1,
        oldCount,
        newCount == 0 ? newBefore : newBefore + 1,
        newCount,
        lines);
  }
}
