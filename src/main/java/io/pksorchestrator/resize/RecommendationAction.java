package io.pksorchestrator.resize;

/** What one forecasting cycle did for a cluster. */
public enum RecommendationAction {
  /** The recommended size equals the current one. */
  NONE,
  /** A PredictiveResizeProcess was started. */
  RESIZE_STARTED,
  /** A different size is recommended but a resize is already running for the cluster. */
  RESIZE_IN_FLIGHT,
  /** A different size is recommended, but the cluster is in {@code forecast-only} mode. */
  RECORDED_ONLY,
  /** A different size is recommended, but PKS is busy with the cluster or a recent resize failed. */
  HELD,
  /** Collecting, forecasting or planning failed for this cluster in this cycle; see the reason. */
  FAILED
}
