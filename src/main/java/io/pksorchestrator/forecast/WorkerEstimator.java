package io.pksorchestrator.forecast;

/**
 * The estimating half of a {@link ScalingPlanner} (as Cluster Autoscaler's estimator): observed demand and the
 * forecast in, workers needed out. It knows nothing of steps, cooldowns, hysteresis or bounds; those are the
 * {@link ScalingLimiter}'s.
 */
public interface WorkerEstimator {

  WorkerEstimate estimate(ScalingInput input, ScalingPolicy policy);
}
