-- The escalations hat: SLA policies of a workspace (targets per severity, optional business hours
-- and holidays), the policy each product picks, escalations (items with an entity row) and the
-- timeline of each escalation, from which the SLA clocks are computed.

-- An SLA policy: time_zone null means the clocks run around the clock; otherwise they run on the
-- work_days (ISO day numbers, 1 = Monday, comma separated) from day_start to day_end (HH:MM) in
-- time_zone, except on the policy's holidays. One policy of a workspace is its default.
CREATE TABLE sla_policy (
  id           ${id_pk},
  workspace_id BIGINT NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  is_default   BOOLEAN NOT NULL DEFAULT FALSE,
  time_zone    TEXT,
  work_days    TEXT NOT NULL DEFAULT '1,2,3,4,5',
  day_start    TEXT NOT NULL DEFAULT '09:00',
  day_end      TEXT NOT NULL DEFAULT '17:00',
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL,
  version      BIGINT NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, name),
  CHECK (day_start < day_end)
);

-- A policy's targets for one severity, in minutes of business time.
CREATE TABLE sla_target (
  policy_id         BIGINT NOT NULL REFERENCES sla_policy (id) ON DELETE CASCADE,
  severity          TEXT NOT NULL CHECK (severity IN ('S1', 'S2', 'S3', 'S4')),
  first_response_min BIGINT NOT NULL CHECK (first_response_min > 0),
  resolution_min     BIGINT NOT NULL CHECK (resolution_min > 0),
  PRIMARY KEY (policy_id, severity)
);

-- A day (ISO date) on which a policy's business-hours clocks do not run.
CREATE TABLE sla_holiday (
  policy_id BIGINT NOT NULL REFERENCES sla_policy (id) ON DELETE CASCADE,
  on_day    TEXT NOT NULL,
  PRIMARY KEY (policy_id, on_day)
);

-- The policy a product picked; a product without a row uses its workspace's default policy.
CREATE TABLE product_sla_policy (
  product_id BIGINT PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
  policy_id  BIGINT NOT NULL REFERENCES sla_policy (id) ON DELETE CASCADE
);

-- An escalation: a customer (an entity of the discovery hat) in trouble with a product. Its title,
-- key and version live in its entity row. policy_id is the policy its clocks run on (the product's
-- when it was opened); first_response_at is the first customer update, resolved_at the last time it
-- was resolved (null while open).
CREATE TABLE escalation (
  id                BIGINT PRIMARY KEY REFERENCES entity (id) ON DELETE CASCADE,
  product_id        BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  customer_id       BIGINT NOT NULL REFERENCES entity (id) ON DELETE CASCADE,
  severity          TEXT NOT NULL CHECK (severity IN ('S1', 'S2', 'S3', 'S4')),
  status            TEXT NOT NULL CHECK (status IN ('new', 'investigating', 'waiting_on_customer', 'resolved', 'closed')),
  owner_id          BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  description       TEXT NOT NULL DEFAULT '',
  policy_id         BIGINT REFERENCES sla_policy (id) ON DELETE SET NULL,
  opened_at         BIGINT NOT NULL,
  first_response_at BIGINT,
  resolved_at       BIGINT,
  closed_at         BIGINT
);
CREATE INDEX escalation_product ON escalation (product_id, status);
CREATE INDEX escalation_opened ON escalation (opened_at);
CREATE INDEX escalation_customer ON escalation (customer_id);

-- The timeline of an escalation, oldest first: opened, internal notes, customer updates, status,
-- severity and owner changes (from_value, to_value) and links added (body names the item).
CREATE TABLE escalation_event (
  id            ${id_pk},
  escalation_id BIGINT NOT NULL REFERENCES escalation (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'customer_update', 'status', 'severity', 'owner', 'link')),
  body          TEXT NOT NULL DEFAULT '',
  from_value    TEXT,
  to_value      TEXT,
  actor_id      BIGINT REFERENCES app_user (id) ON DELETE SET NULL,
  happened_at   BIGINT NOT NULL
);
CREATE INDEX escalation_event_escalation ON escalation_event (escalation_id, happened_at, id);
