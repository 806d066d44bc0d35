package io.hatrack.definition.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.Invalid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Checking formula fields before they are saved, and computing them in dependency order. */
class FieldFormulasTest {
  private static final AtomicLong IDS = new AtomicLong();

  private static CustomField field(String key, FieldType type, String formula, WorkItemType... on) {
    return new CustomField(
        IDS.incrementAndGet(),
        1,
        key,
        key.substring(0, 1).toUpperCase() + key.substring(1).replace('_', ' '),
        type,
        type.hasOptions() ? List.of("Low", "High") : List.of(),
        formula,
        List.of(on),
        0,
        1);
  }

  private static CustomField number(String key, WorkItemType... on) {
    return field(key, FieldType.NUMBER, "", on);
  }

  private static CustomField formula(String key, String formula, WorkItemType... on) {
    return field(key, FieldType.FORMULA, formula, on);
  }

  private static String refusal(CustomField candidate, List<CustomField> others, String field) {
    try {
      FieldFormulas.check(candidate, others);
    } catch (Invalid e) {
      assertThat(e.errors()).hasSize(1);
      assertThat(e.errors().get(0).field()).isEqualTo(field);
      return e.errors().get(0).reason();
    }
    throw new AssertionError("accepted, but should not have: " + candidate);
  }

  @Test
  void aFormulaOverNumbersCheckboxesOtherFormulasAndTheEstimateIsAccepted() {
    List<CustomField> others =
        List.of(
            number("customer_value"),
            field("design_ready", FieldType.CHECKBOX, ""),
            formula("base", "customer_value * 2"));

    FieldFormulas.check(formula("score", "if(design_ready, base / max(estimate, 1), 0)"), others);
  }

  @Test
  void aFormulaThatUsesItselfIsRefused() {
    String reason = refusal(formula("score", "score + 1"), List.of(), "formula");

    assertThat(reason).isEqualTo("refers to itself (score); a formula cannot use its own result");
  }

  @Test
  void aFormulaThatUsesAMissingFieldIsRefusedAndTheUsableKeysAreListed() {
    String reason =
        refusal(formula("score", "value * 2"), List.of(number("confidence")), "formula");

    assertThat(reason)
        .isEqualTo(
            "refers to 'value', which is not a field of this product"
                + " (its numeric fields: estimate, confidence)");
  }

  @Test
  void aFormulaThatUsesATextOrSelectFieldIsRefused() {
    List<CustomField> others =
        List.of(field("risk", FieldType.SELECT, ""), field("notes", FieldType.TEXT, ""));

    assertThat(refusal(formula("score", "risk * 2"), others, "formula"))
        .isEqualTo(
            "refers to 'risk', a select field; a formula can only use number, checkbox and"
                + " formula fields");
    assertThat(refusal(formula("score", "1 + notes"), others, "formula"))
        .startsWith("refers to 'notes', a text field");
  }

  @Test
  void aFormulaThatCannotBeParsedIsRefusedWithTheColumn() {
    assertThat(refusal(formula("score", "1 + * 2"), List.of(), "formula"))
        .isEqualTo("at column 5: expected a number, a field or '(' but found '*'");
  }

  @Test
  void aLoopThroughOtherFormulasIsRefusedAndSpeltOut() {
    CustomField a = formula("a", "b + 1");
    CustomField c = formula("c", "a * 2");
    CustomField bUsesC = formula("b", "c - 1");

    assertThat(refusal(formula("b", "a + 1"), List.of(a), "formula"))
        .isEqualTo("makes a loop of formulas: b uses a, a uses b");
    assertThat(refusal(bUsesC, List.of(a, c), "formula"))
        .isEqualTo("makes a loop of formulas: b uses c, c uses a, a uses b");
  }

  @Test
  void theCandidateReplacesItsOwnOldVersionWhenChecked() {
    CustomField old = formula("score", "1");
    CustomField changed =
        new CustomField(
            old.id(), 1, "score", "Score", FieldType.FORMULA, List.of(), "2", List.of(), 0, 1);

    FieldFormulas.check(changed, List.of(old));
  }

