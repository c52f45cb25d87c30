package io.pksorchestrator.forecast;

import java.util.Objects;

/**
 * The default {@link ScalingPlanner}: a {@link WorkerEstimator} says how many workers demand and forecast need (by
 * default {@link HeadroomEstimator}), a {@link ScalingLimiter} applies every rule that holds the change back (step,
 * cooldown, scale-down floor and hysteresis, bounds). The reason line is the estimate's, followed by what each
 * limit did. Stateless, thread-safe.
 */
public final class HeadroomScalingPlanner implements ScalingPlanner {

  private final WorkerEstimator estimator;
  private final ScalingLimiter limiter;

  public HeadroomScalingPlanner() {
    this(new HeadroomEstimator(), new ScalingLimiter());
  }

  public HeadroomScalingPlanner(WorkerEstimator estimator, ScalingLimiter limiter) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
  }

  @Override
  public ScalingDecision plan(ScalingInput input, ScalingPolicy policy) {
    Objects.requireNonNull(input, "input");
    ScalingLimiter.validate(policy);
    WorkerEstimate estimate = estimator.estimate(input, policy);
    LimitedChange change = limiter.limit(input, estimate, policy);
    StringBuilder reason = new StringBuilder(estimate.reason());
    change.notes().forEach(note -> reason.append("; ").append(note));
    return new ScalingDecision(change.currentWorkers(), change.targetWorkers(), estimate.neededNowWorkers(),
        estimate.forecastWorkers(), reason.toString());
  }
}
