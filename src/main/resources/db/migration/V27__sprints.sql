-- Sprints of a team (delivery hat): dates, goal, capacity from the team's availability, the
-- commitment frozen at start, scope changes while active, and the record kept at close.

-- A sprint of a team: planned, then active (one at a time per team), then closed. The capacity is
-- in the team's unit, counted from its members and days off over the sprint's dates. The *_points
-- columns are the record written when the sprint closes (null until then).
CREATE TABLE sprint (
  id               ${id_pk},
  team_id          BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  number           INTEGER NOT NULL,
  name             TEXT NOT NULL,
  goal             TEXT NOT NULL DEFAULT '',
  start_day        TEXT NOT NULL,
  end_day          TEXT NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('planned', 'active', 'closed')),
  capacity         DOUBLE PRECISION NOT NULL,
  started_at       BIGINT,
  started_by       BIGINT REFERENCES app_user (id),
  closed_at        BIGINT,
  closed_by        BIGINT REFERENCES app_user (id),
  committed_points DOUBLE PRECISION,
  completed_points DOUBLE PRECISION,
  added_points     DOUBLE PRECISION,
  removed_points   DOUBLE PRECISION,
  carried_points   DOUBLE PRECISION,
  created_at       BIGINT NOT NULL,
  created_by       BIGINT NOT NULL REFERENCES app_user (id),
  updated_at       BIGINT NOT NULL,
  version          BIGINT NOT NULL DEFAULT 1,
  UNIQUE (team_id, number),
  CHECK (start_day <= end_day)
);
CREATE INDEX sprint_team_start ON sprint (team_id, start_day);
-- One active sprint per team, even when two starts race.
CREATE UNIQUE INDEX sprint_one_active ON sprint (team_id) WHERE status = 'active';

-- The work items in a sprint. points: the estimate frozen when the item joined the commitment (at
-- start) or was added during the sprint; null while the sprint is planned (the live estimate
-- counts). outcome: what closing did with it (done, carried, returned), null until then.
CREATE TABLE sprint_item (
  sprint_id BIGINT NOT NULL REFERENCES sprint (id) ON DELETE CASCADE,
  item_id   BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  position  DOUBLE PRECISION NOT NULL,
  points    DOUBLE PRECISION,
  added_at  BIGINT NOT NULL,
  added_by  BIGINT NOT NULL REFERENCES app_user (id),
  outcome   TEXT CHECK (outcome IN ('done', 'carried', 'returned')),
  PRIMARY KEY (sprint_id, item_id)
);
CREATE INDEX sprint_item_item ON sprint_item (item_id);

-- The commitment of a started sprint: the items and their estimates at the moment it started.
CREATE TABLE sprint_commitment (
  sprint_id BIGINT NOT NULL REFERENCES sprint (id) ON DELETE CASCADE,
  item_id   BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  points    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (sprint_id, item_id)
);

-- Scope changed after a sprint started: an item added or removed, its points, when and by whom.
CREATE TABLE sprint_scope_change (
  id         ${id_pk},
  sprint_id  BIGINT NOT NULL REFERENCES sprint (id) ON DELETE CASCADE,
  item_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  change     TEXT NOT NULL CHECK (change IN ('added', 'removed')),
  points     DOUBLE PRECISION NOT NULL,
  changed_at BIGINT NOT NULL,
  changed_by BIGINT NOT NULL REFERENCES app_user (id)
);
CREATE INDEX sprint_scope_change_sprint ON sprint_scope_change (sprint_id, changed_at);

-- When a work item moved into a done state (done = TRUE) or out of one (FALSE): the burndown and
-- velocity read when work was finished from these.
CREATE TABLE work_item_done_event (
  id       ${id_pk},
  item_id  BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  done     BOOLEAN NOT NULL,
  event_at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES app_user (id)
);
CREATE INDEX work_item_done_event_item ON work_item_done_event (item_id, event_at);
