package io.hatrack.discovery.feedback.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
  private static final List<String> HEADER =
      List.of(
          "Ticket ID",
          "Subject",
          "Comment",
          "Channel",
          "Company",
          "Requester",
          "Created At",
          "Priority",
          "Labels",
          "Agent");

  @Test
  void theGuessMapsColumnsByTheirUsualNamesAndListsTheRest() {
    ColumnMapping guess = ColumnMapping.guess(HEADER);

    assertThat(guess.toString())
        .isEqualTo(
            "Ticket ID:external_id,Subject:title,Comment:text,Channel:source,Company:customer,"
                + "Requester:contact,Created At:date,Priority:importance,Labels:tags");
    assertThat(guess.unmapped(HEADER)).containsExactly("Agent");
  }

  @Test
  void aWrittenMappingOverridesTheGuessAndCanIgnoreAColumn() {
    List<FileProblem> problems = new ArrayList<>();

    ColumnMapping m =
        ColumnMapping.parse(
            List.of("agent=contact", "subject:text", "comment:ignore"), HEADER, problems);

    assertThat(problems).isEmpty();
    assertThat(m.column(FeedbackField.TEXT)).contains("Subject");
    assertThat(m.column(FeedbackField.CONTACT)).contains("Agent");
    assertThat(m.field("Comment")).isEmpty();
    assertThat(m.field("Requester")).isEmpty();
    assertThat(m.column(FeedbackField.TITLE)).isEmpty();
    assertThat(m.column(FeedbackField.CUSTOMER)).contains("Company");
  }

  @Test
  void aMappingOfAnUnknownColumnOrFieldIsAProblemThatSaysWhatThereIs() {
    List<FileProblem> problems = new ArrayList<>();

    ColumnMapping.parse(List.of("Nope:text", "Agent:owner", "Comment"), HEADER, problems);

    assertThat(problems)
        .extracting(FileProblem::message)
        .containsExactly(
            "the mapping names the column \"Nope\", which the file does not have (it has Ticket ID,"
                + " Subject, Comment, Channel, Company, Requester, Created At, Priority, Labels,"
                + " Agent)",
            "the mapping gives the column \"Agent\" the field \"owner\"; the fields are text,"
                + " title, source, customer, contact, date, status, importance, tags, external_id"
                + " (or ignore)",
            "the mapping \"Comment\" is not column:field (e.g. Comment:text)");
  }

  @Test
  void isoDatesAreReadAndSlashedDatesNeedTheirFormatChosen() {
    ZoneId paris = ZoneId.of("Europe/Paris");

    assertThat(DateFormat.ISO.parse("2025-03-04", paris))
        .isEqualTo(Instant.parse("2025-03-03T23:00:00Z"));
    assertThat(DateFormat.ISO.parse("2025-03-04T09:30:00Z", paris))
        .isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
    assertThat(DateFormat.ISO.parse("2025-03-04 09:30", paris))
        .isEqualTo(Instant.parse("2025-03-04T08:30:00Z"));
    assertThat(DateFormat.DAY_MONTH_YEAR.parse("04/03/2025", ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2025-03-04T00:00:00Z"));
    assertThat(DateFormat.MONTH_DAY_YEAR.parse("03/04/2025 10:00", ZoneId.of("UTC")))
        .isEqualTo(Instant.parse("2025-03-04T10:00:00Z"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DateFormat.ISO.parse("04/03/2025", paris))
        .hasMessageContaining("choose the date format (dd/MM/yyyy or MM/dd/yyyy)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DateFormat.MONTH_DAY_YEAR.parse("13/04/2025", paris))
        .hasMessageContaining("is not a date in the format MM/dd/yyyy");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DateFormat.ISO.parse("last tuesday", paris))
        .hasMessageContaining("is not a date Hatrack reads");
  }
}
