package io.pksorchestrator.resize;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/** The latest recommendation per cluster ({@code pkso_resize_recommendation}), for the overview and the API. */
@Repository
public class RecommendationStore {

  private static final String COLUMNS = "foundation, cluster_name, recorded_at, foundation_time, mode, plan_name,"
      + " current_workers, recommended_workers, needed_now_workers, forecast_status, forecast_model,"
      + " demand_now_cores, forecast_upper_cores, node_cores, action, reason";

  private final JdbcOperations jdbc;

  public RecommendationStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the cluster's recommendation (update, or insert when there is none yet). */
  public void save(Recommendation r) {
    String reason = r.reason() == null ? null : r.reason().substring(0, Math.min(1000, r.reason().length()));
    int updated = jdbc.update("UPDATE pkso_resize_recommendation SET recorded_at = ?, foundation_time = ?,"
        + " mode = ?, plan_name = ?, current_workers = ?, recommended_workers = ?, needed_now_workers = ?,"
        + " forecast_status = ?, forecast_model = ?, demand_now_cores = ?, forecast_upper_cores = ?,"
        + " node_cores = ?, action = ?, reason = ? WHERE foundation = ? AND cluster_name = ?",
        utc(r.recordedAt()), utc(r.foundationTime()), r.mode().value(), r.planName(), r.currentWorkers(),
        r.recommendedWorkers(), r.neededNowWorkers(), r.forecastStatus(), r.forecastModel(), r.demandNowCores(),
        r.forecastUpperCores(), r.nodeCores(), r.action().name(), reason, r.foundation(), r.cluster());
    if (updated == 0) {
      jdbc.update("INSERT INTO pkso_resize_recommendation (" + COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.foundation(), r.cluster(),
          utc(r.recordedAt()), utc(r.foundationTime()), r.mode().value(), r.planName(), r.currentWorkers(),
          r.recommendedWorkers(), r.neededNowWorkers(), r.forecastStatus(), r.forecastModel(), r.demandNowCores(),
          r.forecastUpperCores(), r.nodeCores(), r.action().name(), reason);
    }
  }

  /** All recommendations, by foundation and cluster. */
  public List<Recommendation> findAll() {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_recommendation ORDER BY foundation, cluster_name",
        RecommendationStore::map);
  }

  /** The cluster's recommendation, if the cycle has seen it. */
  public Optional<Recommendation> find(String foundation, String cluster) {
    return jdbc.query("SELECT " + COLUMNS + " FROM pkso_resize_recommendation WHERE foundation = ?"
        + " AND cluster_name = ?", RecommendationStore::map, foundation, cluster).stream().findFirst();
  }

  private static Recommendation map(ResultSet rs, int row) throws SQLException {
    return new Recommendation(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
        ClusterMode.fromValue(rs.getString(5)), rs.getString(6), integer(rs, 7), integer(rs, 8), integer(rs, 9),
        rs.getString(10), rs.getString(11), decimal(rs, 12), decimal(rs, 13), decimal(rs, 14),
        RecommendationAction.valueOf(rs.getString(15)), rs.getString(16));
  }

  static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Integer integer(ResultSet rs, int col) throws SQLException {
    int v = rs.getInt(col);
    return rs.wasNull() ? null : v;
  }

  static Double decimal(ResultSet rs, int col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() || Double.isNaN(v) ? null : v;
  }

  static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
