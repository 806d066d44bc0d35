-- Work items imported from other tools (Jira, GitHub, Trello, a CSV file): which item each record
-- of the other tool became, so that importing the same file again updates those items rather than
-- adding them twice. The fingerprint is a hash of the record as last imported: a record whose
-- fingerprint has not changed is left alone and counted as unchanged.
CREATE TABLE import_key (
  product_id   BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  source       TEXT NOT NULL CHECK (source IN ('jira', 'github', 'trello', 'csv')),
  external_key TEXT NOT NULL,
  item_id      BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  fingerprint  TEXT NOT NULL,
  imported_at  BIGINT NOT NULL,
  PRIMARY KEY (product_id, source, external_key)
);
CREATE INDEX import_key_item ON import_key (item_id);

-- A file uploaded on the import page, kept as uploaded (its bytes: the encoding is found when it
-- is read) from the preview until it is imported, or for a day.
CREATE TABLE import_upload (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  created_by BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  file_name  TEXT NOT NULL,
  format     TEXT NOT NULL CHECK (format IN ('jira', 'github', 'trello', 'csv')),
  content    ${blob} NOT NULL
);
CREATE INDEX import_upload_product ON import_upload (product_id, id);
