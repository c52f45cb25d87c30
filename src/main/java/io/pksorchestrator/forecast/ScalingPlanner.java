package io.pksorchestrator.forecast;

/**
 * Turns demand (observed and forecast) into a worker count within a {@link ScalingPolicy}: sized on the
 * forecast's upper quantile over lead time plus decision interval, never below what observed demand needs now,
 * clamped by min, max and step, scale-down only when forecast and recent observations both allow it and the
 * cooldown has passed. Pure Java, no Spring, no Camunda.
 */
public interface ScalingPlanner {

  ScalingDecision plan(ScalingInput input, ScalingPolicy policy);
}
