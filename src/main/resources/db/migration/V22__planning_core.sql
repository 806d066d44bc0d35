-- The planning and roadmap hats' shared core: teams of a workspace, an item's effort per team,
-- scoring models with each item's current score, and where an item sits on the roadmap. Each part
-- adds its own tables in later migrations; these are the ones the parts read from one another.

-- A team that does the work: capacity and efforts are in the team's unit (person-days or points).
CREATE TABLE team (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  slug         TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  effort_unit  TEXT NOT NULL DEFAULT 'days' CHECK (effort_unit IN ('days', 'points')),
  archived_at  BIGINT,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, slug),
  UNIQUE (workspace_id, name)
);

-- How much of a team's capacity an item needs, in the team's unit; an item may need several teams.
CREATE TABLE item_effort (
  item_id BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  effort  DOUBLE PRECISION NOT NULL CHECK (effort > 0),
  PRIMARY KEY (item_id, team_id)
);
CREATE INDEX item_effort_team ON item_effort (team_id);

-- A scoring model of a product (RICE, ICE, WSJF, ...); config holds its settings as JSON
-- (ICE convention, scorecard criteria and weights, a formula).
CREATE TABLE scoring_model (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('rice', 'ice', 'wsjf', 'value_effort', 'moscow', 'kano', 'scorecard', 'formula')),
  config     TEXT NOT NULL DEFAULT '{}',
  position   INTEGER NOT NULL DEFAULT 0,
  is_default BOOLEAN NOT NULL DEFAULT FALSE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1,
  UNIQUE (product_id, name)
);

-- An item's current score under a model: the inputs as JSON (each with where it came from), the
-- exact value as a fraction p/q and as a number for sorting; a score that cannot be computed yet
-- keeps the reason in missing and no value.
CREATE TABLE item_score (
  item_id     BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  model_id    BIGINT NOT NULL REFERENCES scoring_model (id) ON DELETE CASCADE,
  inputs      TEXT NOT NULL DEFAULT '{}',
  score       DOUBLE PRECISION,
  exact       TEXT,
  missing     TEXT,
  computed_at BIGINT NOT NULL,
  computed_by BIGINT REFERENCES app_user (id),
  version     BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (item_id, model_id)
);
CREATE INDEX item_score_rank ON item_score (model_id, score);

-- Where an item sits on the product's roadmap: a horizon (now / next / later), dates, the release
-- it targets, the team doing it, and whether the public roadmap shows it. An accepted release plan
-- writes here (plan_id names it); dragging on the roadmap writes here too.
CREATE TABLE item_schedule (
  item_id      BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id   BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  horizon      TEXT CHECK (horizon IN ('now', 'next', 'later')),
  start_date   TEXT,
  end_date     TEXT,
  release_name TEXT NOT NULL DEFAULT '',
  team_id      BIGINT REFERENCES team (id) ON DELETE SET NULL,
  plan_id      BIGINT,
  public       BOOLEAN NOT NULL DEFAULT FALSE,
  updated_at   BIGINT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX item_schedule_product ON item_schedule (product_id, start_date);
