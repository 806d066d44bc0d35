package io.hatrack.definition.docs;

import io.hatrack.definition.Person;
import io.hatrack.kernel.work.Item;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A requirement document: an item of the kernel (key, title, version as ETag) with a Markdown body,
 * the template it was started from, its review status and named approvers.
 *
 * @param latestVersion the number of the latest saved version (1 after creation)
 * @param reviewRequestedBy who last asked for a review, or null if nobody has
 */
public record Document(
    Item item,
    String body,
    DocumentStatus status,
    int latestVersion,
    String templateKey,
    String templateName,
    Person reviewRequestedBy,
    Instant reviewRequestedAt,
    List<Approval> approvals) {

  /** The kind of a document in the entity table. */
  public static final String KIND = "document";

  public Document {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(templateKey, "templateKey");
    Objects.requireNonNull(templateName, "templateName");
    approvals = List.copyOf(approvals);
  }

  public long id() {
    return item.id();
  }

  public String key() {
    return item.key();
  }

  public String title() {
    return item.title();
  }

  public long version() {
    return item.version();
  }

  /** The approval of {@code userId}, if they are a named approver. */
  public java.util.Optional<Approval> approvalOf(long userId) {
    return approvals.stream().filter(a -> a.approver().id() == userId).findFirst();
  }

  /** How many named approvers approved the latest version. */
  public long approvedCount() {
    return approvals.stream()
        .filter(
            a ->
                a.decision() == Decision.APPROVED
                    && a.decidedVersion() != null
                    && a.decidedVersion() == latestVersion)
        .count();
  }
}
