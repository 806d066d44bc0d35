-- Hatrack kernel: accounts, workspaces, products, the entity table every item shares, and the
-- collaboration kernel (links, comments, tags, watchers, activity, notifications).
-- One history for SQLite and PostgreSQL: ${id_pk} and ${blob} are filled in per dialect.
-- Times are epoch milliseconds (BIGINT) in UTC; dates are ISO-8601 text.

CREATE TABLE app_setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE app_user (
  id            ${id_pk},
  email         TEXT NOT NULL UNIQUE,
  handle        TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  password_hash TEXT,
  time_zone     TEXT NOT NULL DEFAULT 'UTC',
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);

CREATE TABLE user_session (
  token_hash   TEXT PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,
  user_agent   TEXT
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_token (
  id           ${id_pk},
  user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  prefix       TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
CREATE INDEX api_token_user ON api_token (user_id);

CREATE TABLE password_reset (
  token_hash TEXT PRIMARY KEY,
  user_id    BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);

CREATE TABLE login_attempt (
  id        ${id_pk},
  subject   TEXT NOT NULL,
  at        BIGINT NOT NULL
);
CREATE INDEX login_attempt_subject ON login_attempt (subject, at);

CREATE TABLE workspace (
  id         ${id_pk},
  slug       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  created_by BIGINT NOT NULL REFERENCES app_user (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE membership (
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'commenter', 'viewer')),
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX membership_user ON membership (user_id);

CREATE TABLE invitation (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  email        TEXT,
  role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'editor', 'commenter', 'viewer')),
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL,
  accepted_by  BIGINT REFERENCES app_user (id),
  accepted_at  BIGINT,
  revoked_at   BIGINT
);
CREATE INDEX invitation_workspace ON invitation (workspace_id);

CREATE TABLE product (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  slug         TEXT NOT NULL UNIQUE,
  item_key     TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  next_number  BIGINT NOT NULL DEFAULT 1,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, item_key)
);

-- One row for every item any hat serves; a hat's own table shares the id. search_title is the
-- title lowercased by Hatrack itself (SQLite's LOWER folds ASCII only), for case-blind search.
CREATE TABLE entity (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  product_id   BIGINT REFERENCES product (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  number       BIGINT,
  title        TEXT NOT NULL,
  search_title TEXT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  updated_by   BIGINT NOT NULL REFERENCES app_user (id),
  updated_at   BIGINT NOT NULL,
  deleted_at   BIGINT,
  UNIQUE (product_id, number)
);
CREATE INDEX entity_product_kind ON entity (product_id, kind, id);
-- Listings of live items, most recently updated first, seek straight to their cursor.
CREATE INDEX entity_live_product_kind_updated ON entity (product_id, kind, updated_at, id)
  WHERE deleted_at IS NULL;
CREATE INDEX entity_workspace ON entity (workspace_id, id);

-- How many live items of each kind a product has, kept by the item service in the transactions
-- that create, delete and restore items, so that listings know their total without counting.
CREATE TABLE item_count (
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  live       BIGINT NOT NULL,
  PRIMARY KEY (product_id, kind)
);

CREATE TABLE page (
  id   BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  body TEXT NOT NULL
);

CREATE TABLE link (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  source_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  target_id    BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  type         TEXT NOT NULL,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  UNIQUE (source_id, target_id, type)
);
CREATE INDEX link_target ON link (target_id);

CREATE TABLE comment (
  id         ${id_pk},
  entity_id  BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  author_id  BIGINT NOT NULL REFERENCES app_user (id),
  body       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1,
  deleted_at BIGINT
);
CREATE INDEX comment_entity ON comment (entity_id, id);

CREATE TABLE tag (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  UNIQUE (workspace_id, name)
);

CREATE TABLE entity_tag (
  entity_id BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  tag_id    BIGINT NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (entity_id, tag_id)
);
CREATE INDEX entity_tag_tag ON entity_tag (tag_id);

CREATE TABLE watcher (
  entity_id BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  user_id   BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  PRIMARY KEY (entity_id, user_id)
);
CREATE INDEX watcher_user ON watcher (user_id);

-- The activity feed and the audit log in one: every change, who made it, when, and the values
-- before and after. Rows with feed = FALSE (security events) show only in the audit log.
CREATE TABLE activity (
  id           ${id_pk},
  workspace_id BIGINT REFERENCES workspace (id) ON DELETE CASCADE,
  product_id   BIGINT REFERENCES product (id) ON DELETE CASCADE,
  entity_id    BIGINT REFERENCES entity (id) ON DELETE CASCADE,
  actor_id     BIGINT REFERENCES app_user (id),
  action       TEXT NOT NULL,
  summary      TEXT NOT NULL,
  before_json  TEXT,
  after_json   TEXT,
  feed         BOOLEAN NOT NULL DEFAULT TRUE,
  at           BIGINT NOT NULL
);
CREATE INDEX activity_entity ON activity (entity_id, id);
CREATE INDEX activity_product ON activity (product_id, id);
CREATE INDEX activity_workspace ON activity (workspace_id, id);

CREATE TABLE notification (
  id           ${id_pk},
  user_id      BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  entity_id    BIGINT REFERENCES entity (id) ON DELETE CASCADE,
  actor_id     BIGINT REFERENCES app_user (id),
  reason       TEXT NOT NULL,
  summary      TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  read_at      BIGINT
);
CREATE INDEX notification_user ON notification (user_id, id);
