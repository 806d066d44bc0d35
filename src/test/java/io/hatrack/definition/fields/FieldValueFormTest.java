package io.hatrack.definition.fields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hatrack.definition.Person;
import io.hatrack.definition.WorkItemType;
import io.hatrack.kernel.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the item form's custom field inputs are filled and read back, without a server. */
class FieldValueFormTest {
  private static final CustomField REACH = field(1, "reach", FieldType.NUMBER, List.of());
  private static final CustomField READY = field(2, "ready", FieldType.CHECKBOX, List.of());
  private static final CustomField REVIEWER = field(3, "reviewer", FieldType.PERSON, List.of());
  private static final CustomField PERSONA =
      field(4, "persona", FieldType.TEXT, List.of(WorkItemType.STORY));
  private static final CustomField SCORE = field(5, "score", FieldType.FORMULA, List.of());
  private static final List<CustomField> ALL = List.of(REACH, READY, REVIEWER, PERSONA, SCORE);

  private static CustomField field(long id, String key, FieldType type, List<WorkItemType> to) {
    return new CustomField(id, 1, key, key, type, List.of(), "", to, (int) id, 1);
  }

  private static Map<String, List<String>> form(String... pairs) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return params;
  }

  private static Map<String, JsonNode> read(
      WorkItemType type, WorkItemType before, Map<String, FieldValue> stored, String... pairs) {
    return FieldValueForm.values(ALL, type, before, stored, form(pairs));
  }

  @Test
  void numbersAreReadAsPeopleTypeThemAndAnythingElseIsLeftForTheServiceToRefuse() {
    assertThat(
            read(
                    WorkItemType.FEATURE,
                    null,
                    Map.of(),
                    "fields.reach",
                    " 12,500 ",
                    "fields_shown",
                    "reach")
                .get("reach")
                .doubleValue())
        .isEqualTo(12_500);
    assertThat(
            read(
                    WorkItemType.FEATURE,
                    null,
                    Map.of(),
                    "fields.reach",
                    "2.5",
                    "fields_shown",
                    "reach")
                .get("reach")
                .doubleValue())
        .isEqualTo(2.5);
    assertThat(
            read(
                    WorkItemType.FEATURE,
                    null,
                    Map.of(),
                    "fields.reach",
                    "0x10",
                    "fields_shown",
                    "reach")
                .get("reach")
                .isTextual())
        .isTrue();
    assertThat(
            read(
                    WorkItemType.FEATURE,
                    null,
                    Map.of(),
                    "fields.reach",
                    "3d",
                    "fields_shown",
                    "reach")
                .get("reach")
                .isTextual())
        .isTrue();
  }

  @Test
  void onlyFieldsTheFormShowedAreRead() {
    assertThat(read(WorkItemType.FEATURE, null, Map.of(), "fields.reach", "4")).isEmpty();
  }

  @Test
  void anUntickedBoxTheFormShowedIsFalse() {
    Map<String, FieldValue> ticked =
        Map.of("ready", new FieldValue(READY, null, 1.0, null, null, null));

    Map<String, JsonNode> values =
        read(WorkItemType.FEATURE, WorkItemType.FEATURE, ticked, "fields_shown", "ready");

    assertThat(values.get("ready").isBoolean()).isTrue();
    assertThat(values.get("ready").booleanValue()).isFalse();
  }

  @Test
  void aValueEqualToTheItemsIsNotSentSoAPersonWhoLeftTheWorkspaceIsKept() {
    Map<String, FieldValue> stored =
        Map.of(
            "reviewer",
            new FieldValue(REVIEWER, null, null, null, new Person(9, "gone", "Gone Person"), null),
            "reach",
            new FieldValue(REACH, null, 3.0, null, null, null));

    Map<String, JsonNode> values =
        read(
            WorkItemType.FEATURE,
            WorkItemType.FEATURE,
            stored,
            "fields.reviewer",
            "gone",
            "fields_shown",
            "reviewer",
            "fields.reach",
            "3",
            "fields_shown",
            "reach");

    assertThat(values).isEmpty();
  }

  @Test
  void aBlankInputOfAFieldTheOldTypeHidKeepsItsHiddenValue() {
    Map<String, JsonNode> blank =
        read(
            WorkItemType.STORY,
            WorkItemType.FEATURE,
            Map.of(),
            "fields.persona",
            "",
            "fields_shown",
            "persona");
    Map<String, JsonNode> filled =
        read(
            WorkItemType.STORY,
            WorkItemType.FEATURE,
            Map.of(),
            "fields.persona",
            "Returning shopper",
            "fields_shown",
            "persona");

    assertThat(blank).isEmpty();
    assertThat(filled.get("persona").textValue()).isEqualTo("Returning shopper");
  }

  @Test
  void formulasAndFieldsOfOtherTypesAreNeverSent() {
    Map<String, JsonNode> values =
        read(
            WorkItemType.FEATURE,
            WorkItemType.FEATURE,
            Map.of(),
            "fields.score",
            "99",
            "fields_shown",
            "score",
            "fields.persona",
            "Shopper",
            "fields_shown",
            "persona");

    assertThat(values).isEmpty();
  }

  @Test
  void aRefusedInputShowsWhatWasTypedAndItsReasonWhileTheOthersShowTheItemsValues() {
    Map<String, FieldValue> stored =
        Map.of(
            "reach", new FieldValue(REACH, null, 12_500.0, null, null, null),
            "score", new FieldValue(SCORE, null, null, null, null, "reach has no value"));

    List<FieldValueForm.Input> inputs =
        FieldValueForm.inputs(
            ALL,
            WorkItemType.FEATURE,
            stored,
            form("fields.ready", "true", "fields_shown", "ready"),
            List.of(new FieldError("fields.ready", "must be true or false")));

    assertThat(inputs)
        .extracting(i -> i.field().key())
        .containsExactly("reach", "ready", "reviewer", "score");
    assertThat(inputs.get(0).value()).isEqualTo("12500");
    assertThat(inputs.get(1).checked()).isTrue();
    assertThat(inputs.get(1).error()).isEqualTo("must be true or false");
    assertThat(inputs.get(3).editable()).isFalse();
    assertThat(inputs.get(3).why()).isEqualTo("reach has no value");
  }
}
