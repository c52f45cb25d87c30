package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Elements.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of a forecasting cycle: skips the cycle while an earlier one still has batches to run (a cycle that
 * takes longer than the timer's interval must not pile up behind itself), else plans the batches
 * ({@link ForecastCycleService#plan}). An earlier cycle counts as running while it has an active job with retries
 * left; one stuck in an incident does not hold the next cycles back.
 */
@Component("planForecastBatchesDelegate")
public class PlanForecastBatchesDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PlanForecastBatchesDelegate.class);

  private final ForecastCycleService cycle;

  public PlanForecastBatchesDelegate(ForecastCycleService cycle) {
    this.cycle = cycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String self = execution.getProcessInstanceId();
    List<Job> running = execution.getProcessEngineServices().getManagementService().createJobQuery()
        .processDefinitionKey(KEY).messages().active().withRetriesLeft().list().stream()
        .filter(j -> j.getProcessInstanceId() != null && !j.getProcessInstanceId().equals(self)).toList();
    if (!running.isEmpty()) {
      LOG.warn("PKSO-RESIZE-013 Forecasting cycle {} skipped: cycle {} still has {} jobs to run. A cycle takes longer"
          + " than the timer's interval (pkso.resize.forecast-cycle): add nodes or cores, or lengthen the interval.",
          self, running.get(0).getProcessInstanceId(), running.size());
      execution.setVariable(PREVIOUS_CYCLE_RUNNING, true);
      return;
    }
    execution.setVariable(PREVIOUS_CYCLE_RUNNING, false);
    execution.setVariable(FORECAST_BATCHES, cycle.plan(self));
  }
}
