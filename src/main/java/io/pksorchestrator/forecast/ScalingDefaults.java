package io.pksorchestrator.forecast;

import java.time.Duration;

/**
 * The product's default scaling tuning, shared by the resize process and the replay benchmark so that the
 * benchmark measures what production does.
 */
public final class ScalingDefaults {

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

  private ScalingDefaults() {}

  /** A policy with the default tuning for the given node size, limits and timing. */
  public static ScalingPolicy policy(double nodeAllocatableCores, int minWorkers, int maxWorkers, Duration leadTime,
      Duration decisionInterval) {
    return new ScalingPolicy(nodeAllocatableCores, TARGET_UTILISATION, minWorkers, maxWorkers, MAX_STEP, leadTime,
        decisionInterval, COOLDOWN, SCALE_DOWN_HYSTERESIS);
  }
}
