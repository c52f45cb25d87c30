package io.pksorchestrator.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The webhook outbox table {@code pkso_ticketing_callback} (Flyway V31). */
@Repository
public class CallbackOutbox {

  /** A callback row. */
  public record Callback(
      long id, String eventId, String clientId, String operationId, String eventType, String payload, String status,
      int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastHttpStatus, String lastError,
      Instant createdAt, Instant deliveredAt) {}

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String GIVEN_UP = "given-up";

  private static final String COLUMNS = "id, event_id, client_id, operation_id, event_type, payload, status, attempts,"
      + " next_attempt_at, last_attempt_at, last_http_status, last_error, created_at, delivered_at";

  private final JdbcTemplate jdbc;

  public CallbackOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a pending callback; joins the caller's (the engine's) transaction. */
  public void enqueue(String eventId, String clientId, String operationId, String eventType, String payload) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO pkso_ticketing_callback (event_id, client_id, operation_id, event_type, payload, status,"
        + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        eventId, clientId, operationId, eventType, payload, PENDING, now, now);
  }

  /** The oldest pending callback of each operation, if due and not locked by another node. */
  public List<Callback> dueHeads(Instant now, int limit) {
    Timestamp ts = Timestamp.from(now);
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_ticketing_callback c WHERE c.status = ?"
        + " AND c.id = (SELECT MIN(p.id) FROM pkso_ticketing_callback p WHERE p.operation_id = c.operation_id"
        + " AND p.status = ?) AND c.next_attempt_at <= ? AND (c.locked_until IS NULL OR c.locked_until < ?)"
        + " ORDER BY c.id LIMIT ?", this::map, PENDING, PENDING, ts, ts, limit);
  }

  /** Locks a callback for one delivery attempt; false when another node got it first. */
  public boolean claim(long id, Instant now, Instant until) {
    return jdbc.update("UPDATE pkso_ticketing_callback SET locked_until = ? WHERE id = ? AND status = ?"
        + " AND (locked_until IS NULL OR locked_until < ?)",
        Timestamp.from(until), id, PENDING, Timestamp.from(now)) == 1;
  }

  public void delivered(long id, int httpStatus, Instant now) {
    jdbc.update("UPDATE pkso_ticketing_callback SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
        + " delivered_at = ?, last_http_status = ?, last_error = NULL, locked_until = NULL WHERE id = ?",
        DELIVERED, Timestamp.from(now), Timestamp.from(now), httpStatus, id);
  }

  public void failed(long id, Integer httpStatus, String error, Instant now, Instant nextAttempt, boolean giveUp) {
    String message = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    jdbc.update("UPDATE pkso_ticketing_callback SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
        + " next_attempt_at = ?, last_http_status = ?, last_error = ?, locked_until = NULL WHERE id = ?",
        giveUp ? GIVEN_UP : PENDING, Timestamp.from(now), Timestamp.from(nextAttempt), httpStatus, message, id);
  }

  /** Every callback of an operation, oldest first. */
  public List<Callback> forOperation(String operationId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_ticketing_callback WHERE operation_id = ? ORDER BY id",
        this::map, operationId);
  }

  private Callback map(ResultSet rs, int row) throws SQLException {
    return new Callback(rs.getLong("id"), rs.getString("event_id"), rs.getString("client_id"),
        rs.getString("operation_id"), rs.getString("event_type"), rs.getString("payload"), rs.getString("status"),
        rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "last_attempt_at"),
        (Integer) rs.getObject("last_http_status"), rs.getString("last_error"), instant(rs, "created_at"),
        instant(rs, "delivered_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
