-- The batches of a running forecasting cycle (ForecastScalingProcess): one row per batch, written by the cycle's
-- planning step, completed by the batch's own job (its counts, in that job's transaction) and deleted by the cycle's
-- last step. A batch is a range of cluster names of one foundation, so the batch job lists the foundation's clusters
-- itself and takes exactly those in (after_cluster, last_cluster]: a cluster created after the planning falls into
-- one batch, a deleted one into none. Rows of a cycle that no longer runs are deleted by the next planning step.
CREATE TABLE pkso_forecast_batch (
  cycle_id          VARCHAR(64)              NOT NULL,
  -- the multi-instance loopCounter of the batch; negative: a foundation whose clusters could not be listed
  batch_no          INTEGER                  NOT NULL,
  foundation        VARCHAR(64)              NOT NULL,
  after_cluster     VARCHAR(128),
  last_cluster      VARCHAR(128),
  planned_clusters  INTEGER                  NOT NULL,
  planned_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  done_at           TIMESTAMP WITH TIME ZONE,
  managed           INTEGER                  DEFAULT 0 NOT NULL,
  forecasts_ready   INTEGER                  DEFAULT 0 NOT NULL,
  resizes_started   INTEGER                  DEFAULT 0 NOT NULL,
  suppressed        INTEGER                  DEFAULT 0 NOT NULL,
  clusters_failed   INTEGER                  DEFAULT 0 NOT NULL,
  foundation_failed BOOLEAN                  DEFAULT FALSE NOT NULL,
  CONSTRAINT pk_pkso_forecast_batch PRIMARY KEY (cycle_id, batch_no)
);
