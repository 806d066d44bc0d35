-- The words of the full-text index, for expanding a prefix typed in a search (invoic*) into the
-- indexed words it stands for before searching. On SQLite the search_vocab placeholder is an
-- fts5vocab table over search_fts (derived, so never backed up); PostgreSQL needs nothing.

${search_vocab}
