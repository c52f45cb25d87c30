package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.LOOP_COUNTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One batch of a forecasting cycle ({@link ForecastCycleService#runBatch}), in a job of its own: the batch number is
 * the multi-instance {@code loopCounter}; its counts go to the batch's row, not into process variables.
 */
@Component("forecastBatchDelegate")
public class ForecastBatchDelegate implements JavaDelegate {

  private final ForecastCycleService cycle;

  public ForecastBatchDelegate(ForecastCycleService cycle) {
    this.cycle = cycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cycle.runBatch(execution.getProcessInstanceId(), (Integer) execution.getVariable(LOOP_COUNTER));
  }
}
