package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.platform.metrics.DemandSample;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;

/**
 * Demand history in the plain table {@code pkso_demand_sample}, compacted to a fixed step with the maximum per
 * step (capacity must cover peaks, not averages). Kept out of the engine's history on purpose: one row per cluster
 * and step is about 60 bytes, a process variable per cluster and cycle would be kilobytes.
 */
@Repository
public class DemandHistoryStore {

  private final JdbcOperations jdbc;

  public DemandHistoryStore(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** Start of the newest stored step of a cluster, if any. */
  public Optional<Instant> latest(String foundation, String cluster) {
    OffsetDateTime ts = jdbc.queryForObject(
        "SELECT MAX(ts) FROM pkso_demand_sample WHERE foundation = ? AND cluster_name = ?",
        OffsetDateTime.class, foundation, cluster);
    return Optional.ofNullable(ts).map(OffsetDateTime::toInstant);
  }

  /**
   * Stores compacted samples. A sample for the step already stored as the newest ({@code newestStored}) raises
   * that step's maximum (the step was still filling when it was last collected); all others are batch-inserted.
   * Steps that already exist for other reasons (a job that ran twice) are left unchanged.
   *
   * @return rows inserted or updated
   */
  public int merge(String foundation, String cluster, List<DemandSample> compacted, Instant newestStored) {
    int changed = 0;
    List<Object[]> inserts = new ArrayList<>(compacted.size());
    for (DemandSample s : compacted) {
      if (newestStored != null && s.time().equals(newestStored)) {
        changed += jdbc.update("UPDATE pkso_demand_sample SET cores = GREATEST(cores, ?)"
            + " WHERE foundation = ? AND cluster_name = ? AND ts = ?", s.cores(), foundation, cluster, utc(s.time()));
      } else if (newestStored == null || s.time().isAfter(newestStored)) {
        inserts.add(new Object[] {foundation, cluster, utc(s.time()), s.cores(), foundation, cluster, utc(s.time())});
      }
    }
    if (!inserts.isEmpty()) {
      // INSERT ... SELECT ... WHERE NOT EXISTS runs on H2 and PostgreSQL alike and makes a re-run harmless.
      int[] counts = jdbc.batchUpdate("INSERT INTO pkso_demand_sample (foundation, cluster_name, ts, cores)"
          + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM pkso_demand_sample"
          + " WHERE foundation = ? AND cluster_name = ? AND ts = ?)", inserts);
      changed += Arrays.stream(counts).map(c -> Math.max(c, 0)).sum();
    }
    return changed;
  }

  /** Deletes every sample of the foundation older than {@code cutoff} (one statement per foundation and cycle). */
  public int deleteBefore(String foundation, Instant cutoff) {
    return jdbc.update("DELETE FROM pkso_demand_sample WHERE foundation = ? AND ts < ?", foundation, utc(cutoff));
  }

  /**
   * The stored history from {@code from} on as a series on {@code step}, missing steps as NaN; empty when nothing
   * is stored in that window.
   */
  public Optional<DemandSeries> load(String foundation, String cluster, Instant from, Duration step) {
    TreeMap<Instant, Double> rows = new TreeMap<>();
    jdbc.query("SELECT ts, cores FROM pkso_demand_sample WHERE foundation = ? AND cluster_name = ? AND ts >= ?"
        + " ORDER BY ts", rs -> {
          rows.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2));
        }, foundation, cluster, utc(from));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Instant start = rows.firstKey();
    long stepMillis = step.toMillis();
    int n = (int) ((rows.lastKey().toEpochMilli() - start.toEpochMilli()) / stepMillis) + 1;
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    rows.forEach((ts, cores) -> {
      int i = (int) ((ts.toEpochMilli() - start.toEpochMilli()) / stepMillis);
      values[i] = Double.isNaN(values[i]) ? cores : Math.max(values[i], cores);
    });
    return Optional.of(new DemandSeries(start, step, values));
  }

  /**
   * Compacts raw samples to the start of their step with the maximum per step; NaN and negative values are
   * dropped. Result in time order.
   */
  public static List<DemandSample> compact(List<DemandSample> raw, Duration step) {
    long stepMillis = step.toMillis();
    TreeMap<Long, Double> buckets = new TreeMap<>();
    for (DemandSample s : raw) {
      if (s == null || s.time() == null || !(s.cores() >= 0)) {
        continue;
      }
      long bucket = Math.floorDiv(s.time().toEpochMilli(), stepMillis) * stepMillis;
      buckets.merge(bucket, s.cores(), Math::max);
    }
    List<DemandSample> out = new ArrayList<>(buckets.size());
    buckets.forEach((ms, cores) -> out.add(new DemandSample(Instant.ofEpochMilli(ms), cores)));
    return out;
  }

  /** Start of the step that holds {@code t}. */
  public static Instant stepStart(Instant t, Duration step) {
    long stepMillis = step.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), stepMillis) * stepMillis);
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
