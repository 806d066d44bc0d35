package io.hatrack.planning.backlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON kept in the scoring tables: model settings and an item's inputs (snake_case). */
final class ScoreJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<LinkedHashMap<String, ScoreInput>> INPUTS =
      new TypeReference<>() {};

  private ScoreJson() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, ScoreInput> inputs(String text) {
    if (text == null || text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      return JSON.readValue(text, INPUTS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ModelConfig config(String text) {
    if (text == null || text.isBlank()) {
      return ModelConfig.empty();
    }
    try {
      return JSON.readValue(text, ModelConfig.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
