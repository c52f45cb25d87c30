package io.pksorchestrator.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A foundation's metrics source (a Prometheus HTTP API) for cluster demand. */
public interface MetricsGateway {

  /**
   * {@code GET /api/v1/query_range} with the foundation's configured demand query for the cluster.
   *
   * @return samples in time order; empty when Prometheus has none
   */
  List<DemandSample> demand(String foundation, String cluster, Instant from, Instant to, Duration step);

  /**
   * The cluster's demand at an instant ({@code GET /api/v1/query}); empty when there is no sample. The default
   * reads the last sample of the preceding five minutes through {@link #demand}.
   */
  default Optional<DemandSample> currentDemand(String foundation, String cluster, Instant at) {
    return demand(foundation, cluster, at.minus(Duration.ofMinutes(5)), at, Duration.ofMinutes(1)).stream()
        .max(Comparator.comparing(DemandSample::time));
  }
}
