package io.hatrack.planning.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A discrete scale of allowed values in ascending order, e.g. RICE's impact {@code 0.25, 0.5, 1, 2,
 * 3}. Values are compared numerically, so {@code 0.50} is on a scale that lists {@code 0.5}.
 */
public record Scale(List<BigDecimal> values) {
  /** RICE impact: massive 3, high 2, medium 1, low 0.5, minimal 0.25 (Intercom). */
  public static final Scale RICE_IMPACT = of("0.25", "0.5", "1", "2", "3");

  /** RICE confidence in percent: high 100, medium 80, low 50 (Intercom). */
  public static final Scale RICE_CONFIDENCE = of("50", "80", "100");

  /** SAFe's modified Fibonacci sequence for WSJF's relative estimates. */
  public static final Scale MODIFIED_FIBONACCI = of("1", "2", "3", "5", "8", "13", "20");

  /** ICE's whole scores from 1 to 10. */
  public static final Scale ONE_TO_TEN = of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

  public Scale {
    values = List.copyOf(values);
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i - 1).compareTo(values.get(i)) >= 0) {
        throw new IllegalArgumentException("a scale lists its values in ascending order");
      }
    }
  }

  public static Scale of(String... values) {
    List<BigDecimal> list = new ArrayList<>();
    for (String v : values) {
      list.add(new BigDecimal(v));
    }
    return new Scale(list);
  }

  public boolean contains(BigDecimal value) {
    return value != null && indexOf(value) >= 0;
  }

  /** The next value up the scale; empty at the top or when {@code value} is not on the scale. */
  public Optional<BigDecimal> up(BigDecimal value) {
    int i = indexOf(value);
    return i < 0 || i == values.size() - 1 ? Optional.empty() : Optional.of(values.get(i + 1));
  }

  /** The next value down the scale; empty at the bottom or when not on the scale. */
  public Optional<BigDecimal> down(BigDecimal value) {
    int i = indexOf(value);
    return i <= 0 ? Optional.empty() : Optional.of(values.get(i - 1));
  }

  /** {@code "one of 0.25, 0.5, 1, 2, 3"}: the reason given for a value off the scale. */
  public String reason() {
    return "must be one of " + values.stream().map(Score::plain).collect(Collectors.joining(", "));
  }

  private int indexOf(BigDecimal value) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).compareTo(value) == 0) {
        return i;
      }
    }
    return -1;
  }
}
