package io.hatrack.definition.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.fields.Formula.FormulaError;
import io.hatrack.definition.fields.Formula.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The formula language: worked examples, precedence, empty results and parse errors. */
class FormulaTest {

  /** Evaluates {@code formula} with the inputs given as key, value pairs (null: no value). */
  private static Result eval(String formula, Object... pairs) {
    Map<String, Double> inputs = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      Object v = pairs[i + 1];
      inputs.put((String) pairs[i], v == null ? null : ((Number) v).doubleValue());
    }
    return Formula.parse(formula).evaluate(inputs::get);
  }

  private static double value(String formula, Object... pairs) {
    Result r = eval(formula, pairs);
    assertThat(r.reason()).as(formula).isNull();
    return r.value();
  }

  private static FormulaError error(String formula) {
    try {
      Formula.parse(formula);
    } catch (FormulaError e) {
      return e;
    }
    throw new AssertionError("parsed, but should not have: " + formula);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "10 - 4 - 3; 3",
        "100 / 10 / 5; 2",
        "2 * 3 + 4 * 5; 26",
        "-2 * 3; -6",
        "2 * -3; -6",
        "--2; 2",
        "-(2 + 3); -5",
        "+4; 4",
        "7 - -3; 10",
        ".5 + 0.25; 0.75",
        "1 + 2 > 2; 1",
        "1 + 2 < 2; 0",
        "3 = 3; 1",
        "3 == 3; 1",
        "3 != 3; 0",
        "3 <> 4; 1",
        "2 <= 2; 1",
        "2 >= 3; 0",
        "1 < 2 and 2 < 3; 1",
        "1 < 2 and 3 < 2; 0",
        "0 or 2; 1",
        "0 or 0; 0",
        "1 or 0 and 0; 1",
        "(1 or 0) and 0; 0",
        "not 0; 1",
        "not 5; 0",
        "not 1 = 2; 1",
        "not 0 and 0; 0",
        "if(1, 10, 20); 10",
        "if(0, 10, 20); 20",
        "if(2 > 1, 3, 4) * 2; 6",
        "min(3, 1, 2); 1",
        "max(3, 1, 2); 3",
        "min(5); 5",
        "abs(-4.5); 4.5",
        "round(2.5); 3",
        "round(-2.5); -3",
        "round(2.4); 2",
        "round(2.675, 2); 2.68",
        "round(1.005, 2); 1.01",
        "round(1234.5, -2); 1200",
        "round(10 / 3, 1); 3.3",
        "IF(1 AND 1, 2, 3); 2",
      })
  void workedExamples(String formula, double expected) {
    assertThat(value(formula)).isEqualTo(expected);
  }

  @Test
  void theValueScoreOfTheDemoDividesByTheEstimateButNeverByLessThanOne() {
    String score = "round(customer_value * confidence / max(estimate, 1), 1)";

    assertThat(value(score, "customer_value", 9, "confidence", 8, "estimate", 5)).isEqualTo(14.4);
    assertThat(value(score, "customer_value", 9, "confidence", 8, "estimate", 0.5)).isEqualTo(72.0);
    assertThat(eval(score, "customer_value", 9, "confidence", 8, "estimate", null))
        .isEqualTo(Result.empty("estimate has no value"));
  }

  @Test
  void aMissingInputEmptiesTheResultAndTheFirstMissingOneIsTheReason() {
    Result r = eval("a * 2 + b", "a", null, "b", null);

    assertThat(r.isEmpty()).isTrue();
    assertThat(r.value()).isNull();
    assertThat(r.reason()).isEqualTo("a has no value");
    assertThat(eval("min(1, b)", "b", null).reason()).isEqualTo("b has no value");
    assertThat(eval("not b", "b", null).reason()).isEqualTo("b has no value");
    assertThat(eval("-b", "b", null).isEmpty()).isTrue();
  }

  @Test
  void theInputsCanNameWhatIsMissing() {
    Formula f = Formula.parse("confidence + 1");
    Result r =
        f.evaluate(
            new Formula.Inputs() {
              @Override
              public Double value(String key) {
                return null;
              }

              @Override
              public String missing(String key) {
                return "Confidence has no value";
              }
            });

    assertThat(r.reason()).isEqualTo("Confidence has no value");
  }

  @Test
  void divisionByZeroGivesAnEmptyResultWithTheReason() {
    assertThat(eval("1 / 0")).isEqualTo(Result.empty("division by zero"));
    assertThat(eval("a / (b - b)", "a", 3, "b", 2)).isEqualTo(Result.empty("division by zero"));
  }

  @Test
  void ifEvaluatesOnlyTheBranchItPicks() {
    String guarded = "if(estimate > 0, 10 / estimate, 0)";

    assertThat(value(guarded, "estimate", 0)).isZero();
    assertThat(value(guarded, "estimate", 4)).isEqualTo(2.5);
    assertThat(value("if(1, 5, missing)", "missing", null)).isEqualTo(5);
    assertThat(eval("if(c, 1, 2)", "c", null).reason()).isEqualTo("c has no value");
  }

  @Test
  void andAndOrStopAsSoonAsTheAnswerIsKnown() {
    assertThat(value("0 and x", "x", null)).isZero();
    assertThat(value("1 or x", "x", null)).isEqualTo(1);
    assertThat(eval("1 and x", "x", null).isEmpty()).isTrue();
    assertThat(eval("x or 1", "x", null).isEmpty()).isTrue();
  }

  @Test
  void anOverflowIsAnEmptyResultNotInfinity() {
    Result r = eval("a * a * a", "a", 1e200);

    assertThat(r.isEmpty()).isTrue();
    assertThat(r.reason()).isEqualTo("a number grew too large");
    assertThat(eval("round(1, 0.5)").reason()).contains("round's digits must be a whole number");
    assertThat(eval("round(1, 16)").isEmpty()).isTrue();
  }

  @Test
  void negativeZeroIsShownAsZero() {
    assertThat(value("-0")).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(value("0 * -1"))).isEqualTo(0L);
  }

  @Test
  void referencesListTheFieldsReadInOrderWithoutFunctionNames() {
    Formula f = Formula.parse("round(b * A / max(estimate, 1), 1) + b");

    assertThat(f.references()).containsExactly("b", "a", "estimate");
    assertThat(Formula.parse("1 + 2").references()).isEmpty();
    assertThat(f.source()).isEqualTo("round(b * A / max(estimate, 1), 1) + b");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '"',
      value = {
        "1 + => 4 => expected a number, a field or '(' but found the end of the formula",
        "(1 + 2 => 7 => expected ')' to close the '(' at column 1 but found the end of the formula",
        "1 + 2) => 6 => ')' closes a parenthesis that was never opened",
        "1 2 => 3 => expected an operator or the end of the formula but found the number 2",
        "value score => 7 => expected an operator or the end of the formula but found 'score'",
        "a # b => 3 => unexpected character '#'",
        "a && b => 3 => unexpected character '&'; write 'and'",
        "a || b => 3 => unexpected character '|'; write 'or'",
        "!a => 1 => unexpected character '!'; write 'not' or '!='",
        "2 ^ 3 => 3 => unexpected character '^'; there is no power operator, multiply instead",
        "5% => 2 => unexpected character '%'; write a percentage as a fraction, e.g. 0.3",
        "risk = 'High' => 8 => unexpected character '''; formulas work with numbers only",
        "1. => 3 => expected a digit after the decimal point",
        "* 2 => 1 => expected a number, a field or '(' but found '*'",
        "and => 1 => expected a number, a field or '(' but found 'and'",
        "1 + and => 5 => expected a number, a field or '(' but found 'and'",
        "min => 4 => expected '(' after the function min but found the end of the formula",
        "sqrt(4) => 1 => unknown function 'sqrt'; the functions are if, min, max, round, abs",
        "if(1, 2) => 1 => if takes 3 arguments: if(condition, then, else), not 2",
        "max() => 1 => max takes at least 1 argument, not 0",
        "round(1, 2, 3) => 1 => round takes 1 or 2 arguments: round(x) or round(x, digits), not 3",
        "abs(1, 2) => 1 => abs takes 1 argument: abs(x), not 2",
        "max(1 2) => 7 => expected ',' or ')' to close the '(' at column 4 but found the number 2",
        "1 < 2 < 3 => 7 => comparisons cannot be chained; join them with 'and', e.g. a < b and b < c",
        "() => 2 => expected a number, a field or '(' but found ')'",
      })
  void parseErrorsSayWhatWasExpectedAndWhere(String formula, int column, String reason) {
    FormulaError e = error(formula);

    assertThat(e.column()).isEqualTo(column);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.getMessage()).isEqualTo("at column " + column + ": " + reason);
  }

  @Test
  void anEmptyOrOverlongOrTooDeepFormulaIsRefused() {
    assertThat(error("   ").reason()).startsWith("the formula is empty");
    assertThat(error("1+".repeat(500) + "1").reason()).contains("longer than 1000 characters");
    assertThat(error("(".repeat(60) + "1" + ")".repeat(60)).reason())
        .isEqualTo("the formula nests too deeply");
    assertThat(error("-".repeat(60) + "1").reason()).isEqualTo("the formula nests too deeply");
    assertThat(Formula.parse("(".repeat(40) + "1" + ")".repeat(40)).evaluate(k -> null).value())
        .isEqualTo(1.0);
  }

  @Test
  void aControlCharacterIsNamedByItsCodePoint() {
    assertThat(error("1 +\u0007 2").reason()).isEqualTo("unexpected character U+0007");
  }

  @Test
  void anInvalidFormulaNeverSlipsThroughAsAnotherException() {
    assertThatThrownBy(() -> Formula.parse(null)).isInstanceOf(FormulaError.class);
  }
}
