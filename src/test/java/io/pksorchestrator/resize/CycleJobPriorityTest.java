package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
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
 * Issue 16 item 1: the forecasting cycle's jobs are acquired before the operations' jobs (job priority
 * {@link ForecastScalingProcess#JOB_PRIORITY} with acquisition by priority, as in config/platform.yml), and the
 * operations' jobs still run: once the cycle's due jobs are taken, the next acquisition takes them. Acquisition is the
 * engine's own ({@link AcquireJobsCmd}, the query the job executor runs), one job at a time as a busy executor would.
 */
@Deployment(resources = {"bpmn/ForecastScalingProcess.bpmn", "bpmn/PredictiveResizeProcess.bpmn",
    "dmn/ResizeApproval.dmn", "forms/predictive-resize-approval.form", "forms/cluster-lease-conflict.form"})
class CycleJobPriorityTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = io.pksorchestrator.ProcessTestEngine.coverage().build();

  private static final long T0 = 1_800_000_000_000L;

  private final ForecastCycleService cycle = Mockito.mock(ForecastCycleService.class);
  private final List<String> resizesRead = new ArrayList<>();
  private ProcessEngineConfigurationImpl configuration;
  private ManagementService management;
  private RuntimeService runtime;

  @BeforeEach
  void setUp() {
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    management = engine.getProcessEngine().getManagementService();
    runtime = engine.getProcessEngine().getRuntimeService();
    ClockUtil.setCurrentTime(new Date(T0));
    ForecastCycleMocks.register(cycle);
    // the resize's first step, reduced to what this test needs: it ran, and the proposal is stale (the resize ends)
    Mocks.register("readClusterDelegate", (JavaDelegate) execution -> {
      resizesRead.add(execution.getProcessBusinessKey());
      execution.setVariable(PredictiveResizeProcess.Variables.PROPOSAL_CURRENT, false);
    });
    Mocks.register("resizeOutcome", Mockito.mock(ResizeOutcomeRecorder.class));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void theApplicationAcquiresJobsByPriority() {
    // the process-test engine is configured as config/platform.yml configures the application's engine
    // (BpmnModelGuardrailTest checks the application's own engine and the models' priorities)
    assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
  }

  @Test
  void aCyclesJobsRunBeforeTheResizesItStartedAndTheResizesRunRightAfter() {
    Mockito.when(cycle.finish(Mockito.anyString())).thenReturn(new CycleSummary());
    // an operation whose first job is due before the cycle's batches exist
    ProcessInstance resize = startResize("web-staging");
    Job timer = management.createJobQuery().timers().processDefinitionKey(ForecastScalingProcess.KEY)
        .singleResult();
    assertThat(timer.getPriority()).as("the cycle's timer").isEqualTo(ForecastScalingProcess.JOB_PRIORITY);
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ForecastScalingProcess.KEY)
        .singleResult();
    Mockito.when(cycle.plan(pi.getId())).thenReturn(3);
    // each batch starts a resize, as a cycle after the back-fill does for hundreds of clusters
    for (int i = 0; i < 3; i++) {
      int batch = i;
      Mockito.when(cycle.runBatch(pi.getId(), batch)).thenAnswer(inv -> {
        startResize("batch-" + batch);
        return new CycleSummary();
      });
    }
    Job resizeJob = management.createJobQuery().processInstanceId(resize.getId()).singleResult();
    assertThat(resizeJob.getPriority()).as("an operation's job: the engine's default").isZero();

    // the job executor's loop, one job per acquisition: acquire the next due job, run it
    List<String> ran = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      String jobId = acquireOne();
      if (jobId == null) {
        break;
      }
      Job job = management.createJobQuery().jobId(jobId).singleResult();
      ran.add((ForecastScalingProcess.KEY.equals(job.getProcessDefinitionKey()) ? "cycle:" : "resize:")
          + management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
              .getActivityId());
      management.executeJob(jobId);
    }

    // 1 planning + 3 batches + 3 batch ends + 1 finish (2b + 2 after the timer): all before any resize job, although
    // the first resize's job was due before them all and three more came due while the batches ran
    assertThat(ran).hasSize(12);
    assertThat(ran.subList(0, 8)).allSatisfy(a -> assertThat(a).startsWith("cycle:"));
    assertThat(ran.get(0)).isEqualTo("cycle:" + ForecastScalingProcess.Elements.TASK_PLAN_BATCHES);
    assertThat(ran.get(7)).isEqualTo("cycle:" + ForecastScalingProcess.Elements.TASK_FINISH_CYCLE);
    // ... and right after the cycle, every resize's job ran (not starved)
    assertThat(ran.subList(8, 12)).containsOnly("resize:" + PredictiveResizeProcess.Elements.TASK_READ_CLUSTER);
    assertThat(resizesRead).containsExactlyInAnyOrder("lab/web-staging", "lab/batch-0", "lab/batch-1",
        "lab/batch-2");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).as("cycle ended")
        .isZero();
  }

  @Test
  void whileTheCyclesJobsAreLockedByRunningThreadsTheNextAcquisitionTakesAnOperationsJob() {
    ProcessInstance resize = startResize("web-staging");
    Job timer = management.createJobQuery().timers().processDefinitionKey(ForecastScalingProcess.KEY)
        .singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management.executeJob(timer.getId());
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ForecastScalingProcess.KEY)
        .singleResult();
    Mockito.when(cycle.plan(pi.getId())).thenReturn(2);
    management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());

    // two executor threads take the two batches (locked, still running); the third acquisition gets the resize
    String first = acquireOne();
    String second = acquireOne();
    String third = acquireOne();
    assertThat(management.createJobQuery().jobId(first).singleResult().getProcessInstanceId()).isEqualTo(pi.getId());
    assertThat(management.createJobQuery().jobId(second).singleResult().getProcessInstanceId())
        .isEqualTo(pi.getId());
    assertThat(management.createJobQuery().jobId(third).singleResult().getProcessInstanceId())
        .as("an operation's job while the cycle's batches run").isEqualTo(resize.getId());
  }

  /** One acquisition of at most one job by the engine's acquisition query (locks it); null when none is due. */
  private String acquireOne() {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
        .execute(new AcquireJobsCmd(jobExecutor, 1));
    List<String> ids = acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
    assertThat(ids).hasSizeLessThanOrEqualTo(1);
    return ids.isEmpty() ? null : ids.get(0);
  }

  private ProcessInstance startResize(String cluster) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(io.pksorchestrator.operations.OperationVariables.FOUNDATION, "lab");
    vars.put(PredictiveResizeProcess.Variables.CLUSTER_NAME, cluster);
    vars.put(PredictiveResizeProcess.Variables.CURRENT_WORKERS, 3);
    vars.put(PredictiveResizeProcess.Variables.PROPOSED_WORKERS, 4);
    vars.put(PredictiveResizeProcess.Variables.REASON, "test");
    vars.put(PredictiveResizeProcess.Variables.TRIGGER, PredictiveResizeProcess.Trigger.FORECAST);
    vars.put(io.pksorchestrator.operations.OperationVariables.REQUESTED_BY, "forecast");
    vars.put(PredictiveResizeProcess.Variables.PROPOSED_AT, ClockUtil.getCurrentTime());
    vars.put(PredictiveResizeProcess.Variables.FORECAST_UPPER_CORES, 4.0);
    return runtime.startProcessInstanceByKey(PredictiveResizeProcess.KEY, "lab/" + cluster, vars);
  }
}
