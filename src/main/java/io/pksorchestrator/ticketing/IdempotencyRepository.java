package io.pksorchestrator.ticketing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Accepted requests by (client, idempotency key), table {@code pkso_ticketing_request} (Flyway V30). */
@Repository
public class IdempotencyRepository {

  /** An accepted request. */
  public record Accepted(String requestHash, String processKey, String operationId) {}

  private final JdbcTemplate jdbc;

  public IdempotencyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the key; the primary key makes exactly one concurrent claim win, across nodes.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the key is already claimed
   */
  public void claim(String client, String key, String requestHash, String processKey) {
    jdbc.update("INSERT INTO pkso_ticketing_request (client_id, idempotency_key, request_hash, process_key, created_at)"
        + " VALUES (?, ?, ?, ?, ?)", client, key, requestHash, processKey, Timestamp.from(Instant.now()));
  }

  public void recordOperation(String client, String key, String operationId) {
    jdbc.update("UPDATE pkso_ticketing_request SET operation_id = ? WHERE client_id = ? AND idempotency_key = ?",
        operationId, client, key);
  }

  public Optional<Accepted> find(String client, String key) {
    return jdbc.query("SELECT request_hash, process_key, operation_id FROM pkso_ticketing_request"
            + " WHERE client_id = ? AND idempotency_key = ?",
        (rs, i) -> new Accepted(rs.getString(1), rs.getString(2), rs.getString(3)), client, key).stream().findFirst();
  }
}
