-- Requests accepted by the ticketing API, by client and idempotency key (the ticket id or the Idempotency-Key
-- header). The primary key decides between concurrent duplicates on any number of nodes.
CREATE TABLE pkso_ticketing_request (
  client_id        VARCHAR(128) NOT NULL,
  idempotency_key  VARCHAR(200) NOT NULL,
  request_hash     VARCHAR(64)  NOT NULL,
  process_key      VARCHAR(100) NOT NULL,
  operation_id     VARCHAR(64),
  created_at       TIMESTAMP    NOT NULL,
  CONSTRAINT pk_pkso_ticketing_request PRIMARY KEY (client_id, idempotency_key)
);
