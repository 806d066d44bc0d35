-- Scoring (planning hat, part 1): every change of an item's score under a model, with who made it,
-- when, the inputs as they then were (same JSON shape as item_score.inputs) and the value that
-- followed. A change is a manual edit, a fill from evidence, or a recompute after the model's
-- settings changed.
CREATE TABLE item_score_history (
  id         ${id_pk},
  item_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  model_id   BIGINT NOT NULL REFERENCES scoring_model (id) ON DELETE CASCADE,
  cause      TEXT NOT NULL CHECK (cause IN ('manual', 'evidence', 'recompute')),
  inputs     TEXT NOT NULL DEFAULT '{}',
  score      DOUBLE PRECISION,
  exact      TEXT,
  missing    TEXT,
  changed_by BIGINT REFERENCES app_user (id),
  changed_at BIGINT NOT NULL
);
CREATE INDEX item_score_history_item ON item_score_history (item_id, model_id, id);
