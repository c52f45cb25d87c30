package io.pksorchestrator.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A foundation's metrics source (a Prometheus HTTP API) for cluster demand. */
public interface MetricsGateway {

  /**
   * {@code GET /api/v1/query_range} with the foundation's configured demand query for the cluster.
   *
   * @return samples in time order; empty when Prometheus has none
   */
  List<DemandSample> demand(String foundation, String cluster, Instant from, Instant to, Duration step);
}
