package io.pksorchestrator.engine;

import io.pksorchestrator.platform.http.CallDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Bounds the foundation calls of every job by its lock (issue 11 item 6a): while the job executor runs a job, the
 * foundation clients see {@link CallDeadline} = the job's lock expiry minus {@code pkso.engine.job-lock-margin}.
 * Counted from the lock, not from the start of the job, so a job that waited in the executor's queue gets less
 * time, never more. A call that would end after the deadline is cut short (its timeout is the time left) and
 * a call with no time left is not sent (retryable). So no job can still be calling a foundation when its lock
 * expires, whatever the number of calls it makes, and another node never runs it a second time at once.
 */
@Component
public class JobCallDeadlinePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobCallDeadlinePlugin.class);

  private final Duration margin;

  public JobCallDeadlinePlugin(EngineProperties properties) {
    this.margin = properties.jobLockMargin();
  }

  /** The lock time is the job executor's own ({@code camunda.bpm.job-execution.lock-time-in-millis}, else Camunda's). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Duration lockTime = Duration.ofMillis(configuration.getJobExecutor().getLockTimeInMillis());
    if (lockTime.compareTo(margin.multipliedBy(2)) < 0) {
      LOG.warn("PKSO-ENGINE030 Job lock time {} leaves less than the margin {} for foundation calls"
          + " (pkso.engine.job-lock-margin); jobs calling a foundation will be cut short", lockTime, margin);
    }
    CallDeadline.setSource(() -> deadlineOfCurrentJob(margin));
  }

  /** The current job's lock expiry minus {@code margin}, when this thread runs a job for the job executor. */
  static Optional<Instant> deadlineOfCurrentJob(Duration margin) {
    JobExecutorContext context = Context.getJobExecutorContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    if (job == null || job.getLockExpirationTime() == null) {
      return Optional.empty();
    }
    return Optional.of(job.getLockExpirationTime().toInstant().minus(margin));
  }
}
