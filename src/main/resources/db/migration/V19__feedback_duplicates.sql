-- Near-duplicate feedback (issue 4, part 4): MinHash LSH kept in the database, written in the
-- transaction that creates feedback or changes its text, so that the check on arrival needs no
-- index in memory and no warm-up, and every node of one database sees the same.
-- Each live piece of feedback (not deleted, not merged into another) has its MinHash signature
-- (64 minima of 32 bits, 256 bytes, see io.hatrack.discovery.text.MinHash) and one row per LSH
-- band (16 bands of 4 rows). Two pieces are candidates when they share a band key; the share of
-- equal minima of their signatures estimates their Jaccard similarity.

CREATE TABLE feedback_minhash (
  feedback_id BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  signature   ${blob} NOT NULL
);
CREATE INDEX feedback_minhash_product ON feedback_minhash (product_id, feedback_id);

-- band_key: the band's number times 2^32 plus its 32-bit hash, so that one index finds a band.
-- No foreign key on feedback_id: rows are removed with their signature by the store (a cascade
-- would need a second index over 16 rows per item); a stale row is ignored by the join on
-- feedback_minhash.
CREATE TABLE feedback_band (
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  band_key    BIGINT NOT NULL,
  feedback_id BIGINT NOT NULL,
  PRIMARY KEY (product_id, band_key, feedback_id)
) ${without_rowid};

-- A suggested pair of near-duplicates, the lower id first; state suggested (shown to the PM) or
-- dismissed ("not a duplicate": remembered, never suggested again). similarity: the estimated
-- Jaccard similarity of their shingles (0..1).
CREATE TABLE feedback_duplicate_pair (
  low_id     BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  high_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  similarity DOUBLE PRECISION NOT NULL CHECK (similarity BETWEEN 0 AND 1),
  state      TEXT NOT NULL CHECK (state IN ('suggested', 'dismissed')),
  found_at   BIGINT NOT NULL,
  decided_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  decided_at BIGINT,
  PRIMARY KEY (low_id, high_id),
  CHECK (low_id < high_id)
) ${without_rowid};
CREATE INDEX feedback_duplicate_pair_high ON feedback_duplicate_pair (high_id);
-- The suggestions of a product, most similar first, newest pair first among equals (keyset paging).
CREATE INDEX feedback_duplicate_pair_product
  ON feedback_duplicate_pair (product_id, state, similarity, low_id, high_id);
