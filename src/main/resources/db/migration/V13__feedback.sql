-- The feedback inbox: what customers said, from any source, as items of a product (kind
-- "feedback"), so that the kernel's tags, links ("supports" a work item), comments and activity
-- apply to them. The entity row holds the key, the short summary (its title) and the version.

-- Themes of a product's feedback, found by grouping similar feedback: label is made of the top
-- terms, name is the PM's own name for it (null until renamed).
CREATE TABLE feedback_theme (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  label      TEXT NOT NULL DEFAULT '',
  name       TEXT,
  terms      TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  version    BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX feedback_theme_product ON feedback_theme (product_id, id);

-- happened_at: when the feedback was given (epoch millis), which may be long before it was
-- entered. importance: 0 not important, 1 nice to have, 2 important, 3 critical. sentiment: a
-- compound score from -1 (negative) to 1 (positive), filled by the text analysis.
-- duplicate_of refers to entity (not to feedback) so that a backup restores in any row order: a
-- merged item may be older or newer than the one it was merged into.
CREATE TABLE feedback (
  id           BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id   BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('support_ticket', 'sales_call', 'interview',
                 'survey', 'portal', 'email', 'api', 'sprint_review', 'other')),
  customer_id  BIGINT REFERENCES customer (id) ON DELETE SET NULL,
  contact_id   BIGINT REFERENCES customer_contact (id) ON DELETE SET NULL,
  happened_at  BIGINT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'new'
               CHECK (status IN ('new', 'triaged', 'linked', 'archived')),
  importance   SMALLINT CHECK (importance BETWEEN 0 AND 3),
  external_id  TEXT,
  sentiment    REAL CHECK (sentiment BETWEEN -1 AND 1),
  theme_id     BIGINT REFERENCES feedback_theme (id) ON DELETE SET NULL,
  duplicate_of BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  created_at   BIGINT NOT NULL,
  UNIQUE (product_id, external_id)
);
-- The inbox: newest first, by status or not.
CREATE INDEX feedback_inbox ON feedback (product_id, status, happened_at, id);
CREATE INDEX feedback_product_happened ON feedback (product_id, happened_at, id);
CREATE INDEX feedback_customer ON feedback (customer_id, happened_at);
CREATE INDEX feedback_contact ON feedback (contact_id);
CREATE INDEX feedback_theme_items ON feedback (theme_id);
CREATE INDEX feedback_duplicate ON feedback (duplicate_of);
