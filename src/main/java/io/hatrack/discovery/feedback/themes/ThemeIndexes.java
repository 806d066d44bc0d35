package io.hatrack.discovery.feedback.themes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hatrack.discovery.text.ThemeIndex;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * The stored {@link ThemeIndex} of each product, read from the database and kept in memory as a
 * cache keyed by the model's version: every change to a product's themes bumps that version, so a
 * node never assigns with a stale copy, and several nodes may share one database.
 */
final class ThemeIndexes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Float>> WEIGHTS = new TypeReference<>() {};

  private record Cached(long version, ThemeIndex index) {}

  private final ThemeStore store;
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

  ThemeIndexes(ThemeStore store) {
    this.store = store;
  }

  /** The product's index as committed, if its themes were ever grouped; cached by version. */
  Optional<ThemeIndex> current(Handle h, long productId) {
    Optional<Long> version = store.modelVersion(h, productId);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    Cached c = cache.get(productId);
    if (c != null && c.version() == version.get()) {
      return Optional.of(c.index());
    }
    Optional<ThemeIndex> index = load(h, productId);
    index.ifPresent(i -> cache.put(productId, new Cached(version.get(), i)));
    return index;
  }

  /** The product's index as this transaction sees it (not cached: it may roll back). */
  Optional<ThemeIndex> load(Handle h, long productId) {
    return store
        .model(h, productId)
        .map(
            m -> {
              Map<Long, Map<String, Float>> centroids = new LinkedHashMap<>();
              for (ThemeStore.Row r : store.themes(h, productId)) {
                centroids.put(r.id(), weights(r.centroid()));
              }
              return ThemeIndex.of(
                  weights(m.idf()), (int) m.documents(), m.minSimilarity(), centroids);
            });
  }

  static Map<String, Float> weights(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, WEIGHTS);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Weights as JSON, sorted by stem so that the same weights give the same text. */
  static String json(Map<String, Float> weights) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(weights));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
