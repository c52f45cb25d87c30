package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Elements.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Last step of a forecasting cycle: the batches' counts (only counts) as variables, retention ({@link ForecastCycleService#finish}). */
@Component("finishForecastCycleDelegate")
public class FinishForecastCycleDelegate implements JavaDelegate {

  private final ForecastCycleService cycle;

  public FinishForecastCycleDelegate(ForecastCycleService cycle) {
    this.cycle = cycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CycleSummary s = cycle.finish(execution.getProcessInstanceId());
    execution.setVariable(CLUSTERS_MANAGED, s.managedCount());
    execution.setVariable(FORECASTS_READY, s.forecastsReadyCount());
    execution.setVariable(RESIZES_STARTED, s.resizesStartedCount());
    execution.setVariable(PROPOSALS_SUPPRESSED, s.suppressedCount());
    execution.setVariable(CLUSTERS_FAILED, s.clustersFailedCount());
    execution.setVariable(FOUNDATIONS_FAILED, String.join(",", s.failedFoundations()));
  }
}
