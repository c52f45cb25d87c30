package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.RecommendationStore.instant;
import static io.pksorchestrator.resize.RecommendationStore.integer;
import static io.pksorchestrator.resize.RecommendationStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Suppressed proposals ({@code pkso_resize_suppression}): each cluster's history of resizes the cycle did not start,
 * and why. A suppression repeating the cluster's latest one (same kind, same target) extends it instead of adding a
 * row, so a cluster held for a day by an upgrade costs one row, not one per cycle.
 */
@Repository
public class SuppressionStore {

  /** One episode of suppressed proposals. */
  public record Entry(String foundation, String cluster, Instant firstAt, Instant lastAt, Instant foundationTime,
      int times, Integer currentWorkers, Integer proposedWorkers, String kind, String reason, String holderId) {}

  private static final String COLUMNS = "foundation, cluster_name, first_at, last_at, foundation_time, times,"
      + " current_workers, proposed_workers, kind, reason, holder_id";

  private final JdbcOperations jdbc;

  public SuppressionStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Records one suppressed proposal at wall time {@code at}. */
  public void record(String foundation, String cluster, Instant at, Instant foundationTime, int currentWorkers,
      int proposedWorkers, ProposalSuppression s) {
    String reason = s.reason() == null ? null : s.reason().substring(0, Math.min(1000, s.reason().length()));
    List<Entry> latest = recent(foundation, cluster, 1);
    if (!latest.isEmpty() && latest.get(0).kind().equals(s.kind().name())
        && Objects.equals(latest.get(0).proposedWorkers(), proposedWorkers)
        && Objects.equals(latest.get(0).currentWorkers(), currentWorkers)
        && Objects.equals(latest.get(0).holderId(), s.holderId())) {
      jdbc.update("UPDATE pkso_resize_suppression SET last_at = ?, foundation_time = ?, times = times + 1,"
          + " reason = ? WHERE foundation = ? AND cluster_name = ? AND first_at = ? AND kind = ?", utc(at),
          utc(foundationTime), reason, foundation, cluster, utc(latest.get(0).firstAt()), s.kind().name());
      return;
    }
    jdbc.update("INSERT INTO pkso_resize_suppression (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
        foundation, cluster, utc(at), utc(at), utc(foundationTime), currentWorkers, proposedWorkers,
        s.kind().name(), reason, s.holderId());
  }

  /** The cluster's suppression episodes, newest first, at most {@code limit}. */
  public List<Entry> recent(String foundation, String cluster, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_suppression WHERE foundation = ? AND cluster_name = ?"
        + " ORDER BY last_at DESC, id DESC LIMIT ?", SuppressionStore::map, foundation, cluster, limit);
  }

  /** Deletes a foundation's episodes that ended before {@code before} (wall time); returns how many. */
  public int deleteBefore(String foundation, Instant before) {
    return jdbc.update("DELETE FROM pkso_resize_suppression WHERE foundation = ? AND last_at < ?", foundation,
        utc(before));
  }

  private static Entry map(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4), instant(rs, 5), rs.getInt(6),
        integer(rs, 7), integer(rs, 8), rs.getString(9), rs.getString(10), rs.getString(11));
  }
}
