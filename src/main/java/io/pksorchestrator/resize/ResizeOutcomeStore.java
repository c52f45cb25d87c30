package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.RecommendationStore.decimal;
import static io.pksorchestrator.resize.RecommendationStore.instant;
import static io.pksorchestrator.resize.RecommendationStore.integer;
import static io.pksorchestrator.resize.RecommendationStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/** Ended resizes ({@code pkso_resize_outcome}), one row per process instance. */
@Repository
public class ResizeOutcomeStore {

  private static final String COLUMNS = "process_instance_id, foundation, cluster_name, recorded_at, proposed_at,"
      + " from_workers, to_workers, trigger_kind, forecast_upper_cores, outcome, outcome_message";

  private final JdbcOperations jdbc;

  public ResizeOutcomeStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an outcome once per process instance (a repeated end listener call changes nothing). */
  public void record(ResizeOutcomeRecord r) {
    String message = r.outcomeMessage() == null ? null
        : r.outcomeMessage().substring(0, Math.min(1000, r.outcomeMessage().length()));
    jdbc.update("INSERT INTO pkso_resize_outcome (" + COLUMNS + ")"
        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
        + " (SELECT 1 FROM pkso_resize_outcome WHERE process_instance_id = ?)", r.processInstanceId(),
        r.foundation(), r.cluster(), utc(r.recordedAt()), utc(r.proposedAt()), r.fromWorkers(), r.toWorkers(),
        r.trigger(), r.forecastUpperCores(), r.outcome(), message, r.processInstanceId());
  }

  /** The cluster's most recent outcome. */
  public Optional<ResizeOutcomeRecord> latest(String foundation, String cluster) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_outcome WHERE foundation = ? AND cluster_name = ?"
        + " ORDER BY recorded_at DESC LIMIT 1", ResizeOutcomeStore::map, foundation, cluster).stream().findFirst();
  }

  /** The cluster's outcomes, newest first, at most {@code limit}. */
  public List<ResizeOutcomeRecord> recent(String foundation, String cluster, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_outcome WHERE foundation = ? AND cluster_name = ?"
        + " ORDER BY recorded_at DESC LIMIT ?", ResizeOutcomeStore::map, foundation, cluster, limit);
  }

  /** The cluster's most recent rejected ({@code not-approved}) scale-up ({@code up}) or scale-down. */
  public Optional<ResizeOutcomeRecord> latestRejected(String foundation, String cluster, boolean up) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_outcome WHERE foundation = ? AND cluster_name = ?"
        + " AND outcome = 'not-approved' AND to_workers " + (up ? ">" : "<") + " from_workers"
        + " ORDER BY recorded_at DESC LIMIT 1", ResizeOutcomeStore::map, foundation, cluster).stream().findFirst();
  }

  /** The cluster's most recent resize requested by a person ({@code trigger manual}) that was applied. */
  public Optional<ResizeOutcomeRecord> latestManualResize(String foundation, String cluster) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_outcome WHERE foundation = ? AND cluster_name = ?"
        + " AND outcome = 'resized' AND trigger_kind = 'manual' ORDER BY recorded_at DESC LIMIT 1",
        ResizeOutcomeStore::map, foundation, cluster).stream().findFirst();
  }

  /** Wall time of the cluster's last successful scale-up ({@code up}) or scale-down. */
  public Optional<Instant> lastResized(String foundation, String cluster, boolean up) {
    OffsetDateTime t = jdbc.queryForObject("SELECT MAX(recorded_at) FROM pkso_resize_outcome WHERE foundation = ?"
        + " AND cluster_name = ? AND outcome = 'resized' AND to_workers " + (up ? ">" : "<") + " from_workers",
        OffsetDateTime.class, foundation, cluster);
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }

  private static ResizeOutcomeRecord map(ResultSet rs, int row) throws SQLException {
    return new ResizeOutcomeRecord(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
        instant(rs, 5), integer(rs, 6), integer(rs, 7), rs.getString(8), decimal(rs, 9), rs.getString(10),
        rs.getString(11));
  }
}
