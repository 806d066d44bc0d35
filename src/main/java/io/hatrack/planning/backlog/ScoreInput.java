package io.hatrack.planning.backlog;

import io.hatrack.kernel.Validation;
import java.util.Set;

/**
 * One input of an item's score, as stored in {@code item_score.inputs} (a shape other parts of the
 * planning hat read): {@code {"value": "12", "source": "evidence", "note": "12 unique customers"}}.
 *
 * @param value a decimal written as a string, or a category word (MoSCoW, Kano)
 * @param source {@code manual}, {@code evidence} or {@code estimate}
 * @param note how the value was derived; empty for a manual value without a note
 */
public record ScoreInput(String value, String source, String note) {
  public static final Set<String> SOURCES = Set.of("manual", "evidence", "estimate");
  public static final int MAX_NOTE = 500;

  public ScoreInput {
    value = value == null ? null : value.trim();
    source = source == null || source.isBlank() ? "manual" : source.trim();
    note = note == null ? "" : note.strip();
  }

  public static ScoreInput manual(String value) {
    return new ScoreInput(value, "manual", "");
  }

  public static ScoreInput evidence(String value, String note) {
    return new ScoreInput(value, "evidence", note);
  }

  /** Checks the parts that do not depend on the model: a value, a known source, a short note. */
  void check(Validation v, String name) {
    v.check(name, value != null && !value.isEmpty(), "needs a value");
    v.check(name + ".source", SOURCES.contains(source), "must be manual, evidence or estimate");
    v.check(
        name + ".note", note.length() <= MAX_NOTE, "must be at most " + MAX_NOTE + " characters");
  }
}
