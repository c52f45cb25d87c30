package io.pksorchestrator.forecast;

/**
 * The planner's answer.
 *
 * @param targetWorkers workers the cluster should have
 * @param neededNowWorkers workers the observed demand needs now (the target is never below it)
 * @param forecastWorkers workers the forecast's upper quantile needs over lead time plus decision interval
 *     (-1 when the forecast is not ready)
 * @param reason one line for operators, e.g. "forecast upper 95% 61.2 cores within 15m needs 9 workers"
 */
public record ScalingDecision(int currentWorkers, int targetWorkers, int neededNowWorkers, int forecastWorkers,
    String reason) {

  public boolean isChange() {
    return targetWorkers != currentWorkers;
  }

  public boolean isScaleUp() {
    return targetWorkers > currentWorkers;
  }
}
