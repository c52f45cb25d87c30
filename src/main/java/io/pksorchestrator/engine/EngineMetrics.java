package io.pksorchestrator.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.pksorchestrator.operations.OperationVariables;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * Engine figures for Prometheus, computed when scraped: open incidents and open approval tasks (count queries) and
 * the job executor's metrics as Camunda records them ({@code camunda.job.metric} with tag {@code name}: acquisition
 * attempts, acquired, acquisition failures, rejected executions, successful and failed jobs). The job metrics are
 * cluster-wide totals read from the engine's metrics table, which each node flushes every
 * {@code pkso.engine.metrics-report-interval}; do not sum them across nodes.
 */
@Component
public class EngineMetrics implements MeterBinder {

  static final List<String> JOB_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED);

  private final ProcessEngine engine;

  public EngineMetrics(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("pkso.incidents.open", engine, e -> e.getRuntimeService().createIncidentQuery().count())
        .description("Open incidents (failed jobs without retries and others)").register(registry);
    Gauge.builder("pkso.approval.tasks.open", engine, e -> e.getTaskService().createTaskQuery()
            .taskDefinitionKeyLike(OperationVariables.APPROVAL_TASK_PREFIX + "%").count())
        .description("Open approval tasks waiting for an operator").register(registry);
    for (String name : JOB_METRICS) {
      FunctionCounter.builder("camunda.job.metric", engine,
              e -> e.getManagementService().createMetricsQuery().name(name).sum())
          .tag("name", name)
          .description("Camunda job executor metric (cluster-wide, flushed periodically)").register(registry);
    }
  }
}
