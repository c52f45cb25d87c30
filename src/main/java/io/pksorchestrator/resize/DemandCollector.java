package io.pksorchestrator.resize;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.metrics.DemandSample;
import io.pksorchestrator.platform.metrics.MetricsGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Collects a cluster's demand incrementally: only the window after the newest stored step (that step included,
 * it may have been incomplete), the first time back to the retention. Queries are cut into chunks below
 * Prometheus' limit of 11,000 points per query.
 */
@Component
public class DemandCollector {

  /** Prometheus refuses range queries above 11,000 points; stay clearly below. */
  static final int MAX_POINTS_PER_QUERY = 10_000;
  /** How many windows past the estimated present are read at most per collection (each about 7 days). */
  static final int MAX_CHUNKS_AHEAD = 5;

  private final MetricsGateway metrics;
  private final DemandHistoryStore store;
  private final ResizeProperties settings;
  private final Foundations foundations;

  public DemandCollector(MetricsGateway metrics, DemandHistoryStore store, ResizeProperties settings,
      Foundations foundations) {
    this.metrics = metrics;
    this.store = store;
    this.settings = settings;
    this.foundations = foundations;
  }

  /**
   * Fetches and stores the missing demand of one cluster up to {@code foundationNow}. For a foundation faster than
   * wall time (a simulated one), also beyond it while the source still has data at the end of the window: there
   * {@code foundationNow} is an estimate from this application's start, and the foundation may run ahead of it (a
   * standalone simulator started earlier, or this application restarted while the foundation went on); the data
   * itself says where the foundation's present is. A real foundation runs on wall time: nothing to catch up.
   *
   * @return steps inserted or updated
   */
  public int collect(String foundation, String cluster, Instant foundationNow) {
    Duration step = settings.getHistoryStep();
    Duration resolution = settings.getCollectResolution();
    Instant oldest = DemandHistoryStore.stepStart(foundationNow.minus(settings.getHistoryRetention()), step);
    Optional<Instant> newest = store.latest(foundation, cluster);
    Instant from = newest.filter(t -> t.isAfter(oldest)).orElse(oldest);
    Duration chunk = resolution.multipliedBy(MAX_POINTS_PER_QUERY - 1);
    int changed = 0;
    Instant newestStored = newest.orElse(null);
    Instant limit = foundationNow;
    int ahead = ScaledFoundationClock.timeScale(foundations, foundation) > 1.0 ? 0 : MAX_CHUNKS_AHEAD;
    if (ahead < MAX_CHUNKS_AHEAD && !from.isBefore(limit)) {
      limit = from.plus(chunk); // already stored past the estimate: read on from there
      ahead++;
    }
    for (Instant chunkFrom = from, chunkTo; chunkFrom.isBefore(limit); chunkFrom = chunkTo) {
      chunkTo = min(chunkFrom.plus(chunk), limit);
      List<DemandSample> raw = metrics.demand(foundation, cluster, chunkFrom, chunkTo, resolution);
      List<DemandSample> compacted = DemandHistoryStore.compact(raw, step);
      changed += store.merge(foundation, cluster, compacted, newestStored);
      if (!compacted.isEmpty()) {
        newestStored = compacted.get(compacted.size() - 1).time();
      }
      boolean reachedTheEnd = !raw.isEmpty() && !raw.get(raw.size() - 1).time().isBefore(chunkTo.minus(resolution));
      if (chunkTo.equals(limit) && reachedTheEnd && ahead < MAX_CHUNKS_AHEAD) {
        limit = limit.plus(chunk); // the foundation is further along than estimated: keep reading
        ahead++;
      }
    }
    return changed;
  }

  /** Applies the retention to one foundation: one delete statement. */
  public int applyRetention(String foundation, Instant foundationNow) {
    return store.deleteBefore(foundation, foundationNow.minus(settings.getHistoryRetention()));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
