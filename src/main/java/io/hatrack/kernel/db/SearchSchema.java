package io.hatrack.kernel.db;

/**
 * The full-text index over {@code search_doc} (migration V15), which the two databases build
 * differently. Both are derived from the rows of {@code search_doc} alone, so backups leave them
 * out ({@link Tables}) and a restore rebuilds them by inserting those rows.
 */
final class SearchSchema {
  private SearchSchema() {}

  /**
   * An external-content FTS5 table over title and body (Porter stemming, Unicode case and accent
   * folding) whose rowid is the document's id, kept in step by triggers in the writer's
   * transaction.
   */
  static final String SQLITE =
      """
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body, content='search_doc', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER search_doc_inserted AFTER INSERT ON search_doc BEGIN
        INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
      CREATE TRIGGER search_doc_deleted AFTER DELETE ON search_doc BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body)
          VALUES ('delete', old.id, old.title, old.body);
      END;
      CREATE TRIGGER search_doc_updated AFTER UPDATE OF title, body ON search_doc BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body)
          VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
      END;
      """;

  /**
   * A stored generated tsvector (English configuration; the title weighs more than the body) with a
   * GIN index.
   */
  static final String POSTGRESQL =
      """
      ALTER TABLE search_doc ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED;
      CREATE INDEX search_doc_vector ON search_doc USING GIN (search_vector);
      """;

  /**
   * The words of the FTS5 index, each once (migration V18): a prefix search reads the words it
   * stands for from here.
   */
  static final String SQLITE_VOCABULARY =
      "CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, row);";

  /** PostgreSQL expands prefixes inside its own index; nothing to create. */
  static final String POSTGRESQL_VOCABULARY = "SELECT 1;";
}
