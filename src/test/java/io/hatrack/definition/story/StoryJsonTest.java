package io.hatrack.definition.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.definition.story.AcceptanceCriteria.Scenario;
import io.hatrack.definition.story.StoryJson.AcceptanceInput;
import io.hatrack.definition.story.StoryJson.ScenarioJson;
import io.hatrack.kernel.FieldError;
import io.hatrack.kernel.Invalid;
import io.hatrack.kernel.web.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shape of acceptance criteria, both ways. */
class StoryJsonTest {
  private final ObjectMapper json = Json.mapper();

  @Test
  void scenariosBecomeTheirSectionsInJson() throws Exception {
    List<Scenario> scenarios =
        AcceptanceCriteria.parse(
            """
            Scenario: Save a card at checkout
              Given a signed-in shopper with an empty wallet
              When they pay with a new card and tick "Save this card"
              Then the card appears in their wallet
              And it is stored as a token, never as a number
            """);

    String out =
        json.writeValueAsString(
            new AcceptanceInput(scenarios.stream().map(ScenarioJson::of).toList(), null));

    assertThat(json.readTree(out))
        .isEqualTo(
            json.readTree(
                """
                {"scenarios": [{
                  "name": "Save a card at checkout",
                  "given": ["a signed-in shopper with an empty wallet"],
                  "when": ["they pay with a new card and tick \\"Save this card\\""],
                  "then": ["the card appears in their wallet",
                           "it is stored as a token, never as a number"]
                }], "text": null}
                """));
  }

  @Test
  void jsonScenariosBecomeTheCanonicalText() throws Exception {
    AcceptanceInput in =
        json.readValue(
            """
            {"scenarios": [
              {"name": " Pay ", "given": ["a shopper", "a saved card"], "when": ["they pay"],
               "then": ["it works"]},
              {"name": "Outcome only", "then": ["something"]}
            ]}
            """,
            AcceptanceInput.class);

    String text = AcceptanceCriteria.format(StoryJson.scenarios(in.scenarios()));

    assertThat(text)
        .isEqualTo(
            """
            Scenario: Pay
              Given a shopper
              And a saved card
              When they pay
              Then it works

            Scenario: Outcome only
              Then something
            """);
  }

  @Test
  void butStepsReadAsFurtherStepsOfTheirSection() {
    Scenario s =
        AcceptanceCriteria.parse("Scenario: A\n  Given x\n  But y\n  Then z\n  But w").get(0);

    ScenarioJson j = ScenarioJson.of(s);

    assertThat(j.given()).containsExactly("x", "y");
    assertThat(j.when()).isEmpty();
    assertThat(j.then()).containsExactly("z", "w");
  }

  @Test
  void everyMistakeInTheJsonIsNamedByItsPath() {
    List<ScenarioJson> in =
        Arrays.asList(
            new ScenarioJson(" ", List.of("ok"), null, List.of("done")),
            new ScenarioJson("Two lines", Arrays.asList("a\nb", " "), List.of(), List.of()),
            null,
            new ScenarioJson("two lines", null, null, List.of("x".repeat(501))));

    assertThatThrownBy(() -> StoryJson.scenarios(in))
        .isInstanceOfSatisfying(
            Invalid.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError("scenarios[0].name", "must not be blank"),
                        new FieldError("scenarios[1].given[0]", "must be one line"),
                        new FieldError("scenarios[1].given[1]", "must not be blank"),
                        new FieldError(
                            "scenarios[1].then", "needs at least one step: say what should happen"),
                        new FieldError(
                            "scenarios[2]", "must be an object with name, given, when and then"),
                        new FieldError(
                            "scenarios[3].name",
                            "another scenario is already called \u201ctwo lines\u201d"),
                        new FieldError("scenarios[3].then[0]", "must be at most 500 characters")));
  }

  @Test
  void anEmptyListClearsTheCriteria() {
    assertThat(AcceptanceCriteria.format(StoryJson.scenarios(List.of()))).isEmpty();
  }
}
