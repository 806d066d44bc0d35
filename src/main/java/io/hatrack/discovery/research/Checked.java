package io.hatrack.discovery.research;

import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.Validation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;

/** The drafts of research, checked field by field into the values the store writes. */
final class Checked {
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 50_000;
  static final int MAX_NAME = 200;
  static final int MAX_ROLE = 200;
  static final int MAX_NOTES = 5_000;
  static final int MAX_PARTICIPANTS = 200;

  private Checked() {}

  /** A study's own fields. */
  record StudyFields(
      String title, String goals, StudyStatus status, LocalDate startsOn, LocalDate endsOn) {}

  /** A participant's fields; the customer and contact still to be looked up. */
  record ParticipantFields(
      String name, Long customerId, Long contactId, String role, String notes) {}

  /** A session's fields; its participants still to be looked up in the study. */
  record SessionFields(
      LocalDate heldOn, Long interviewerId, List<Long> participantIds, String notes) {}

  static StudyFields study(StudyDraft d) {
    String title = d.title() == null ? null : d.title().strip();
    String goals = d.goals() == null ? "" : d.goals();
    Validation v = new Validation().text("title", title, MAX_TITLE);
    v.optionalText("goals", goals, MAX_TEXT);
    StudyStatus status = null;
    try {
      status = StudyStatus.parse("status", d.status());
    } catch (Invalid e) {
      v.check("status", false, e.reasonFor("status"));
    }
    LocalDate starts = date(v, "starts_on", d.startsOn());
    LocalDate ends = date(v, "ends_on", d.endsOn());
    if (starts != null && ends != null) {
      v.check("ends_on", !ends.isBefore(starts), "must not be before the start");
    }
    v.orThrow();
    return new StudyFields(title, goals, status, starts, ends);
  }

  static ParticipantFields participant(ParticipantDraft d) {
    String name = d.name() == null ? "" : d.name().strip();
    String role = d.role() == null ? "" : d.role().strip();
    String notes = d.notes() == null ? "" : d.notes().strip();
    Validation v = new Validation();
    if (d.contactId() == null) {
      v.text("name", name, MAX_NAME);
    } else {
      v.optionalText("name", name, MAX_NAME);
      v.check("customer_id", d.customerId() != null, "is needed with a contact");
    }
    v.optionalText("role", role, MAX_ROLE).optionalText("notes", notes, MAX_NOTES).orThrow();
    return new ParticipantFields(name, d.customerId(), d.contactId(), role, notes);
  }

  static SessionFields session(SessionDraft d) {
    String notes = d.notes() == null ? "" : d.notes();
    Validation v = new Validation();
    LocalDate held = date(v, "held_on", d.heldOn());
    v.check("held_on", held != null || v.has("held_on"), "is required (a day such as 2026-03-14)");
    v.optionalText("notes", notes, MAX_TEXT);
    v.check(
        "participants",
        d.participantIds().size() <= MAX_PARTICIPANTS,
        "at most " + MAX_PARTICIPANTS + " take part in one session");
    v.orThrow();
    return new SessionFields(
        held, d.interviewerId(), List.copyOf(new LinkedHashSet<>(d.participantIds())), notes);
  }

  /** An ISO day, null when blank; a wrong one is recorded on {@code v}. */
  static LocalDate date(Validation v, String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      v.check(field, false, "must be a day such as 2026-03-14");
      return null;
    }
  }
}
