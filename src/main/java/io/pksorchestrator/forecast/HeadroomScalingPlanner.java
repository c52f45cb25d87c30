package io.pksorchestrator.forecast;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The default {@link ScalingPlanner}. Scale-up: enough workers for the forecast's upper quantile over lead time
 * plus decision interval at the target utilisation, and never fewer than the latest observed demand needs now.
 * Scale-down: only after the cooldown since the last scale-up, and only to what both the forecast and the peak
 * observed over the last lead time plus interval need, plus the hysteresis (a removed worker takes a full lead
 * time to come back). Without a ready forecast it acts reactively on observed demand only. Every target is clamped
 * to the policy limits and moves by at most the maximum step. Stateless, thread-safe.
 */
public final class HeadroomScalingPlanner implements ScalingPlanner {

  @Override
  public ScalingDecision plan(ScalingInput input, ScalingPolicy policy) {
    Objects.requireNonNull(input, "input");
    validate(policy);
    int current = input.currentWorkers();
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
    String why;
    if (ready) {
      why = String.format(Locale.ROOT, "forecast (%s) upper %.0f%% %.1f cores within %s needs %d workers; "
          + "observed %.1f cores needs %d now", forecast.model(), forecast.upperQuantile() * 100, forecastUpper,
          human(window), forecastWorkers, last, neededNow);
    } else {
      why = String.format(Locale.ROOT, "no forecast yet (insufficient history): reactive on observed %.1f cores, "
          + "needs %d now", last, neededNow);
    }
    int target = current;
    if (desired > current) {
      target = Math.min(desired, current + policy.maxStep());
      if (target < desired) {
        why += "; step limited to +" + policy.maxStep();
      }
    } else if (desired < current) {
      int keep = Math.max(Math.max(desired, workers(recentPeak, planned)), ready ? forecastWorkers : 0)
          + policy.scaleDownHysteresis();
      boolean cooling = input.lastScaleUp() != null
          && Duration.between(input.lastScaleUp(), input.now()).compareTo(policy.cooldown()) < 0;
      if (cooling) {
        why += "; scale-down held: cooldown " + human(policy.cooldown()) + " after the last scale-up";
      } else if (keep >= current) {
        why += String.format(Locale.ROOT, "; scale-down held: recent peak %.1f cores (+%d hysteresis) needs %d",
            recentPeak, policy.scaleDownHysteresis(), keep);
      } else {
        target = Math.max(keep, current - policy.maxStep());
        why += String.format(Locale.ROOT, "; forecast and recent peak %.1f cores allow %d", recentPeak, keep);
      }
    }
    int clamped = Math.max(policy.minWorkers(), Math.min(policy.maxWorkers(), target));
    if (clamped != target) {
      why += clamped > target ? "; raised to minimum " + clamped : "; capped at maximum " + clamped;
    }
    return new ScalingDecision(current, clamped, neededNow, forecastWorkers, why);
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

  private static void validate(ScalingPolicy p) {
    Objects.requireNonNull(p, "policy");
    if (!(p.nodeAllocatableCores() > 0) || !(p.targetUtilisation() > 0 && p.targetUtilisation() <= 1)) {
      throw new IllegalArgumentException("policy needs nodeAllocatableCores > 0 and 0 < targetUtilisation <= 1, got "
          + p);
    }
    if (p.minWorkers() < 0 || p.maxWorkers() < p.minWorkers() || p.maxStep() < 1 || p.scaleDownHysteresis() < 0) {
      throw new IllegalArgumentException("policy needs 0 <= minWorkers <= maxWorkers, maxStep >= 1 and "
          + "scaleDownHysteresis >= 0, got " + p);
    }
    if (p.leadTime().isNegative() || p.decisionInterval().isNegative() || p.cooldown().isNegative()) {
      throw new IllegalArgumentException("policy durations must not be negative, got " + p);
    }
  }

  private static String human(Duration d) {
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }
}
