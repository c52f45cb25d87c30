package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.ForecastScalingModel.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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

/** The forecasting cycle's timer start event and its single job, on the in-memory engine. */
@Deployment(resources = "bpmn/ForecastScalingProcess.bpmn")
class ForecastScalingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = io.pksorchestrator.ProcessTestEngine.coverage()
      .assertClassCoverageAtLeast(1.0).build();

  private final ForecastCycleService cycle = Mockito.mock(ForecastCycleService.class);

  @BeforeEach
  void setUp() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(new Date(1_800_000_000_000L));
    ResizeProperties settings = new ResizeProperties();
    settings.setForecastCycle("R/PT5M");
    // registered before the deployment: the timer start event's cycle expression is resolved when deploying
    Mocks.register("resizeSettings", settings);
    Mocks.register("forecastCycleDelegate", new ForecastCycleDelegate(cycle));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void eachDueDateStartsOneCycleThatRecordsOnlyCounts() {
    CycleSummary summary = new CycleSummary();
    for (int i = 0; i < 3; i++) {
      summary.managed();
    }
    summary.forecastReady();
    summary.resizeStarted();
    summary.clusterFailed();
    summary.foundationFailed("prod-eu");
    Mockito.when(cycle.runCycle()).thenReturn(summary);

    Job timer = managementService().createJobQuery().timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(new Date(1_800_000_000_000L + 300_000));
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService().executeJob(timer.getId());

    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .singleResult();
    assertThat(pi).isWaitingAt(TASK_RUN_CYCLE);
    Job next = managementService().createJobQuery().timers().singleResult();
    assertThat(next.getDuedate()).isEqualTo(new Date(1_800_000_000_000L + 600_000));

    execute(job());
    assertThat(pi).isEnded().hasPassed(START, TASK_RUN_CYCLE, END);
    Mockito.verify(cycle).runCycle();
    List<HistoricVariableInstance> vars = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(vars).extracting(HistoricVariableInstance::getName).containsExactlyInAnyOrder(CLUSTERS_MANAGED,
        FORECASTS_READY, RESIZES_STARTED, PROPOSALS_SUPPRESSED, CLUSTERS_FAILED, FOUNDATIONS_FAILED);
    assertThat(pi).variables().containsEntry(CLUSTERS_MANAGED, 3).containsEntry(FORECASTS_READY, 1)
        .containsEntry(RESIZES_STARTED, 1).containsEntry(PROPOSALS_SUPPRESSED, 0).containsEntry(CLUSTERS_FAILED, 1)
        .containsEntry(FOUNDATIONS_FAILED, "prod-eu");
    // what one cycle leaves in the engine's history, whatever the number of clusters (docs: about 10 KB)
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .count()).isEqualTo(3);
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(6);
  }
}
