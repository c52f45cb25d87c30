package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PksOrchestratorApplication;
import io.pksorchestrator.PlatformTestSupport;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping and starting the application in the middle of a process loses nothing: on a file H2 database (as in the
 * default run) an instance waiting at an approval task, and then at a timer, is found again after a restart.
 */
class RestartKeepsWaitingStateIT {

  @TempDir Path dir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PksOrchestratorApplication.class).run(
        "--server.port=0",
        // own engine name: leaves the "default" engine of the cached test context registered in ProcessEngines
        "--camunda.bpm.process-engine-name=restartTest",
        // no webapps: their runtime delegates are JVM-wide statics that would then point at this closed context
        "--camunda.bpm.webapp.enabled=false",
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("pkso") + ";DB_CLOSE_ON_EXIT=FALSE",
        "--pkso.simulator.enabled=false",
        "--pkso.security.admin-password=" + PlatformTestSupport.random(),
        "--pkso.security.operator-password=" + PlatformTestSupport.random(),
        "--pkso.security.ticketing-password=" + PlatformTestSupport.random(),
        "--camunda.bpm.deployment-resource-pattern=classpath*:bpmn/**/*.bpmn,classpath*:forms/**/*.form,"
            + "classpath*:test-bpmn/*.bpmn");
  }

  @Test
  void waitingTaskAndTimerSurviveRestarts() {
    String instanceId;
    try (ConfigurableApplicationContext first = start()) {
      ProcessInstance pi = first.getBean(ProcessEngine.class).getRuntimeService()
          .startProcessInstanceByKey("PlatformTestProcess", "restart-1");
      instanceId = pi.getId();
    }
    String timerJobId;
    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
      assertThat(task).isNotNull();
      assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ApproveTest");
      engine.getTaskService().complete(task.getId());
      timerJobId = engine.getManagementService().createJobQuery().processInstanceId(instanceId).timers()
          .singleResult().getId();
    }
    try (ConfigurableApplicationContext third = start()) {
      ProcessEngine engine = third.getBean(ProcessEngine.class);
      ManagementService management = engine.getManagementService();
      assertThat(management.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId())
          .isEqualTo(timerJobId);
      management.executeJob(timerJobId);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult().getState()).isEqualTo("COMPLETED");
    }
  }
}
