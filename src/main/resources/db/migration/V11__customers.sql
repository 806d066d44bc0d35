-- The discovery hat, part 1: the customers of a workspace (companies, shared by its products) with
-- their contacts, the personas of a product, the workspace's discovery settings (its one currency)
-- and CSV imports waiting for the uploader to confirm them.
-- A customer's and a persona's identity, title (the name) and version live in entity; a customer's
-- entity row has no product (workspace_id only), a persona's has its product and a key.

CREATE TABLE discovery_settings (
  workspace_id BIGINT PRIMARY KEY REFERENCES workspace (id) ON DELETE CASCADE,
  currency     TEXT NOT NULL DEFAULT 'USD',
  version      BIGINT NOT NULL DEFAULT 1
);

-- Revenue is exact: revenue_minor in minor units of the workspace's currency (cents for USD), with
-- the period it was given for; arr_minor is the same amount per year (12 x MRR), for sorting.
CREATE TABLE customer (
  id             BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  workspace_id   BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  external_id    TEXT,
  segment        TEXT NOT NULL DEFAULT '',
  plan           TEXT NOT NULL DEFAULT '',
  tier           TEXT NOT NULL DEFAULT '',
  domain         TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  revenue_minor  BIGINT,
  revenue_period TEXT CHECK (revenue_period IN ('arr', 'mrr')),
  arr_minor      BIGINT,
  CHECK ((revenue_minor IS NULL) = (revenue_period IS NULL)),
  CHECK ((revenue_minor IS NULL) = (arr_minor IS NULL)),
  UNIQUE (workspace_id, external_id)
);
CREATE INDEX customer_workspace_arr ON customer (workspace_id, arr_minor);

CREATE TABLE customer_contact (
  id          ${id_pk},
  customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  email       TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  created_at  BIGINT NOT NULL,
  version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id, id);

CREATE TABLE persona (
  id          BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id  BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  description TEXT NOT NULL DEFAULT '',
  goals       TEXT NOT NULL DEFAULT '',
  pains       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX persona_product ON persona (product_id);

-- An uploaded CSV file between its preview and its confirmation; confirming re-reads and re-checks
-- it in one transaction, and removes it.
CREATE TABLE customer_import (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  created_by   BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  file_name    TEXT NOT NULL,
  content      TEXT NOT NULL
);
CREATE INDEX customer_import_workspace ON customer_import (workspace_id, id);
