-- Stemcell uploads run outside engine jobs (they take minutes; a job must stay far below the job lock time).
-- One row per process instance: the current attempt, the node running it and its heartbeat, so that the check
-- job on any node can tell a running upload from one whose node died (heartbeat too old) and start it again.
-- state: RUNNING, SUCCEEDED, FAILED. reported: the failure was thrown to the engine once (a re-run resubmits).
CREATE TABLE pkso_stemcell_upload (
  upload_key       VARCHAR(64)   NOT NULL PRIMARY KEY,
  foundation       VARCHAR(128)  NOT NULL,
  source           VARCHAR(2000) NOT NULL,
  stemcell_os      VARCHAR(128)  NOT NULL,
  stemcell_version VARCHAR(64)   NOT NULL,
  state            VARCHAR(16)   NOT NULL,
  attempt          INTEGER       NOT NULL,
  node             VARCHAR(200)  NOT NULL,
  started_at       TIMESTAMP     NOT NULL,
  heartbeat_at     TIMESTAMP     NOT NULL,
  finished_at      TIMESTAMP,
  retryable        BOOLEAN,
  reported         BOOLEAN       DEFAULT FALSE NOT NULL,
  message          VARCHAR(2000)
);

-- Every engine node records, under the job executor's lock owner id, that it is alive (engine.EngineNodes), so
-- that the operation view can tell a job locked by a node that stopped answering.
CREATE TABLE pkso_engine_node (
  lock_owner   VARCHAR(255) NOT NULL PRIMARY KEY,
  node         VARCHAR(200) NOT NULL,
  heartbeat_at TIMESTAMP    NOT NULL
);
