-- Predictive resize: demand history, latest recommendation per cluster, resize outcomes (H2 and PostgreSQL).

-- Demand (CPU cores of pod requests) per cluster, compacted to pkso.resize.history-step (maximum per step).
CREATE TABLE pkso_demand_sample (
  foundation   VARCHAR(64)              NOT NULL,
  cluster_name VARCHAR(128)             NOT NULL,
  ts           TIMESTAMP WITH TIME ZONE NOT NULL,
  cores        DOUBLE PRECISION         NOT NULL,
  CONSTRAINT pk_pkso_demand_sample PRIMARY KEY (foundation, cluster_name, ts)
);
-- Retention deletes by time across all clusters of a foundation.
CREATE INDEX ix_pkso_demand_sample_ts ON pkso_demand_sample (foundation, ts);

-- The latest recommendation of the forecasting cycle, one row per cluster.
CREATE TABLE pkso_resize_recommendation (
  foundation           VARCHAR(64)              NOT NULL,
  cluster_name         VARCHAR(128)             NOT NULL,
  recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  foundation_time      TIMESTAMP WITH TIME ZONE,
  mode                 VARCHAR(32)              NOT NULL,
  plan_name            VARCHAR(128),
  current_workers      INTEGER,
  recommended_workers  INTEGER,
  needed_now_workers   INTEGER,
  forecast_status      VARCHAR(32),
  forecast_model       VARCHAR(64),
  demand_now_cores     DOUBLE PRECISION,
  forecast_upper_cores DOUBLE PRECISION,
  node_cores           DOUBLE PRECISION,
  action               VARCHAR(32)              NOT NULL,
  reason               VARCHAR(1000),
  CONSTRAINT pk_pkso_resize_recommendation PRIMARY KEY (foundation, cluster_name)
);

-- One row per ended PredictiveResizeProcess instance: the accuracy report's input.
CREATE TABLE pkso_resize_outcome (
  process_instance_id  VARCHAR(64)              NOT NULL,
  foundation           VARCHAR(64)              NOT NULL,
  cluster_name         VARCHAR(128)             NOT NULL,
  recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  proposed_at          TIMESTAMP WITH TIME ZONE,
  from_workers         INTEGER,
  to_workers           INTEGER,
  trigger_kind         VARCHAR(16),
  forecast_upper_cores DOUBLE PRECISION,
  outcome              VARCHAR(32)              NOT NULL,
  outcome_message      VARCHAR(1000),
  CONSTRAINT pk_pkso_resize_outcome PRIMARY KEY (process_instance_id)
);
CREATE INDEX ix_pkso_resize_outcome_cluster ON pkso_resize_outcome (foundation, cluster_name, recorded_at);
