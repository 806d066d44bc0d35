-- The definition hat: work items in a hierarchy and per-product workflows. A work item's identity, key, title and version live in entity.

CREATE TABLE definition_settings (
  product_id       BIGINT PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
  estimate_unit    TEXT NOT NULL DEFAULT 'points' CHECK (estimate_unit IN ('points', 'size', 'days')),
  story_size_limit DOUBLE PRECISION,
  version          BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE workflow_state (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  category   TEXT NOT NULL CHECK (category IN ('todo', 'doing', 'done')),
  position   INTEGER NOT NULL,
  UNIQUE (product_id, name)
);

CREATE TABLE workflow_transition (
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  from_state BIGINT NOT NULL REFERENCES workflow_state (id) ON DELETE CASCADE,
  to_state   BIGINT NOT NULL REFERENCES workflow_state (id) ON DELETE CASCADE,
  PRIMARY KEY (from_state, to_state)
);

-- parent_id refers to entity (not to work_item) so that a backup restores in any row order.
CREATE TABLE work_item (
  id            BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id    BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  type          TEXT NOT NULL CHECK (type IN ('objective', 'initiative', 'epic', 'feature', 'story', 'bug', 'task')),
  description   TEXT NOT NULL DEFAULT '',
  state_id      BIGINT NOT NULL REFERENCES workflow_state (id),
  owner_id      BIGINT REFERENCES app_user (id),
  parent_id     BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  estimate      DOUBLE PRECISION,
  size          TEXT CHECK (size IN ('XS', 'S', 'M', 'L', 'XL', 'XXL')),
  position      DOUBLE PRECISION NOT NULL DEFAULT 0,
  story_role    TEXT NOT NULL DEFAULT '',
  story_goal    TEXT NOT NULL DEFAULT '',
  story_benefit TEXT NOT NULL DEFAULT '',
  acceptance    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX work_item_product_type ON work_item (product_id, type);
CREATE INDEX work_item_product_state ON work_item (product_id, state_id, position);
CREATE INDEX work_item_parent ON work_item (parent_id);
CREATE INDEX work_item_owner ON work_item (owner_id);
