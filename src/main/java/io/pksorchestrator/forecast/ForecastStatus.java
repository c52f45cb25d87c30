package io.pksorchestrator.forecast;

/** Whether a forecast can be acted on. */
public enum ForecastStatus {
  /** A forecast with quantiles is available. */
  READY,
  /** Less history than the minimum (24 hours): no prediction; the policy acts reactively only. */
  INSUFFICIENT_HISTORY
}
