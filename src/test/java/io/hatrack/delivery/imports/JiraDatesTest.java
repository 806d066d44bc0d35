package io.hatrack.delivery.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.hatrack.delivery.imports.source.JiraDates;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraDatesTest {
  private static final ZoneId UTC = ZoneOffset.UTC;

  private static String detected(String... samples) {
    return JiraDates.detect(List.of(samples)).orElseThrow().format().pattern();
  }

  private static LocalDateTime read(String value, String... samples) {
    return LocalDateTime.ofInstant(
        JiraDates.detect(List.of(samples)).orElseThrow().format().parse(value, UTC).orElseThrow(),
        UTC);
  }

  @Test
  void jirasDefaultFormatWithEnglishMonthsAndTwelveHourTimes() {
    assertThat(detected("12/Mar/24 3:45 PM", "1/Feb/24 11:05 AM")).isEqualTo("dd/MMM/yy h:mm a");
    assertThat(read("12/Mar/24 3:45 PM", "12/Mar/24 3:45 PM"))
        .isEqualTo(LocalDateTime.of(2024, 3, 12, 15, 45));
  }

  @Test
  void germanDottedDatesAndIsoDates() {
    assertThat(detected("12.03.24 15:45", "1.4.24 9:00")).isEqualTo("dd.MM.yy HH:mm");
    assertThat(read("12.03.24 15:45", "12.03.24 15:45"))
        .isEqualTo(LocalDateTime.of(2024, 3, 12, 15, 45));
    assertThat(detected("2024-03-12 15:45")).isEqualTo("yyyy-MM-dd HH:mm");
  }

  @Test
  void aDayAbove12DecidesBetweenDayFirstAndMonthFirst() {
    assertThat(detected("03/12/24 3:45 PM", "03/25/24 9:00 AM")).isEqualTo("MM/dd/yy h:mm a");
    assertThat(detected("25/03/24 15:45", "03/12/24 09:00")).isEqualTo("dd/MM/yy HH:mm");
    var ambiguous = JiraDates.detect(List.of("03/04/24 09:00")).orElseThrow();
    assertThat(ambiguous.format().pattern()).isEqualTo("dd/MM/yy HH:mm");
    assertThat(ambiguous.alsoFits()).contains("MM/dd/yy HH:mm");
  }

  @Test
  void nothingIsDetectedFromBlanksOrUnknownFormats() {
    assertThat(JiraDates.detect(List.of("", "  "))).isEmpty();
    assertThat(JiraDates.detect(List.of("yesterday"))).isEmpty();
    assertThat(JiraDates.detect(List.of("12/Mar/24 3:45 PM", "2024-03-12 15:45"))).isEmpty();
  }
}
