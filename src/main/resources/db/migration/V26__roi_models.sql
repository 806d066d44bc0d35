-- ROI models of a product (the planning hat): costs and benefits over a horizon of months or years,
-- a discount rate, optionally for one work item (a feature, epic or initiative) whose value field
-- the model's NPV can fill. Amounts are in the workspace's currency, in major units.

CREATE TABLE roi_model (
  id            ${id_pk},
  product_id    BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  item_id       BIGINT REFERENCES entity (id) ON DELETE SET NULL,
  name          TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  periodicity   TEXT NOT NULL CHECK (periodicity IN ('monthly', 'yearly')),
  horizon       INTEGER NOT NULL CHECK (horizon >= 1),
  -- per year, as a fraction (0.1 is 10 %); monthly models use the equivalent effective rate
  discount_rate DOUBLE PRECISION NOT NULL,
  -- what "use as the item's value" last wrote: the amount, its basis (p50 or npv) and when
  value_amount  DOUBLE PRECISION,
  value_basis   TEXT CHECK (value_basis IN ('p50', 'npv')),
  value_set_at  BIGINT,
  created_by    BIGINT NOT NULL REFERENCES app_user (id),
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL,
  version       BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX roi_model_product ON roi_model (product_id, name);
CREATE INDEX roi_model_item ON roi_model (item_id);

-- A cost or benefit per period from start_period to end_period (a one-off cost: both the same);
-- the amount is fixed (low = likely = high) or uncertain with a triangular or PERT spread.
CREATE TABLE roi_line (
  model_id     BIGINT NOT NULL REFERENCES roi_model (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('one_off_cost', 'recurring_cost', 'new_revenue', 'retained_revenue', 'cost_saved')),
  label        TEXT NOT NULL,
  start_period INTEGER NOT NULL,
  end_period   INTEGER NOT NULL,
  ramp_periods INTEGER NOT NULL DEFAULT 0,
  spread       TEXT NOT NULL CHECK (spread IN ('fixed', 'triangular', 'pert')),
  low          DOUBLE PRECISION NOT NULL,
  likely       DOUBLE PRECISION NOT NULL,
  high         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (model_id, position)
);

-- The Monte Carlo run of a model's current version (a change of the model deletes it): NPV
-- percentiles, mean, P(NPV > 0), and the histogram as comma-separated counts of equal-width bins
-- from npv_min to npv_max.
CREATE TABLE roi_simulation (
  model_id      BIGINT PRIMARY KEY REFERENCES roi_model (id) ON DELETE CASCADE,
  draws         INTEGER NOT NULL,
  seed          BIGINT NOT NULL,
  mean          DOUBLE PRECISION NOT NULL,
  p10           DOUBLE PRECISION NOT NULL,
  p50           DOUBLE PRECISION NOT NULL,
  p90           DOUBLE PRECISION NOT NULL,
  prob_positive DOUBLE PRECISION NOT NULL,
  npv_min       DOUBLE PRECISION NOT NULL,
  npv_max       DOUBLE PRECISION NOT NULL,
  histogram     TEXT NOT NULL,
  simulated_by  BIGINT REFERENCES app_user (id),
  simulated_at  BIGINT NOT NULL
);
