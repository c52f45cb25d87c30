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
  /** A different size is recommended, but another operation holds the cluster's lease (e.g. an upgrade). */
  LEASED,
  /** A proposal in this direction was rejected within {@code rejection-backoff} and the need has not grown enough. */
  REJECTION_BACKOFF,
  /** The cluster was resized manually within {@code manual-hold} and the demand does not exceed that size. */
  MANUAL_HOLD,
  /** Collecting, forecasting or planning failed for this cluster in this cycle; see the reason. */
  FAILED
}
