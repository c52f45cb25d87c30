package io.pksorchestrator.forecast;

import java.time.Duration;
import java.util.Locale;

/**
 * What a {@link WorkerEstimator} found: how many workers the demand needs, before any limit (step, cooldown,
 * hysteresis, bounds) is applied by the {@link ScalingLimiter}.
 *
 * @param observedCores the latest observed demand (0 without one)
 * @param recentPeakCores the peak observed over the last lead time plus decision interval
 * @param forecastUpperCores the forecast's upper quantile over lead time plus decision interval (NaN when the
 *     forecast is not ready)
 * @param window lead time plus decision interval: how far ahead the estimate looks
 * @param neededNowWorkers workers the observed demand needs now, at full utilisation
 * @param forecastWorkers workers the forecast's upper quantile needs at the target utilisation (-1 when not ready)
 * @param desiredWorkers workers to scale up to: the forecast's need, never below the need now
 * @param scaleDownFloorWorkers fewest workers a scale-down may go to: the desired workers, and those the recent peak
 *     needs (a removed worker takes a full lead time to come back)
 * @param model the forecast's model ({@code none} when not ready)
 * @param upperQuantile the forecast's upper quantile (NaN when not ready)
 */
public record WorkerEstimate(double observedCores, double recentPeakCores, double forecastUpperCores,
    Duration window, int neededNowWorkers, int forecastWorkers, int desiredWorkers, int scaleDownFloorWorkers,
    String model, double upperQuantile) {

  /** Whether the estimate rests on a ready forecast (else it is reactive on observed demand). */
  public boolean forecastReady() {
    return forecastWorkers >= 0;
  }

  /** The estimate's part of a decision's reason line. */
  public String reason() {
    if (forecastReady()) {
      return String.format(Locale.ROOT, "forecast (%s) upper %.0f%% %.1f cores within %s needs %d workers; "
          + "observed %.1f cores needs %d now", model, upperQuantile * 100, forecastUpperCores, human(window),
          forecastWorkers, observedCores, neededNowWorkers);
    }
    return String.format(Locale.ROOT, "no forecast yet (insufficient history): reactive on observed %.1f cores, "
        + "needs %d now", observedCores, neededNowWorkers);
  }

  static String human(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }
}
