package io.hatrack.kernel.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Records every change inside the transaction that makes it, so that the log and the data never
 * disagree. The same entries feed the activity views of items, products and workspaces.
 */
public final class AuditLog {
  private final ActivityStore store;
  private final ObjectMapper json;
  private final Clock clock;

  public AuditLog(ActivityStore store, ObjectMapper json, Clock clock) {
    this.store = store;
    this.json = json;
    this.clock = clock;
  }

  /** Writes {@code change} with the handle of the caller's transaction; returns its id. */
  public long record(Handle h, Change change) {
    return store.insert(
        h, change, toJson(change.before()), toJson(change.after()), clock.instant());
  }

  private String toJson(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit values must be serialisable to JSON", e);
    }
  }
}
