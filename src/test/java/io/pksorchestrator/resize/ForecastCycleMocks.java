package io.pksorchestrator.resize;

import org.camunda.bpm.engine.test.mock.Mocks;

/** The beans the forecasting cycle's model names, for process tests of it (register before deploying it). */
final class ForecastCycleMocks {

  private ForecastCycleMocks() {}

  /**
   * Registers the retry cycles, the cycle setting {@code R/PT5M} (the timer start event's cycle is resolved when the
   * model is deployed) and the cycle's three delegates around {@code cycle}.
   */
  static void register(ForecastCycleService cycle) {
    ResizeProperties settings = new ResizeProperties();
    settings.setForecastCycle("R/PT5M");
    Mocks.register("jobRetries", new io.pksorchestrator.operations.JobRetries(
        io.pksorchestrator.operations.JobRetryProperties.defaults()));
    Mocks.register("resizeSettings", settings);
    Mocks.register("planForecastBatchesDelegate", new PlanForecastBatchesDelegate(cycle));
    Mocks.register("forecastBatchDelegate", new ForecastBatchDelegate(cycle));
    Mocks.register("finishForecastCycleDelegate", new FinishForecastCycleDelegate(cycle));
  }
}
