package io.pksorchestrator.resize;

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

  private final MetricsGateway metrics;
  private final DemandHistoryStore store;
  private final ResizeProperties settings;

  public DemandCollector(MetricsGateway metrics, DemandHistoryStore store, ResizeProperties settings) {
    this.metrics = metrics;
    this.store = store;
    this.settings = settings;
  }

  /**
   * Fetches and stores the missing demand of one cluster up to {@code foundationNow}.
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
    for (Instant chunkFrom = from; chunkFrom.isBefore(foundationNow); chunkFrom = chunkFrom.plus(chunk)) {
      Instant chunkTo = min(chunkFrom.plus(chunk), foundationNow);
      List<DemandSample> raw = metrics.demand(foundation, cluster, chunkFrom, chunkTo, resolution);
      List<DemandSample> compacted = DemandHistoryStore.compact(raw, step);
      changed += store.merge(foundation, cluster, compacted, newestStored);
      if (!compacted.isEmpty()) {
        newestStored = compacted.get(compacted.size() - 1).time();
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
