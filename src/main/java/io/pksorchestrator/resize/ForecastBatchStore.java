package io.pksorchestrator.resize;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * The batches of running forecasting cycles ({@code pkso_forecast_batch}): planned by the cycle's first step, each
 * completed with its counts by its own job (in that job's transaction, so a batch that is repeated after a crash
 * counts once), summed and deleted by the cycle's last step.
 */
@Repository
public class ForecastBatchStore {

  private final JdbcOperations jdbc;

  public ForecastBatchStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the planned batches of a cycle (one batch statement). */
  public void plan(List<ForecastBatch> batches, Instant plannedAt) {
    List<Object[]> rows = new ArrayList<>(batches.size());
    for (ForecastBatch b : batches) {
      rows.add(new Object[] {b.cycleId(), b.batchNo(), b.foundation(), b.afterCluster(), b.lastCluster(),
          b.plannedClusters(), utc(plannedAt)});
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate("INSERT INTO pkso_forecast_batch (cycle_id, batch_no, foundation, after_cluster, last_cluster,"
          + " planned_clusters, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }
  }

  /** Records a foundation whose clusters could not be listed when the cycle was planned (a negative batch number). */
  public void foundationFailed(String cycleId, int failureNo, String foundation, Instant at) {
    jdbc.update("INSERT INTO pkso_forecast_batch (cycle_id, batch_no, foundation, planned_clusters, planned_at,"
        + " done_at, foundation_failed) VALUES (?, ?, ?, 0, ?, ?, TRUE)", cycleId, -1 - failureNo, foundation,
        utc(at), utc(at));
  }

  /** A planned batch. */
  public Optional<ForecastBatch> find(String cycleId, int batchNo) {
    return jdbc.query("SELECT cycle_id, batch_no, foundation, after_cluster, last_cluster, planned_clusters"
        + " FROM pkso_forecast_batch WHERE cycle_id = ? AND batch_no = ?", (rs, i) -> new ForecastBatch(
            rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6)),
        cycleId, batchNo).stream().findFirst();
  }

  /** Completes a batch with its counts; {@code foundationFailed}: its foundation's clusters could not be listed. */
  public void done(ForecastBatch batch, CycleSummary counts, boolean foundationFailed, Instant at) {
    jdbc.update("UPDATE pkso_forecast_batch SET done_at = ?, managed = ?, forecasts_ready = ?, resizes_started = ?,"
        + " suppressed = ?, clusters_failed = ?, foundation_failed = ? WHERE cycle_id = ? AND batch_no = ?",
        utc(at), counts.managedCount(), counts.forecastsReadyCount(), counts.resizesStartedCount(),
        counts.suppressedCount(), counts.clustersFailedCount(), foundationFailed, batch.cycleId(), batch.batchNo());
  }

  /** The counts of a cycle's completed batches; foundations that failed are listed once each, by name. */
  public CycleSummary summary(String cycleId) {
    CycleSummary s = new CycleSummary();
    jdbc.query("SELECT managed, forecasts_ready, resizes_started, suppressed, clusters_failed FROM pkso_forecast_batch"
        + " WHERE cycle_id = ? AND done_at IS NOT NULL", rs -> {
          s.add(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
        }, cycleId);
    jdbc.queryForList("SELECT DISTINCT foundation FROM pkso_forecast_batch WHERE cycle_id = ? AND foundation_failed"
        + " ORDER BY foundation", String.class, cycleId).forEach(s::foundationFailed);
    return s;
  }

  /** The foundations a cycle planned batches for (each once, by name). */
  public List<String> foundations(String cycleId) {
    return jdbc.queryForList("SELECT DISTINCT foundation FROM pkso_forecast_batch WHERE cycle_id = ? AND batch_no >= 0"
        + " ORDER BY foundation", String.class, cycleId);
  }

  /** Planned batches of a cycle not completed yet. */
  public int pending(String cycleId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM pkso_forecast_batch WHERE cycle_id = ? AND done_at IS NULL",
        Integer.class, cycleId);
    return n == null ? 0 : n;
  }

  /** Deletes a cycle's batches. */
  public int delete(String cycleId) {
    return jdbc.update("DELETE FROM pkso_forecast_batch WHERE cycle_id = ?", cycleId);
  }

  /**
   * Deletes the batches of cycles that no longer run (an instance deleted in Cockpit, say): the engine's table of
   * running executions decides, as for cluster leases.
   */
  public int deleteOrphans() {
    return jdbc.update("DELETE FROM pkso_forecast_batch WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION e"
        + " WHERE e.ID_ = pkso_forecast_batch.cycle_id)");
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
