package io.hatrack.planning.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scores and ranks when one input moves one step along its scale. */
class SensitivityTest {
  private final Rice rice = new Rice();

  private static Rice.Inputs rice(int reach, String impact, int confidence, int effort) {
    return new Rice.Inputs(
        BigDecimal.valueOf(reach),
        new BigDecimal(impact),
        BigDecimal.valueOf(confidence),
        BigDecimal.valueOf(effort));
  }

  @Test
  void confidenceEightyMovesToHundredAndToFifty() {
    List<Sensitivity.Shift> shifts = Sensitivity.of(rice, rice(500, "2", 80, 2));
    assertThat(shifts)
        .extracting(s -> s.field() + " " + s.from() + "->" + s.to() + ": " + s.after().value())
        .containsExactly(
            "impact 2->3: 600",
            "impact 2->1: 200",
            "confidence 80->100: 500",
            "confidence 80->50: 250");
    assertThat(shifts.get(2).before().value()).isEqualTo(Rational.of(400));
    assertThat(shifts.get(2).change()).isEqualTo(Rational.of(100));
  }

  @Test
  void ranksShowWhichItemsOvertakeEachOther() {
    Map<String, Rice.Inputs> backlog = new LinkedHashMap<>();
    backlog.put("A", rice(500, "2", 80, 2)); // 400
    backlog.put("B", rice(450, "2", 80, 2)); // 360; at 100 % confidence 450
    backlog.put("C", rice(100, "1", 50, 1)); // 50
    List<Sensitivity.RankShift<String>> ranks = Sensitivity.ranks(rice, backlog);
    List<Sensitivity.RankShift<String>> changing = Sensitivity.changing(ranks);
    assertThat(changing)
        .extracting(
            r ->
                r.item()
                    + " "
                    + r.shift().field()
                    + "->"
                    + r.shift().to()
                    + ": "
                    + r.rankBefore()
                    + "->"
                    + r.rankAfter())
        .contains(
            "B confidence->100: 2->1",
            "B impact->3: 2->1",
            "A confidence->50: 1->2",
            "A impact->1: 1->2");
    assertThat(ranks)
        .filteredOn(r -> r.item().equals("C") && r.shift().field().equals("confidence"))
        .allSatisfy(r -> assertThat(r.changesRank()).isFalse());
  }

  @Test
  void movingOneItemNeverChangesAnotherItemsScore() {
    Map<String, Rice.Inputs> backlog = new LinkedHashMap<>();
    backlog.put("A", rice(500, "2", 80, 2));
    backlog.put("B", rice(450, "2", 80, 2));
    Score before = rice.score(backlog.get("A"));
    backlog.put("C", rice(9000, "3", 100, 1));
    assertThat(rice.score(backlog.get("A"))).isEqualTo(before);
  }

  @Test
  void wsjfJobSizeSteps() {
    List<Sensitivity.Shift> shifts = Sensitivity.of(new Wsjf(), new Wsjf.Inputs(8, 5, 3, 5));
    assertThat(shifts)
        .filteredOn(s -> s.field().equals("jobSize"))
        .extracting(s -> s.to() + ": " + s.after().value())
        .containsExactly("8: 2", "3: 16/3");
  }
}
