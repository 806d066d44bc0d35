-- Custom fields per product and work item type, and their values on work items.

CREATE TABLE custom_field (
  id         ${id_pk},
  product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  field_key  TEXT NOT NULL,          -- lower-case identifier [a-z][a-z0-9_]*, used in queries and formulas
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'select', 'multi_select', 'date', 'person', 'url', 'checkbox', 'formula')),
  options    TEXT NOT NULL DEFAULT '', -- select/multi_select options, one per line
  formula    TEXT NOT NULL DEFAULT '',
  item_types TEXT NOT NULL DEFAULT '', -- comma-separated work item types it applies to; empty = all
  position   INTEGER NOT NULL DEFAULT 0,
  version    BIGINT NOT NULL DEFAULT 1,
  UNIQUE (product_id, field_key),
  UNIQUE (product_id, name)
);

-- One value per item and field: numbers, checkboxes (1/0) and computed formulas in number_value
-- (an empty formula result keeps the reason in text_value), people in user_value, everything else
-- in text_value (dates ISO-8601 yyyy-mm-dd; multi-select as |a|b|).
CREATE TABLE custom_value (
  item_id      BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  field_id     BIGINT NOT NULL REFERENCES custom_field (id) ON DELETE CASCADE,
  text_value   TEXT,
  number_value DOUBLE PRECISION,
  user_value   BIGINT REFERENCES app_user (id),
  PRIMARY KEY (item_id, field_id)
);
CREATE INDEX custom_value_number ON custom_value (field_id, number_value);
CREATE INDEX custom_value_text ON custom_value (field_id, text_value);
CREATE INDEX custom_value_user ON custom_value (user_value);
