package io.pksorchestrator.forecast.model;

/**
 * One forecasting method. A model forecasts from many origins in a single pass so that the rolling-origin backtest
 * costs about as much as one forecast.
 */
public interface CandidateModel {

  /** Short name shown to operators, e.g. {@code holt-winters-daily}. */
  String name();

  /** Whether the series is long enough for this model. */
  boolean applicable(SeriesContext series);

  /**
   * Forecasts for each origin {@code o} in {@code firstOrigin..n-1}: row {@code o - firstOrigin} holds the forecasts
   * of {@code y[o+1..o+horizon]} made with data up to {@code y[o]} only. The last row is the real forecast.
   */
  double[][] predict(SeriesContext series, int firstOrigin, int horizon);
}
