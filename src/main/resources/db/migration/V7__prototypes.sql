-- Click-through prototypes: ordered screens with rectangular hotspots that lead to other screens,
-- and read-only share links. A prototype's identity, key, title and version live in entity.
-- A screen is either an image uploaded to the prototype ('image', bytes kept here) or a wireframe or
-- image attachment of the product ('wireframe', 'attachment'), found through source_id when shown.
-- prototype_id refers to entity (not to prototype) so that a backup restores in any row order.

CREATE TABLE prototype_screen (
  id           ${id_pk},
  prototype_id BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  position     INTEGER NOT NULL,
  source_kind  TEXT NOT NULL CHECK (source_kind IN ('image', 'wireframe', 'attachment')),
  source_id    BIGINT,
  content_type TEXT,
  data         ${blob},
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  CHECK ((source_kind = 'image' AND data IS NOT NULL AND content_type IS NOT NULL AND source_id IS NULL)
      OR (source_kind <> 'image' AND data IS NULL AND source_id IS NOT NULL))
);
CREATE INDEX prototype_screen_prototype ON prototype_screen (prototype_id, position, id);

CREATE TABLE prototype (
  id              BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  description     TEXT NOT NULL DEFAULT '',
  start_screen_id BIGINT REFERENCES prototype_screen (id) ON DELETE SET NULL
);

-- x, y, w, h are fractions (0..1) of the screen's width and height, so that a hotspot stays on its
-- button when the screen is shown at any size.
CREATE TABLE prototype_hotspot (
  id               ${id_pk},
  screen_id        BIGINT NOT NULL REFERENCES prototype_screen (id) ON DELETE CASCADE,
  x                DOUBLE PRECISION NOT NULL CHECK (x >= 0 AND x < 1),
  y                DOUBLE PRECISION NOT NULL CHECK (y >= 0 AND y < 1),
  w                DOUBLE PRECISION NOT NULL CHECK (w > 0 AND w <= 1),
  h                DOUBLE PRECISION NOT NULL CHECK (h > 0 AND h <= 1),
  target_screen_id BIGINT NOT NULL REFERENCES prototype_screen (id) ON DELETE CASCADE,
  label            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX prototype_hotspot_screen ON prototype_hotspot (screen_id, id);
CREATE INDEX prototype_hotspot_target ON prototype_hotspot (target_screen_id);

-- The token itself is shown once; only its SHA-256 is kept.
CREATE TABLE prototype_share (
  id           ${id_pk},
  prototype_id BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  token_hash   TEXT NOT NULL UNIQUE,
  label        TEXT NOT NULL DEFAULT '',
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  revoked_at   BIGINT,
  revoked_by   BIGINT REFERENCES app_user (id)
);
CREATE INDEX prototype_share_prototype ON prototype_share (prototype_id, id);
