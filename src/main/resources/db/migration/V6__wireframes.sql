-- The definition hat: wireframes written as PlantUML Salt, with every saved version of their
-- source, and images attached to any item. A wireframe's identity, key, title and version (the
-- optimistic lock) live in entity; source_version counts the saved versions of its source.

CREATE TABLE wireframe (
  id             BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id     BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  source         TEXT NOT NULL,
  source_version INTEGER NOT NULL
);
CREATE INDEX wireframe_product ON wireframe (product_id);

-- restored_from: the version whose source this one brought back, or null for an edit.
CREATE TABLE wireframe_version (
  wireframe_id  BIGINT NOT NULL REFERENCES wireframe (id) ON DELETE CASCADE,
  number        INTEGER NOT NULL,
  source        TEXT NOT NULL,
  restored_from INTEGER,
  created_by    BIGINT NOT NULL REFERENCES app_user (id),
  created_at    BIGINT NOT NULL,
  PRIMARY KEY (wireframe_id, number)
);

-- An image attached to any item. Uploading the same name again to the same item adds the next
-- version; older versions stay. The type and size are read from the bytes, never from the name.
CREATE TABLE attachment (
  id           ${id_pk},
  item_id      BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/svg+xml')),
  size_bytes   BIGINT NOT NULL,
  width        INTEGER,
  height       INTEGER,
  version      INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  data         ${blob} NOT NULL,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  deleted_at   BIGINT,
  UNIQUE (item_id, name, version)
);
