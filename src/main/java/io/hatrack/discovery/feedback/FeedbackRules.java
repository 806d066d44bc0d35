package io.hatrack.discovery.feedback;

import io.hatrack.discovery.customers.Contact;
import io.hatrack.discovery.customers.CustomerService;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import io.hatrack.kernel.work.TagService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The rules a piece of feedback must keep, checked all at once before it is saved. */
final class FeedbackRules {
  /** How far in the future a date may be (clocks differ). */
  private static final Duration FUTURE_SLACK = Duration.ofDays(1);

  /** A piece of feedback as it will be saved: its summary, its row and its tags (null: keep). */
  record Checked(String summary, FeedbackStore.Row row, List<String> tags) {}

  private final FeedbackStore store;
  private final CustomerService customers;
  private final Clock clock;

  FeedbackRules(FeedbackStore store, CustomerService customers, Clock clock) {
    this.store = store;
    this.customers = customers;
    this.clock = clock;
  }

  /**
   * Checks a whole piece of feedback; an {@link Invalid} listing every broken rule at once. {@code
   * self} is the feedback being changed (null when creating).
   */
  Checked check(Handle h, long workspaceId, long productId, FeedbackDraft d, Feedback self) {
    Validation v = new Validation();
    String text = d.text() == null ? null : d.text().strip();
    v.text("text", text, FeedbackService.MAX_TEXT);
    String summary = d.summary() == null ? "" : d.summary().strip();
    v.optionalText("summary", summary, FeedbackService.MAX_SUMMARY)
        .check("summary", summary.indexOf('\n') < 0, "must be one line");
    if (summary.isEmpty() && text != null) {
      summary = FeedbackDraft.summaryOf(text);
    }
    FeedbackSource source = FeedbackSource.OTHER;
    if (d.source() != null && !d.source().isBlank()) {
      source = FeedbackSource.find(d.source()).orElse(null);
      v.check("source", source != null, "must be one of " + FeedbackSource.ids());
    }
    FeedbackStatus status = self == null ? FeedbackStatus.NEW : self.status();
    if (d.status() != null && !d.status().isBlank()) {
      status = FeedbackStatus.find(d.status()).orElse(null);
      v.check("status", status != null, "must be new, triaged, linked or archived");
    }
    Long customer = d.customerId();
    if (customer != null) {
      boolean known =
          customers.liveIn(h, workspaceId, customer).isPresent()
              || (self != null && customer.equals(self.customerId()));
      v.check("customer_id", known, "no customer " + customer + " in this workspace");
    }
    if (d.contactId() != null) {
      if (customer == null) {
        v.check("contact_id", false, "needs the customer_id of the customer the contact is at");
      } else if (!v.has("customer_id")) {
        java.util.Optional<Contact> contact = customers.contactOf(h, customer, d.contactId());
        v.check("contact_id", contact.isPresent(), "is not a contact at that customer");
      }
    }
    Instant now = clock.instant();
    Instant happened = d.happenedAt() == null ? now : d.happenedAt();
    v.check("happened_at", !happened.isAfter(now.plus(FUTURE_SLACK)), "must not be in the future");
    v.check(
        "importance",
        d.importance() == null
            || (d.importance() >= Importance.MIN && d.importance() <= Importance.MAX),
        "must be 0 (not important), 1 (nice to have), 2 (important) or 3 (critical)");
    String external =
        d.externalId() == null || d.externalId().isBlank() ? null : d.externalId().strip();
    v.optionalText("external_id", external, FeedbackService.MAX_EXTERNAL_ID);
    if (external != null && !v.has("external_id")) {
      java.util.Optional<Feedback> other = store.byExternalId(h, productId, external);
      v.check(
          "external_id",
          other.isEmpty() || (self != null && other.get().id() == self.id()),
          other.map(o -> "is already the external id of " + o.key()).orElse(""));
    }
    List<String> tags = null;
    if (d.tags() != null) {
      tags = new ArrayList<>();
      for (int i = 0; i < d.tags().size(); i++) {
        try {
          tags.add(TagService.normalize("tags[" + i + "]", d.tags().get(i)));
        } catch (Invalid e) {
          v.check("tags[" + i + "]", false, e.reasonFor("tags[" + i + "]"));
        }
      }
    }
    v.orThrow();
    return new Checked(
        summary,
        new FeedbackStore.Row(
            text, source, customer, d.contactId(), happened, status, d.importance(), external),
        tags);
  }
}
