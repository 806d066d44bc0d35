package io.hatrack.definition.story;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The reference Gherkin parser (Cucumber's own) over a text: the test's proof that an exported file
 * is valid Gherkin, and a way to look at what Cucumber will make of it.
 */
public record ReferenceGherkin(Feature feature, List<Pickle> pickles) {

  /** Parses {@code text}; an {@link AssertionError} with Cucumber's messages when it is invalid. */
  public static ReferenceGherkin parse(String text) {
    List<Envelope> envelopes =
        GherkinParser.builder()
            .includeSource(false)
            .build()
            .parse("export.feature", text.getBytes(StandardCharsets.UTF_8))
            .toList();
    List<String> errors =
        envelopes.stream()
            .flatMap(e -> e.getParseError().stream())
            .map(e -> e.getMessage())
            .toList();
    if (!errors.isEmpty()) {
      throw new AssertionError("not valid Gherkin: " + errors + "\n" + text);
    }
    Feature feature =
        envelopes.stream()
            .flatMap(e -> e.getGherkinDocument().stream())
            .flatMap(d -> d.getFeature().stream())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Feature in\n" + text));
    List<Pickle> pickles = envelopes.stream().flatMap(e -> e.getPickle().stream()).toList();
    return new ReferenceGherkin(feature, pickles);
  }

  /** Each scenario as Cucumber runs it: "name [tags]: step; step; ...". */
  public List<String> scenarios() {
    return pickles.stream()
        .map(
            p ->
                p.getName()
                    + " "
                    + p.getTags().stream().map(PickleTag::getName).toList()
                    + ": "
                    + String.join("; ", p.getSteps().stream().map(s -> s.getText()).toList()))
        .toList();
  }
}
