-- The ceremonies of a team: stand-ups, sprint reviews and retrospectives. They are keyed on the
-- team and a day (ISO date), not on a sprint, so that they stand whether or not sprints are used.

-- A member's stand-up entry for a day: what they did yesterday and plan today. Only its author
-- writes or changes it; one entry per member and day.
CREATE TABLE standup_entry (
  id         ${id_pk},
  team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  yesterday  TEXT NOT NULL DEFAULT '',
  today      TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1,
  UNIQUE (team_id, user_id, day)
);
CREATE INDEX standup_entry_day ON standup_entry (team_id, day);

-- A blocker raised in a stand-up entry: open (surfaced on every later day's stand-up) until someone
-- resolves it.
CREATE TABLE standup_blocker (
  id          ${id_pk},
  team_id     BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  entry_id    BIGINT NOT NULL REFERENCES standup_entry (id) ON DELETE CASCADE,
  user_id     BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  day         TEXT NOT NULL,
  text        TEXT NOT NULL,
  resolved_at BIGINT,
  resolved_by BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  created_at  BIGINT NOT NULL,
  version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX standup_blocker_team ON standup_blocker (team_id, resolved_at, day);

-- A sprint review of a team on a day; sprint is a free label until reviews are tied to sprints.
CREATE TABLE sprint_review (
  id         ${id_pk},
  team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  day        TEXT NOT NULL,
  title      TEXT NOT NULL,
  sprint     TEXT,
  notes      TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX sprint_review_team ON sprint_review (team_id, day);

-- The work items demoed in a review, in the order shown.
CREATE TABLE sprint_review_item (
  review_id BIGINT NOT NULL REFERENCES sprint_review (id) ON DELETE CASCADE,
  item_id   BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (review_id, item_id)
);

-- Who was at a review: a workspace member (user_id) or anyone else by name (a customer).
CREATE TABLE sprint_review_stakeholder (
  id        ${id_pk},
  review_id BIGINT NOT NULL REFERENCES sprint_review (id) ON DELETE CASCADE,
  user_id   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  name      TEXT NOT NULL,
  position  INTEGER NOT NULL
);
CREATE INDEX sprint_review_stakeholder_review ON sprint_review_stakeholder (review_id);

-- Feedback (items of the discovery hat, source sprint_review) given at a review, by a stakeholder.
CREATE TABLE sprint_review_feedback (
  review_id      BIGINT NOT NULL REFERENCES sprint_review (id) ON DELETE CASCADE,
  feedback_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  stakeholder_id BIGINT REFERENCES sprint_review_stakeholder (id) ON DELETE SET NULL,
  PRIMARY KEY (review_id, feedback_id)
);

-- A retrospective of a team on a day: its format, whether cards are anonymous (then no author is
-- stored), and how many votes each person has.
CREATE TABLE retro (
  id          ${id_pk},
  team_id     BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  day         TEXT NOT NULL,
  title       TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('start_stop_continue', 'mad_sad_glad', 'four_ls',
                'custom')),
  anonymous   BOOLEAN NOT NULL DEFAULT FALSE,
  vote_budget INTEGER NOT NULL CHECK (vote_budget BETWEEN 1 AND 50),
  phase       TEXT NOT NULL DEFAULT 'write' CHECK (phase IN ('write', 'group', 'vote', 'discuss')),
  created_by  BIGINT NOT NULL REFERENCES app_user (id),
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL,
  version     BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX retro_team ON retro (team_id, day);

-- The columns of a retrospective, in order (the format's, or the facilitator's for custom).
CREATE TABLE retro_column (
  retro_id BIGINT NOT NULL REFERENCES retro (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (retro_id, position)
);

-- A group of cards under a title.
CREATE TABLE retro_group (
  id         ${id_pk},
  retro_id   BIGINT NOT NULL REFERENCES retro (id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX retro_group_retro ON retro_group (retro_id);

-- A card in a column; author_id is null on an anonymous retrospective.
CREATE TABLE retro_card (
  id         ${id_pk},
  retro_id   BIGINT NOT NULL REFERENCES retro (id) ON DELETE CASCADE,
  col        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  author_id  BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  group_id   BIGINT REFERENCES retro_group (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX retro_card_retro ON retro_card (retro_id, col);

-- How many of their votes a person has used in a retrospective: one conditional update of this
-- row keeps them within the budget even when two votes race.
CREATE TABLE retro_voter (
  retro_id BIGINT NOT NULL REFERENCES retro (id) ON DELETE CASCADE,
  user_id  BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  used     INTEGER NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (retro_id, user_id)
);

-- A person's votes (dots) on a card; only the totals are shown, and each person their own.
CREATE TABLE retro_vote (
  card_id BIGINT NOT NULL REFERENCES retro_card (id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  dots    INTEGER NOT NULL CHECK (dots > 0),
  PRIMARY KEY (card_id, user_id)
);

-- An action item agreed in a retrospective; it shows in the team's later retrospectives until done
-- (done_in names the retrospective where it was marked done, if any).
CREATE TABLE retro_action (
  id         ${id_pk},
  team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
  retro_id   BIGINT NOT NULL REFERENCES retro (id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  owner_id   BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  due_day    TEXT,
  done_at    BIGINT,
  done_by    BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  done_in    BIGINT REFERENCES retro (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX retro_action_team ON retro_action (team_id, done_at);
