-- The definition hat's decision log. A decision's identity, key, title and version live in entity;
-- its options and deciders are rewritten together with it, in one transaction.

-- superseded_by refers to entity (not to decision) so that a backup restores in any row order.
CREATE TABLE decision (
  id            BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id    BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('proposed', 'decided', 'superseded')),
  context       TEXT NOT NULL DEFAULT '',
  outcome       TEXT NOT NULL DEFAULT '',
  consequences  TEXT NOT NULL DEFAULT '',
  decided_on    TEXT,
  superseded_by BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  CHECK (status <> 'decided' OR decided_on IS NOT NULL),
  CHECK (superseded_by IS NULL OR status = 'superseded')
);
CREATE INDEX decision_product ON decision (product_id, decided_on);
CREATE INDEX decision_superseded_by ON decision (superseded_by);

CREATE TABLE decision_option (
  decision_id BIGINT NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  pros        TEXT NOT NULL DEFAULT '',
  cons        TEXT NOT NULL DEFAULT '',
  chosen      BOOLEAN NOT NULL DEFAULT FALSE,
  PRIMARY KEY (decision_id, position)
);
-- At most one chosen option per decision.
CREATE UNIQUE INDEX decision_option_chosen ON decision_option (decision_id) WHERE chosen;

CREATE TABLE decision_decider (
  decision_id BIGINT NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  user_id     BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  PRIMARY KEY (decision_id, user_id)
);
CREATE INDEX decision_decider_user ON decision_decider (user_id);
