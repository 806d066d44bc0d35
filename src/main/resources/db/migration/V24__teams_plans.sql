-- Teams' people and availability, and release plans with their solved result. The team itself and
-- an item's effort per team are V22's tables (team, item_effort).

-- How a team counts its time: sprints (a length in weeks from a first start date) and, for a
-- team that estimates in points, how many points one person-day of availability is worth.
CREATE TABLE team_settings (
  team_id        BIGINT PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
  sprint_weeks   INTEGER NOT NULL DEFAULT 2 CHECK (sprint_weeks BETWEEN 1 AND 8),
  sprint_start   TEXT NOT NULL,
  points_per_day DOUBLE PRECISION NOT NULL DEFAULT 1 CHECK (points_per_day > 0)
);

-- A person on a team, with the share of their time the team gets (100 for full time).
CREATE TABLE team_member (
  team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  allocation INTEGER NOT NULL CHECK (allocation BETWEEN 1 AND 100),
  added_at   BIGINT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

-- Days a team does not work: a holiday of the whole team (no user) or a member's days off, from
-- first_day to last_day inclusive (ISO dates).
CREATE TABLE team_day_off (
  id         ${id_pk},
  team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  user_id    BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
  first_day  TEXT NOT NULL,
  last_day   TEXT NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  CHECK (first_day <= last_day)
);
CREATE INDEX team_day_off_team ON team_day_off (team_id, first_day);

-- A release plan of a product, or a what-if scenario of one (parent_id names the base plan): what
-- was asked (request: periods, teams, model, options, constraints, changes as JSON) and what the
-- solver answered.
CREATE TABLE release_plan (
  id           ${id_pk},
  product_id   BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  parent_id    BIGINT REFERENCES release_plan (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  request      TEXT NOT NULL,
  model_id     BIGINT REFERENCES scoring_model (id) ON DELETE SET NULL,
  status       TEXT NOT NULL CHECK (status IN ('optimal', 'feasible', 'unknown')),
  objective    BIGINT NOT NULL,
  bound        BIGINT NOT NULL,
  gap          DOUBLE PRECISION NOT NULL,
  greedy_value BIGINT NOT NULL,
  solve_ms     BIGINT NOT NULL,
  accepted_at  BIGINT,
  accepted_by  BIGINT REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  version      BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX release_plan_product ON release_plan (product_id, parent_id);

-- Each candidate item of a plan: the period the plan puts it in (null when left out, with the
-- reason), the period the greedy plan would give it, its value as planned, and its effort per team
-- (JSON, team id to effort in the team's unit) as it was when the plan was solved.
CREATE TABLE release_plan_item (
  plan_id       BIGINT NOT NULL REFERENCES release_plan (id) ON DELETE CASCADE,
  item_id       BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  period        TEXT,
  greedy_period TEXT,
  value         BIGINT NOT NULL,
  effort        TEXT NOT NULL DEFAULT '{}',
  reason        TEXT,
  PRIMARY KEY (plan_id, item_id)
);

-- Each team's capacity in each period of a plan, in the team's unit, as the plan used it.
CREATE TABLE release_plan_capacity (
  plan_id  BIGINT NOT NULL REFERENCES release_plan (id) ON DELETE CASCADE,
  period   TEXT NOT NULL,
  team_id  BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  capacity DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (plan_id, period, team_id)
);