  @Test
  void aFieldThatAFormulaUsesMustStayNumeric() {
    CustomField value = number("value");
    CustomField score = formula("score", "value * 2");
    CustomField asText =
        new CustomField(
            value.id(), 1, "value", "Value", FieldType.TEXT, List.of(), "", List.of(), 0, 1);

    assertThat(refusal(asText, List.of(value, score), "type"))
        .isEqualTo(
            "must stay a number, checkbox or formula: the formula of \u201cScore\u201d uses value");
  }

  @Test
  void formulasAreComputedAfterTheFormulasTheyRead() {
    FieldFormulas formulas =
        FieldFormulas.of(
            List.of(
                formula("total", "double + 1"), formula("double", "value * 2"), number("value")));

    Map<String, Formula.Result> r =
        formulas.compute(WorkItemType.FEATURE, Map.of("value", 5.0), null);

    assertThat(formulas.formulaFields())
        .extracting(CustomField::key)
        .containsExactly("double", "total");
    assertThat(r.get("double").value()).isEqualTo(10.0);
    assertThat(r.get("total").value()).isEqualTo(11.0);
  }

  @Test
  void anEmptyInputIsExplainedByTheFieldsNameAndPassesOnToFormulasThatReadIt() {
    FieldFormulas formulas =
        FieldFormulas.of(
            List.of(
                number("confidence"),
                formula("score", "confidence * 2"),
                formula("rank", "score + 1"),
                formula("per_point", "10 / estimate")));

    Map<String, Formula.Result> r = formulas.compute(WorkItemType.STORY, Map.of(), null);

    assertThat(r.get("score").reason()).isEqualTo("Confidence has no value");
    assertThat(r.get("rank").reason()).isEqualTo("Score is empty");
    assertThat(r.get("per_point").reason()).isEqualTo("the item has no estimate");
  }

  @Test
  void anUnsetCheckboxReadsAsZeroAndATickedOneAsOne() {
    FieldFormulas formulas =
        FieldFormulas.of(
            List.of(field("ready", FieldType.CHECKBOX, ""), formula("go", "if(ready, 100, 5)")));

    assertThat(formulas.compute(WorkItemType.TASK, Map.of(), null).get("go").value())
        .isEqualTo(5.0);
    assertThat(formulas.compute(WorkItemType.TASK, Map.of("ready", 1.0), null).get("go").value())
        .isEqualTo(100.0);
  }

  @Test
  void aFormulaIsComputedOnlyForTheKindsOfItemItAppliesTo() {
    FieldFormulas formulas =
        FieldFormulas.of(
            List.of(
                number("value", WorkItemType.FEATURE),
                formula("only_features", "value", WorkItemType.FEATURE),
                formula("everywhere", "value + 1")));

    Map<String, Formula.Result> onBug =
        formulas.compute(WorkItemType.BUG, Map.of("value", 3.0), 2.0);
    Map<String, Formula.Result> onFeature =
        formulas.compute(WorkItemType.FEATURE, Map.of("value", 3.0), 2.0);

    assertThat(onBug).containsOnlyKeys("everywhere");
    assertThat(onBug.get("everywhere").reason()).isEqualTo("Value does not apply to bugs");
    assertThat(onFeature.get("only_features").value()).isEqualTo(3.0);
    assertThat(onFeature.get("everywhere").value()).isEqualTo(4.0);
  }

  @Test
  void usersOfAKeyAreTheFormulasThatReadIt() {
    FieldFormulas formulas =
        FieldFormulas.of(
            List.of(number("a"), formula("x", "a + 1"), formula("y", "2"), formula("z", "x * a")));

    assertThat(formulas.usersOf("a")).extracting(CustomField::key).containsExactly("x", "z");
    assertThat(formulas.uses("y")).isFalse();
    assertThat(FieldFormulas.of(List.of(number("a"))).isEmpty()).isTrue();
  }

  @Test
  void aStoredLoopDoesNotHangTheComputationButEmptiesTheFormulasInIt() {
    FieldFormulas formulas =
        FieldFormulas.of(List.of(formula("a", "b + 1"), formula("b", "a + 1")));

    Map<String, Formula.Result> r = formulas.compute(WorkItemType.EPIC, Map.of(), null);

    assertThat(r.values()).allSatisfy(v -> assertThat(v.isEmpty()).isTrue());
    assertThatThrownBy(() -> FieldFormulas.check(formula("c", "a"), List.of()))
        .isInstanceOf(Invalid.class);
  }
}
