package io.hatrack.discovery.feedback.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A field of feedback that a column of an imported file can fill, with the header names that
 * suggest it (compared without case, spaces, dashes and underscores).
 */
public enum FeedbackField {
  TEXT(
      "text",
      "the feedback itself (required)",
      "text",
      "feedback",
      "comment",
      "comments",
      "message",
      "body",
      "content",
      "verbatim",
      "description",
      "quote"),
  TITLE("title", "a short title", "title", "subject", "summary", "headline"),
  SOURCE("source", "where it came from", "source", "channel", "origin", "medium"),
  CUSTOMER(
      "customer",
      "the customer, by external id or name",
      "customer",
      "company",
      "account",
      "organization",
      "organisation",
      "client",
      "customerid",
      "customername",
      "accountname",
      "companyname"),
  CONTACT(
      "contact",
      "the contact's e-mail address",
      "contact",
      "email",
      "contactemail",
      "emailaddress",
      "requester",
      "requesteremail",
      "reporter"),
  DATE(
      "date",
      "when it was said",
      "date",
      "happenedat",
      "createdat",
      "created",
      "submittedat",
      "submitted",
      "receivedat",
      "timestamp",
      "datetime",
      "time",
      "when"),
  STATUS("status", "new, triaged, linked or archived", "status", "state"),
  IMPORTANCE("importance", "0 to 3 (or the words)", "importance", "priority", "severity"),
  TAGS(
      "tags",
      "tags separated by ; or ,",
      "tags",
      "tag",
      "labels",
      "label",
      "categories",
      "category",
      "keywords",
      "topics"),
  EXTERNAL_ID(
      "external_id",
      "its id elsewhere; importing again updates it",
      "externalid",
      "id",
      "ticketid",
      "ticket",
      "reference",
      "ref",
      "uid",
      "feedbackid",
      "key");

  private final String id;
  private final String description;
  private final List<String> names;

  FeedbackField(String id, String description, String... names) {
    this.id = id;
    this.description = description;
    this.names = List.of(names);
  }

  /** The name of the field in mappings and the API, e.g. {@code external_id}. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The field a mapping names, e.g. {@code external_id} or {@code External ID}. */
  public static Optional<FeedbackField> byId(String name) {
    String wanted = squeeze(name);
    for (FeedbackField f : values()) {
      if (squeeze(f.id).equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The field a header name suggests, if any. */
  public static Optional<FeedbackField> guess(String header) {
    String wanted = squeeze(header);
    for (FeedbackField f : values()) {
      if (f.names.contains(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The ids of all fields, for messages: {@code text, title, ...}. */
  public static String ids() {
    return String.join(", ", java.util.Arrays.stream(values()).map(FeedbackField::id).toList());
  }

  static String squeeze(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
  }
}
