package io.pksorchestrator.forecast;

import java.time.Duration;

/**
 * The scaling tuning the benchmarks run ({@code replay}, {@code replay --sweep}, {@code fleet-benchmark}): the
 * trade-off their figures measure. It is NOT the resize process's default policy: production reads
 * {@code pkso.resize.*} (resize's {@code ResizeProperties}), whose defaults are more conservative (target
 * utilisation 0.8 instead of 1.0, cooldown 30 min instead of 10, scale-down hysteresis 1 instead of 0; the same
 * maximum step of 10), i.e. more spare capacity and fewer scale-downs than measured. To run in production what the
 * benchmark measured, set those three {@code pkso.resize} keys to the values below (docs/forecast.md).
 */
public final class BenchmarkScalingPolicy {

  /**
   * Share of allocatable cores the plan fills at the forecast's upper quantile. 1.0 because the headroom is already
   * in the calibrated upper quantile; lower it where pods pack badly onto nodes.
   */
  public static final double TARGET_UTILISATION = 1.0;
  /** Largest change in workers of one decision. */
  public static final int MAX_STEP = 10;
  /** Minimum time after a scale-up before a scale-down. */
  public static final Duration COOLDOWN = Duration.ofMinutes(10);
  /** Workers kept above need before scaling down. */
  public static final int SCALE_DOWN_HYSTERESIS = 0;

  private BenchmarkScalingPolicy() {}

  /** A policy with the benchmark's tuning for the given node size, limits and timing. */
  public static ScalingPolicy policy(double nodeAllocatableCores, int minWorkers, int maxWorkers, Duration leadTime,
      Duration decisionInterval) {
    return new ScalingPolicy(nodeAllocatableCores, TARGET_UTILISATION, minWorkers, maxWorkers, MAX_STEP, leadTime,
        decisionInterval, COOLDOWN, SCALE_DOWN_HYSTERESIS);
  }
}
