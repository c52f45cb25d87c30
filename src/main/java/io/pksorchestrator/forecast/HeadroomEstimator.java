package io.pksorchestrator.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * The default {@link WorkerEstimator}. With a ready forecast: enough workers for the forecast's upper quantile over
 * lead time plus decision interval at the target utilisation, and never fewer than the latest observed demand needs
 * now at full utilisation. Without one: reactive, the latest observed demand at the target utilisation. A
 * scale-down must also keep what the peak observed over lead time plus interval needs. Stateless, thread-safe.
 */
public final class HeadroomEstimator implements WorkerEstimator {

  @Override
  public WorkerEstimate estimate(ScalingInput input, ScalingPolicy policy) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(policy, "policy");
    double cores = policy.nodeAllocatableCores();
    double planned = cores * policy.targetUtilisation();
    double[] values = input.history() == null ? new double[0] : input.history().values();
    double last = lastObserved(values);
    Duration window = policy.leadTime().plus(policy.decisionInterval());
    double recentPeak = recentPeak(values, input.history() == null ? null : input.history().step(), window, last);
    int neededNow = workers(last, cores);
    Forecast forecast = input.forecast();
    boolean ready = forecast != null && forecast.isReady();
    double forecastUpper = ready ? forecast.maxUpper(window) : Double.NaN;
    int forecastWorkers = ready ? workers(forecastUpper, planned) : -1;
    int desired = Math.max(neededNow, ready ? forecastWorkers : workers(last, planned));
    int floor = Math.max(desired, workers(recentPeak, planned));
    return new WorkerEstimate(last, recentPeak, forecastUpper, window, neededNow, forecastWorkers, desired, floor,
        ready ? forecast.model() : "none", ready ? forecast.upperQuantile() : Double.NaN);
  }

  /** Workers for {@code demand} cores at {@code coresPerWorker}: 0 for no demand. */
  static int workers(double demand, double coresPerWorker) {
    if (!(demand > 0)) {
      return 0;
    }
    // tolerate floating-point noise just above a whole number of workers
    return (int) Math.ceil(demand / coresPerWorker - 1e-9);
  }

  private static double lastObserved(double[] values) {
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) {
        return values[i];
      }
    }
    return 0;
  }

  private static double recentPeak(double[] values, Duration step, Duration window, double fallback) {
    if (step == null || values.length == 0) {
      return fallback;
    }
    int n = (int) Math.max(1, Math.ceil((double) window.toMillis() / step.toMillis()));
    double peak = fallback;
    for (int i = Math.max(0, values.length - n); i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        peak = Math.max(peak, values[i]);
      }
    }
    return peak;
  }
}
