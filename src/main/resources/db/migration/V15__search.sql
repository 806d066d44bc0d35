-- Full-text search over the items of every hat (work items, feedback, insights, ...): one document
-- per item, keyed by the item's entity id, written by the hat's service in the transaction that
-- changes the item. Its facet columns are the filters of a search; tags come from entity_tag and a
-- customer's segment from the customer table, so neither is copied here.
-- The full-text index itself differs per database and is derived from these rows, so it is never
-- backed up: the search_index placeholder at the end is an FTS5 table kept by triggers on SQLite,
-- and a generated tsvector column with a GIN index on PostgreSQL (see kernel/db/SearchSchema); the
-- search_doc_pk placeholder makes the id SQLite's rowid.
-- sentiment is from -1 (negative) to 1 (positive); happened_at is when the item happened (feedback
-- received, item created), epoch milliseconds.

CREATE TABLE search_doc (
  id          ${search_doc_pk} REFERENCES entity (id) ON DELETE CASCADE,
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  source      TEXT,
  customer_id BIGINT REFERENCES customer (id) ON DELETE SET NULL,
  status      TEXT,
  sentiment   DOUBLE PRECISION CHECK (sentiment >= -1 AND sentiment <= 1),
  happened_at BIGINT NOT NULL
);
CREATE INDEX search_doc_product_kind ON search_doc (product_id, kind);
CREATE INDEX search_doc_customer ON search_doc (customer_id);
-- The values a product's documents have, for the filters' choices, seek through these.
CREATE INDEX search_doc_product_source ON search_doc (product_id, source);
CREATE INDEX search_doc_product_status ON search_doc (product_id, status);

${search_index}
