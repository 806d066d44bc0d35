package io.hatrack.discovery.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One interview or research session of a study: the day it was held, who interviewed, who took
 * part, the notes in Markdown, and whether it has a transcript (its format, file name and how many
 * segments). Sessions have their own version for optimistic locking.
 */
public record Session(
    long id,
    long studyId,
    LocalDate heldOn,
    Long interviewerId,
    String interviewerName,
    String notes,
    TranscriptFormat transcriptFormat,
    String transcriptName,
    long segments,
    List<Participant> participants,
    long version,
    Instant createdAt,
    Instant updatedAt) {
  public Session {
    notes = notes == null ? "" : notes;
    participants = List.copyOf(participants);
  }

  public boolean hasTranscript() {
    return transcriptFormat != null;
  }

  /** Who took part, e.g. "Lena Fischer, Marco Rossi", or "nobody recorded". */
  public String participantNames() {
    return participants.isEmpty()
        ? "nobody recorded"
        : String.join(", ", participants.stream().map(Participant::name).toList());
  }

  /** The session with the participants it had. */
  Session with(List<Participant> who) {
    return new Session(
        id,
        studyId,
        heldOn,
        interviewerId,
        interviewerName,
        notes,
        transcriptFormat,
        transcriptName,
        segments,
        who,
        version,
        createdAt,
        updatedAt);
  }
}
