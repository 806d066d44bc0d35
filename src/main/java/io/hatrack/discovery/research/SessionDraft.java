package io.hatrack.discovery.research;

import java.util.List;

/**
 * A session as someone wrote it, not yet checked: the day as ISO text, the interviewer (a member of
 * the workspace, by user id, or null), the study's participants who took part, and the notes.
 */
public record SessionDraft(
    String heldOn, Long interviewerId, List<Long> participantIds, String notes) {
  public SessionDraft {
    participantIds = participantIds == null ? List.of() : List.copyOf(participantIds);
  }
}
