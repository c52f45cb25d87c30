package io.pksorchestrator.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's retry hook for every job of every model: a job that fails with a failure that
 * {@link NotRetryableFailures} classifies as not retryable gets its retries set to 0 at once, which raises the
 * failed-job incident (with the failure's message and stack trace) instead of using up
 * {@code failedJobRetryTimeCycle}. Everything else goes through Camunda's {@link DefaultJobRetryCmd} unchanged.
 * Decided in the engine's failed-job command, so no delegate needs a try/catch for it.
 */
@Component
public class NotRetryableFailuresPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new ClassifyingFailedJobCommandFactory());
  }

  /** Creates {@link ClassifyingJobRetryCmd}s. */
  public static final class ClassifyingFailedJobCommandFactory implements FailedJobCommandFactory {
    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return new ClassifyingJobRetryCmd(jobId, exception);
    }
  }

  /** {@link DefaultJobRetryCmd}, except that a not-retryable failure ends the retries at once. */
  static final class ClassifyingJobRetryCmd extends DefaultJobRetryCmd {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifyingJobRetryCmd.class);

    ClassifyingJobRetryCmd(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (exception == null || !NotRetryableFailures.isNotRetryable(exception)) {
        return super.execute(commandContext);
      }
      JobEntity job = getJob();
      if (job == null) {
        return null;
      }
      LOG.info("PKSO-ENGINE010 Job {} ({}) failed with a not retryable {}: incident at once instead of retries",
          job.getId(), job.getActivityId(), exception.getClass().getSimpleName());
      job.unlock();
      logException(job); // message and stack trace first: the incident takes its message from the job
      job.setRetries(0);
      notifyAcquisition(commandContext);
      return null;
    }
  }
}
