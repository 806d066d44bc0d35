-- Feedback files uploaded in the browser, between their preview (where the column mapping is
-- chosen) and their import: the import reads and checks the file again, all or nothing, and removes
-- it once saved. Files waiting longer than a day are removed by the next upload.
CREATE TABLE feedback_import (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  created_by BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  file_name  TEXT NOT NULL,
  format     TEXT NOT NULL CHECK (format IN ('csv', 'json')),
  content    TEXT NOT NULL
);
CREATE INDEX feedback_import_product ON feedback_import (product_id, id);
