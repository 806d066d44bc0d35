package io.hatrack.discovery.research;

import java.util.List;

/**
 * An insight as someone wrote it, not yet checked. With a session, the quote must occur in that
 * session's notes or transcript ({@code source}: {@code notes}, {@code transcript}, or null for
 * either), and {@code segment} says which transcript segment the highlight began in; the study then
 * is the session's. Without a session the study may be given on its own. {@code tags} are tag
 * names, {@code supports} the ids or keys of the items this insight is evidence for.
 */
public record InsightDraft(
    String quote,
    String note,
    Long studyId,
    Long sessionId,
    String source,
    Integer segment,
    Long participantId,
    List<String> tags,
    List<String> supports) {
  public InsightDraft {
    tags = tags == null ? List.of() : List.copyOf(tags);
    supports = supports == null ? List.of() : List.copyOf(supports);
  }

  /** A quote with no source, tags or links. */
  public static InsightDraft of(String quote) {
    return new InsightDraft(quote, null, null, null, null, null, null, null, null);
  }

  /** A quote highlighted in {@code source} of a session. */
  public static InsightDraft from(long sessionId, String source, Integer segment, String quote) {
    return new InsightDraft(quote, null, null, sessionId, source, segment, null, null, null);
  }

  public InsightDraft withNote(String text) {
    return new InsightDraft(
        quote, text, studyId, sessionId, source, segment, participantId, tags, supports);
  }

  public InsightDraft tagged(String... names) {
    return new InsightDraft(
        quote, note, studyId, sessionId, source, segment, participantId, List.of(names), supports);
  }

  public InsightDraft supporting(String... items) {
    return new InsightDraft(
        quote, note, studyId, sessionId, source, segment, participantId, tags, List.of(items));
  }
}
