package io.hatrack.kernel.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Schemas of the API's request and response records, derived from the records themselves so
 * that the OpenAPI document cannot drift from the code.
 */
public final class Schemas {
  private final Map<String, Map<String, Object>> components = new LinkedHashMap<>();

  /** The schema of {@code type}, as a reference into the components when it is a record. */
  public Map<String, Object> of(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        return map("type", "array", "items", of(p.getActualTypeArguments()[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return map("type", "object", "additionalProperties", of(p.getActualTypeArguments()[1]));
      }
      return of(raw);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return map("type", "string");
    }
    if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
      return map(
          "type", "integer", "format", c == int.class || c == Integer.class ? "int32" : "int64");
    }
    if (c == double.class || c == Double.class) {
      return map("type", "number");
    }
    if (c == boolean.class || c == Boolean.class) {
      return map("type", "boolean");
    }
    if (c == Instant.class) {
      return map("type", "string", "format", "date-time");
    }
    if (c == LocalDate.class) {
      return map("type", "string", "format", "date");
    }
    if (c.isEnum()) {
      return map("type", "string");
    }
    if (c == Object.class || JsonNode.class.isAssignableFrom(c)) {
      return new LinkedHashMap<>();
    }
    if (c.isRecord()) {
      String name = c.getSimpleName().replaceFirst("Json$", "");
      if (!components.containsKey(name)) {
        components.put(name, Map.of());
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent rc : c.getRecordComponents()) {
          properties.put(Json.name(rc.getName()), of(rc.getGenericType()));
        }
        components.put(name, map("type", "object", "properties", properties));
      }
      return map("$ref", "#/components/schemas/" + name);
    }
    return map("type", "object");
  }

  public Map<String, Map<String, Object>> components() {
    return components;
  }

  static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
