package io.pksorchestrator.upgrade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link StemcellUploadStore} in the application's database (shared by every node). */
@Component
public class JdbcStemcellUploadStore implements StemcellUploadStore {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public JdbcStemcellUploadStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Optional<Upload> find(String key) {
    return jdbc.query("SELECT * FROM pkso_stemcell_upload WHERE upload_key = ?", this::row, key).stream().findFirst();
  }

  @Override
  public void start(Upload u) {
    // its own transaction: the upload thread reads this row at once, before the starting job commits
    ownTransaction.executeWithoutResult(status -> {
      jdbc.update("DELETE FROM pkso_stemcell_upload WHERE upload_key = ?", u.key());
      jdbc.update("INSERT INTO pkso_stemcell_upload (upload_key, foundation, source, stemcell_os, stemcell_version,"
          + " state, attempt, node, started_at, heartbeat_at, reported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
          u.key(), u.foundation(), u.source(), u.os(), u.version(), u.state().name(), u.attempt(), u.node(),
          Timestamp.from(u.startedAt()), Timestamp.from(u.heartbeatAt()));
    });
  }

  @Override
  public void heartbeat(String node, Instant now) {
    jdbc.update("UPDATE pkso_stemcell_upload SET heartbeat_at = ? WHERE node = ? AND state = 'RUNNING'",
        Timestamp.from(now), node);
  }

  @Override
  public void finish(String key, int attempt, State state, Boolean retryable, String message, Instant now) {
    jdbc.update("UPDATE pkso_stemcell_upload SET state = ?, retryable = ?, message = ?, finished_at = ?,"
        + " heartbeat_at = ? WHERE upload_key = ? AND attempt = ?", state.name(), retryable,
        message == null ? null : message.substring(0, Math.min(message.length(), 2000)), Timestamp.from(now),
        Timestamp.from(now), key, attempt);
  }

  @Override
  public void markReported(String key, int attempt) {
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "UPDATE pkso_stemcell_upload SET reported = TRUE WHERE upload_key = ? AND attempt = ?", key, attempt));
  }

  private Upload row(ResultSet rs, int i) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    boolean retryable = rs.getBoolean("retryable");
    return new Upload(rs.getString("upload_key"), rs.getString("foundation"), rs.getString("source"),
        rs.getString("stemcell_os"), rs.getString("stemcell_version"), State.valueOf(rs.getString("state")),
        rs.getInt("attempt"), rs.getString("node"), rs.getTimestamp("started_at").toInstant(),
        rs.getTimestamp("heartbeat_at").toInstant(), finished == null ? null : finished.toInstant(),
        rs.wasNull() ? null : retryable, rs.getBoolean("reported"), rs.getString("message"));
  }
}
