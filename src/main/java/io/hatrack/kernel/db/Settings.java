package io.hatrack.kernel.db;

import java.util.function.Supplier;

/**
 * Installation-wide settings kept in the database (such as the key that signs CSRF tokens), so that
 * every node serving the database agrees on them.
 */
public final class Settings {
  private final Database db;

  public Settings(Database db) {
    this.db = db;
  }

  /** The setting's value, storing {@code initial}'s value first when it has none yet. */
  public String getOrCreate(String name, Supplier<String> initial) {
    return db.tx(
        h -> {
          h.createUpdate(
                  "INSERT INTO app_setting (name, value) VALUES (:name, :value)"
                      + " ON CONFLICT (name) DO NOTHING")
              .bind("name", name)
              .bind("value", initial.get())
              .execute();
          return h.createQuery("SELECT value FROM app_setting WHERE name = :name")
              .bind("name", name)
              .mapTo(String.class)
              .one();
        });
  }
}
