package io.pksorchestrator.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * Demand forecast after the end of a history. When {@link #status()} is not {@link ForecastStatus#READY} the
 * arrays are empty.
 *
 * @param model name of the model chosen by backtesting (e.g. {@code holt-winters-daily}), for display
 * @param start time of the first forecast point (one step after the history's last sample)
 * @param mean point forecast per step
 * @param lower lower quantile per step
 * @param upper upper quantile per step (the planner sizes for this)
 * @param upperQuantile the probability level of {@code upper}, e.g. 0.95
 * @param backtestError the chosen model's backtest error (asymmetric, under-forecasts weigh more); NaN if none
 */
public record Forecast(ForecastStatus status, String model, Instant start, Duration step, double[] mean,
    double[] lower, double[] upper, double upperQuantile, double backtestError) {

  /** A forecast that cannot be made: too little history. */
  public static Forecast insufficientHistory(Instant start, Duration step) {
    return new Forecast(ForecastStatus.INSUFFICIENT_HISTORY, "none", start, step, new double[0], new double[0],
        new double[0], Double.NaN, Double.NaN);
  }

  public boolean isReady() {
    return status == ForecastStatus.READY;
  }

  /** Largest upper-quantile value over the first {@code horizon} of the forecast; NaN when not ready. */
  public double maxUpper(Duration horizon) {
    return maxOf(upper, horizon);
  }

  /** Largest point forecast over the first {@code horizon}; NaN when not ready. */
  public double maxMean(Duration horizon) {
    return maxOf(mean, horizon);
  }

  private double maxOf(double[] values, Duration horizon) {
    if (!isReady() || values.length == 0) {
      return Double.NaN;
    }
    int n = (int) Math.min(values.length, Math.max(1, Math.ceil((double) horizon.toMillis() / step.toMillis())));
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }
}
