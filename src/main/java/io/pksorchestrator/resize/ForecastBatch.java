package io.pksorchestrator.resize;

/**
 * One batch of a forecasting cycle: the clusters of {@code foundation} whose names lie in
 * ({@code afterCluster}, {@code lastCluster}] (null bounds are open), as planned when the cycle started.
 *
 * @param plannedClusters how many operational clusters the range held when the cycle was planned
 */
public record ForecastBatch(String cycleId, int batchNo, String foundation, String afterCluster, String lastCluster,
    int plannedClusters) {

  /** Whether a cluster name falls into this batch's range (String order, as the planning cut it). */
  public boolean covers(String cluster) {
    return (afterCluster == null || cluster.compareTo(afterCluster) > 0)
        && (lastCluster == null || cluster.compareTo(lastCluster) <= 0);
  }

  /** For logs: {@code lab, clusters (a..b]}. */
  public String describe() {
    return foundation + ", clusters (" + (afterCluster == null ? "first" : afterCluster) + " .. "
        + (lastCluster == null ? "last" : lastCluster) + "]";
  }
}
