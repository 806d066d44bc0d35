package io.hatrack.definition.docs;

import io.hatrack.definition.Person;
import java.time.Instant;
import java.util.Objects;

/**
 * A named approver of a document and their decision.
 *
 * @param decidedVersion the number of the document version the decision was about, or null while
 *     pending
 * @param comment what the approver said with the decision (may be empty)
 * @param decidedAt when they decided, or null while pending
 */
public record Approval(
    Person approver,
    Decision decision,
    Integer decidedVersion,
    String comment,
    Instant decidedAt,
    Instant addedAt) {
  public Approval {
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(addedAt, "addedAt");
  }
}
