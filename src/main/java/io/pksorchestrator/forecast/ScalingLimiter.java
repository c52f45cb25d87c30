package io.pksorchestrator.forecast;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The limiting half of a {@link ScalingPlanner} (as Cluster Autoscaler's limiter): every rule that holds back or
 * cuts the change the {@link WorkerEstimator} asks for, applied in order, each noting what it did for the reason
 * line. The default rules: {@link #STEP_UP}, {@link #COOLDOWN}, {@link #SCALE_DOWN_FLOOR}, {@link #STEP_DOWN},
 * {@link #BOUNDS}. Stateless, thread-safe.
 */
public final class ScalingLimiter {

  /** A scale-up moves by at most the policy's maximum step. */
  public static final ScalingLimit STEP_UP = (change, input, estimate, policy) -> {
    int max = change.currentWorkers() + policy.maxStep();
    return change.targetWorkers() > max ? change.limitTo(max, "step limited to +" + policy.maxStep()) : change;
  };

  /** No scale-down within the cooldown after the last scale-up. */
  public static final ScalingLimit COOLDOWN = (change, input, estimate, policy) -> {
    boolean cooling = input.lastScaleUp() != null
        && Duration.between(input.lastScaleUp(), input.now()).compareTo(policy.cooldown()) < 0;
    return change.isScaleDown() && cooling ? change.limitTo(change.currentWorkers(), "scale-down held: cooldown "
        + WorkerEstimate.human(policy.cooldown()) + " after the last scale-up") : change;
  };

  /**
   * A scale-down goes no lower than the estimate's scale-down floor (the recent peak's need) plus the policy's
   * hysteresis; when that is not below the current size, the scale-down is held.
   */
  public static final ScalingLimit SCALE_DOWN_FLOOR = (change, input, estimate, policy) -> {
    if (!change.isScaleDown()) {
      return change;
    }
    int keep = Math.max(change.targetWorkers(), estimate.scaleDownFloorWorkers() + policy.scaleDownHysteresis());
    if (keep >= change.currentWorkers()) {
      return change.limitTo(change.currentWorkers(), String.format(Locale.ROOT,
          "scale-down held: recent peak %.1f cores (+%d hysteresis) needs %d", estimate.recentPeakCores(),
          policy.scaleDownHysteresis(), keep));
    }
    return change.limitTo(keep, String.format(Locale.ROOT, "forecast and recent peak %.1f cores allow %d",
        estimate.recentPeakCores(), keep));
  };

  /** A scale-down moves by at most the policy's maximum step. */
  public static final ScalingLimit STEP_DOWN = (change, input, estimate, policy) -> {
    int min = change.currentWorkers() - policy.maxStep();
    return change.targetWorkers() < min ? change.limitTo(min, "step limited to -" + policy.maxStep()) : change;
  };

  /** The target stays within the policy's minimum and maximum workers (also when nothing else changes). */
  public static final ScalingLimit BOUNDS = (change, input, estimate, policy) -> {
    int target = change.targetWorkers();
    if (target < policy.minWorkers()) {
      return change.limitTo(policy.minWorkers(), "raised to minimum " + policy.minWorkers());
    }
    if (target > policy.maxWorkers()) {
      return change.limitTo(policy.maxWorkers(), "capped at maximum " + policy.maxWorkers());
    }
    return change;
  };

  private final List<ScalingLimit> rules;

  /** The default rules, in their order. */
  public ScalingLimiter() {
    this(List.of(STEP_UP, COOLDOWN, SCALE_DOWN_FLOOR, STEP_DOWN, BOUNDS));
  }

  public ScalingLimiter(List<ScalingLimit> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The estimate's change from the current size, through every rule. */
  public LimitedChange limit(ScalingInput input, WorkerEstimate estimate, ScalingPolicy policy) {
    Objects.requireNonNull(input, "input");
    validate(policy);
    LimitedChange change = LimitedChange.of(input.currentWorkers(), estimate.desiredWorkers());
    for (ScalingLimit rule : rules) {
      change = rule.apply(change, input, estimate, policy);
    }
    return change;
  }

  static void validate(ScalingPolicy p) {
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
}
