package io.pksorchestrator.forecast;

/**
 * One rule of the {@link ScalingLimiter} that may hold back or cut a change of workers (a step, a cooldown, a
 * hysteresis, a bound). A rule that does not apply returns the change unchanged.
 */
@FunctionalInterface
public interface ScalingLimit {

  /**
   * @param change the change so far (the estimate's, as limited by the rules before this one)
   * @param input what the planner knows (time, last scale-up and -down)
   * @param estimate the estimator's answer
   * @param policy the cluster's limits
   */
  LimitedChange apply(LimitedChange change, ScalingInput input, WorkerEstimate estimate, ScalingPolicy policy);
}
