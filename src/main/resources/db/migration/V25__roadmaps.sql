-- Roadmap snapshots: a named copy of every entry of a product's roadmap (item_schedule, V22) at one
-- moment, so that "what changed since" can be answered later. entries is a JSON array of objects
-- with the item's id, key, title, horizon, dates, release, team and public flag as they were then.
CREATE TABLE roadmap_snapshot (
  id          ${id_pk},
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  entries     TEXT NOT NULL,
  entry_count INTEGER NOT NULL,
  created_by  BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  created_at  BIGINT NOT NULL
);
CREATE INDEX roadmap_snapshot_product ON roadmap_snapshot (product_id, created_at);
