-- Requirement documents of the definition hat. A document's identity, key, title and version (the
-- ETag) live in entity; this table holds its body, review status and the number of its latest saved
-- version. Every save is kept in document_version. Times are epoch milliseconds.

-- A product's own templates; the built-in ones (PRD, one-pager, technical spec, RFC) ship with
-- Hatrack and are not stored.
CREATE TABLE document_template (
  id           ${id_pk},
  product_id   BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  template_key TEXT NOT NULL,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  body         TEXT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1,
  created_by   BIGINT NOT NULL REFERENCES app_user (id),
  created_at   BIGINT NOT NULL,
  updated_by   BIGINT NOT NULL REFERENCES app_user (id),
  updated_at   BIGINT NOT NULL,
  UNIQUE (product_id, template_key)
);

-- template_key and template_name say what the document was started from; they are copied, not
-- referenced, so that deleting a template leaves its documents as they are.
CREATE TABLE document (
  id                  BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id          BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  template_key        TEXT NOT NULL,
  template_name       TEXT NOT NULL,
  body                TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved')),
  latest_version      INTEGER NOT NULL DEFAULT 1,
  review_requested_by BIGINT REFERENCES app_user (id),
  review_requested_at BIGINT,
  approved_at         BIGINT
);
CREATE INDEX document_product_status ON document (product_id, status);

CREATE TABLE document_version (
  document_id BIGINT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  author_id   BIGINT NOT NULL REFERENCES app_user (id),
  saved_at    BIGINT NOT NULL,
  PRIMARY KEY (document_id, number)
);

-- The named approvers of a document and where each stands on it. decided_version is the document
-- version a decision was about; an edit puts every approver back to pending.
CREATE TABLE document_approver (
  document_id     BIGINT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  user_id         BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  decision        TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'changes_requested')),
  decided_version INTEGER,
  comment         TEXT NOT NULL DEFAULT '',
  decided_at      BIGINT,
  added_at        BIGINT NOT NULL,
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX document_approver_user ON document_approver (user_id);
