package io.pksorchestrator.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The job retry cycles ({@link JobRetryProperties}, {@code pkso.jobs.*}) as the models read them: every
 * {@code camunda:failedJobRetryTimeCycle} of {@code bpmn/} is {@code ${jobRetries.retryCycle}} or
 * {@code ${jobRetries.forecastCycleRetryCycle}} (Camunda evaluates the expression when a job fails;
 * {@code BpmnModelGuardrailTest} keeps literal cycles out of the models). As an engine plugin it also makes
 * {@code retryCycle} the engine's default cycle for jobs whose element names none.
 */
@Component("jobRetries")
public class JobRetries extends AbstractProcessEnginePlugin {

  private final JobRetryProperties properties;

  public JobRetries(JobRetryProperties properties) {
    this.properties = properties;
  }

  /** Retry cycle of the steps that call a remote system, e.g. {@code PT10S,PT1M,PT5M,PT15M,PT30M}. */
  public String getRetryCycle() {
    return properties.retryCycle();
  }

  /** Retry cycle of the forecasting cycle's jobs, e.g. {@code R2/PT1M}. */
  public String getForecastCycleRetryCycle() {
    return properties.forecastCycleRetryCycle();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobRetryTimeCycle(properties.retryCycle());
  }
}
