package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingProcess.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Elements.*;
import static io.pksorchestrator.resize.ForecastScalingProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/**
 * The forecasting cycle's model on the in-memory engine: one cycle per due date, its batches as parallel jobs of
 * their own, a failing batch repeated alone, and a cycle skipped while an earlier one still has batches to run.
 */
@Deployment(resources = "bpmn/ForecastScalingProcess.bpmn")
class ForecastScalingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = io.pksorchestrator.ProcessTestEngine.coverage()
      .assertClassCoverageAtLeast(1.0).build();

  private static final long T0 = 1_800_000_000_000L;

  private final ForecastCycleService cycle = Mockito.mock(ForecastCycleService.class);

  @BeforeEach
  void setUp() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(new Date(T0));
    ForecastCycleMocks.register(cycle);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void eachDueDateStartsOneCycleWhoseBatchesAreParallelJobsAndWhichRecordsOnlyCounts() {
    CycleSummary summary = new CycleSummary();
    summary.add(3, 1, 1, 0, 1);
    summary.foundationFailed("prod-eu");
    ProcessInstance pi = fireTimer(1);
    Mockito.when(cycle.plan(pi.getId())).thenReturn(3);
    Mockito.when(cycle.finish(pi.getId())).thenReturn(summary);
    Job next = managementService().createJobQuery().timers().singleResult();
    assertThat(next.getDuedate()).as("the next due date").isEqualTo(new Date(T0 + 600_000));

    assertThat(pi).isWaitingAt(TASK_PLAN_BATCHES);
    runJobsAt(TASK_PLAN_BATCHES, pi);
    List<Job> batchJobs = jobsAt(TASK_FORECAST_BATCH, pi);
    assertThat(batchJobs).as("one job per batch, all due at once").hasSize(3);
    assertThat(batchJobs).allSatisfy(j -> assertThat(((JobEntity) j).isExclusive()).as("batch job exclusive")
        .isFalse());

    runJobsAt(TASK_FORECAST_BATCH, pi);
    List<Job> ends = jobsAt(BATCH_END, pi);
    assertThat(ends).hasSize(3).allSatisfy(j -> assertThat(((JobEntity) j).isExclusive()).isTrue());
    runJobsAt(BATCH_END, pi);
    runJobsAt(TASK_FINISH_CYCLE, pi);

    assertThat(pi).isEnded().hasPassed(START, TASK_PLAN_BATCHES, GATEWAY_PREVIOUS_CYCLE_RUNNING, TASK_FINISH_CYCLE,
        END).hasNotPassed(END_SKIPPED);
    for (int i = 0; i < 3; i++) {
      Mockito.verify(cycle).runBatch(pi.getId(), i);
    }
    Mockito.verify(cycle).finish(pi.getId());
    List<HistoricVariableInstance> vars = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(vars).extracting(HistoricVariableInstance::getName).containsOnly(CLUSTERS_MANAGED,
        FORECASTS_READY, RESIZES_STARTED, PROPOSALS_SUPPRESSED, CLUSTERS_FAILED, FOUNDATIONS_FAILED,
        FORECAST_BATCHES, PREVIOUS_CYCLE_RUNNING);
    assertThat(pi).variables().containsEntry(CLUSTERS_MANAGED, 3).containsEntry(FORECASTS_READY, 1)
        .containsEntry(RESIZES_STARTED, 1).containsEntry(PROPOSALS_SUPPRESSED, 0).containsEntry(CLUSTERS_FAILED, 1)
        .containsEntry(FOUNDATIONS_FAILED, "prod-eu").containsEntry(FORECAST_BATCHES, 3);
    // what one cycle leaves in the engine's history does not grow with its batches (ForecastCycleHistoryPlugin,
    // docs/platform.md): 6 activity instances (start, planning, gateway, the batches' multi-instance body, finish,
    // end), 8 variables with one update each, no job log rows while no job fails; the batches ran (verified above)
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .list()).extracting(HistoricActivityInstance::getActivityId).containsExactlyInAnyOrder(START,
            TASK_PLAN_BATCHES, GATEWAY_PREVIOUS_CYCLE_RUNNING, SUBPROCESS_BATCH + "#multiInstanceBody",
            TASK_FINISH_CYCLE, END);
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(8);
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).count())
        .isZero();
  }

  @Test
  void aFailingBatchIsRepeatedAloneWhileTheOthersEnd() {
    ProcessInstance pi = fireTimer(1);
    Mockito.when(cycle.plan(pi.getId())).thenReturn(3);
    Mockito.when(cycle.finish(pi.getId())).thenReturn(new CycleSummary());
    Mockito.when(cycle.runBatch(pi.getId(), 1)).thenThrow(new IllegalStateException("database gone"))
        .thenReturn(new CycleSummary());
    runJobsAt(TASK_PLAN_BATCHES, pi);

    for (Job j : jobsAt(TASK_FORECAST_BATCH, pi)) {
      try {
        managementService().executeJob(j.getId());
      } catch (IllegalStateException expected) {
        assertThat(expected).hasMessage("database gone");
      }
    }
    runJobsAt(BATCH_END, pi);
    assertThat(jobsAt(BATCH_END, pi)).isEmpty();
    Job failed = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(TASK_FORECAST_BATCH)
        .singleResult();
    assertThat(failed.getExceptionMessage()).contains("database gone");
    assertThat(failed.getRetries()).as("one retry left (R2/PT1M)").isEqualTo(1);
    assertThat(pi).isNotEnded();

    ClockUtil.setCurrentTime(new Date(T0 + 300_000 + 61_000)); // R2/PT1M: a minute later
    runJobsAt(TASK_FORECAST_BATCH, pi);
    runJobsAt(BATCH_END, pi);
    runJobsAt(TASK_FINISH_CYCLE, pi);
    assertThat(pi).isEnded().hasPassed(END);
    // the batch's failure stays in the history: its job log row with the exception, nothing else of the batches
    assertThat(engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(pi.getId()).list())
        .singleElement().satisfies(log -> {
          assertThat(log.isFailureLog()).isTrue();
          assertThat(log.getActivityId()).isEqualTo(TASK_FORECAST_BATCH);
          assertThat(log.getJobExceptionMessage()).contains("database gone");
        });
    Mockito.verify(cycle).runBatch(pi.getId(), 0);
    Mockito.verify(cycle, Mockito.times(2)).runBatch(pi.getId(), 1);
    Mockito.verify(cycle).runBatch(pi.getId(), 2);
  }

  @Test
  void aCycleIsSkippedWhileAnEarlierOneHasBatchesToRunButNotBehindAnIncident() {
    ProcessInstance first = fireTimer(1);
    Mockito.when(cycle.plan(first.getId())).thenReturn(2);
    runJobsAt(TASK_PLAN_BATCHES, first);

    ProcessInstance second = fireTimer(2);
    runJobsAt(TASK_PLAN_BATCHES, second);
    assertThat(second).isEnded().hasPassed(END_SKIPPED).hasNotPassed(SUBPROCESS_BATCH);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(second.getId())
        .variableName(PREVIOUS_CYCLE_RUNNING).singleResult().getValue()).isEqualTo(true);
    Mockito.verify(cycle, Mockito.never()).plan(second.getId());

    // the first cycle's batches fail for good (incidents): they no longer hold the next cycles back
    for (Job j : jobsAt(TASK_FORECAST_BATCH, first)) {
      managementService().setJobRetries(j.getId(), 0);
    }
    ProcessInstance third = fireTimer(3);
    runJobsAt(TASK_PLAN_BATCHES, third);
    Mockito.verify(cycle).plan(third.getId());
    assertThat(third).isWaitingAt(TASK_FINISH_CYCLE);
  }

  @Test
  void aCycleWithoutBatchesEndsAtOnce() {
    ProcessInstance pi = fireTimer(1);
    Mockito.when(cycle.plan(pi.getId())).thenReturn(0);
    Mockito.when(cycle.finish(pi.getId())).thenReturn(new CycleSummary());
    runJobsAt(TASK_PLAN_BATCHES, pi);
    assertThat(jobsAt(TASK_FORECAST_BATCH, pi)).isEmpty();
    runJobsAt(TASK_FINISH_CYCLE, pi);
    assertThat(pi).isEnded().hasPassed(END).hasNotPassed(TASK_FORECAST_BATCH);
    Mockito.verify(cycle, Mockito.never()).runBatch(Mockito.anyString(), Mockito.anyInt());
  }

  /** Moves the clock to the {@code n}-th due date, fires the timer and returns the cycle it started. */
  private ProcessInstance fireTimer(int n) {
    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(new Date(T0 + 300_000L * n));
    ClockUtil.setCurrentTime(timer.getDuedate());
    List<String> before = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .stream().map(ProcessInstance::getId).toList();
    managementService().executeJob(timer.getId());
    List<ProcessInstance> started = new ArrayList<>(runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).list());
    started.removeIf(p -> before.contains(p.getId()));
    assertThat(started).as("one cycle per due date").hasSize(1);
    return started.get(0);
  }

  private static List<Job> jobsAt(String activityId, ProcessInstance pi) {
    return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .withRetriesLeft().list();
  }

  private static void runJobsAt(String activityId, ProcessInstance pi) {
    for (Job j : jobsAt(activityId, pi)) {
      managementService().executeJob(j.getId());
    }
  }
}
