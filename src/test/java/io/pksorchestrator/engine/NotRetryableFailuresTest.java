package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.operations.NotRetryableException;
import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.UnknownFoundationException;
import io.pksorchestrator.upgrade.StemcellSourceRejectedException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11 item 6(b) on the engine (camunda.cfg.xml registers {@link NotRetryableFailuresPlugin} as the application
 * does): an asynchronous service task with a 5-step retry cycle fails once; a failure the product classifies as
 * not retryable leaves 0 retries and one incident carrying its message, anything else keeps the retry cycle.
 */
class NotRetryableFailuresTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = io.pksorchestrator.ProcessTestEngine.coverage().build();

  /** What {@link Failing} throws on its next run. */
  static volatile Supplier<RuntimeException> failure;

  /** The delegate of the test model: throws {@link #failure}. */
  public static class Failing implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw failure.get();
    }
  }

  private ProcessEngine engine;
  private String deployment;

  @BeforeEach
  void deploy() {
    engine = extension.getProcessEngine();
    BpmnModelInstance delegateModel = Bpmn.createExecutableProcess("RetryDelegateProcess").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Call").camundaAsyncBefore().camundaClass(Failing.class.getName())
        .camundaFailedJobRetryTimeCycle("R5/PT1M").endEvent().done();
    BpmnModelInstance expressionModel = Bpmn.createExecutableProcess("RetryExpressionProcess")
        .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Expression").camundaAsyncBefore()
        .camundaExpression("${execution.setVariable('x', notDeclaredAnywhere)}")
        .camundaFailedJobRetryTimeCycle("R5/PT1M").endEvent().done();
    deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("RetryDelegateProcess.bpmn", delegateModel)
        .addModelInstance("RetryExpressionProcess.bpmn", expressionModel).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  @Test
  void notRetryableFailuresBecomeAnIncidentAtOnce() {
    Map<String, Supplier<RuntimeException>> cases = Map.of(
        "400 from a foundation", () -> new FoundationRejectedException("lab", 400,
            "Foundation 'lab' pks: PATCH /v1/clusters/x answered 400: bad worker count", "bad worker count"),
        "422 from a foundation", () -> new FoundationRejectedException("lab", 422, "answered 422", "invalid"),
        "404 from a foundation", () -> new FoundationNotFoundException("lab", "answered 404: no such cluster"),
        "foundation not configured", () -> new UnknownFoundationException("prod", List.of("lab")),
        "input the product refuses", () -> new StemcellSourceRejectedException("stemcellSource '/etc/passwd' is not"
            + " below the stemcell directory"),
        "a missing variable", () -> new NotRetryableException("Variable 'foundation' is missing"),
        "a rejection wrapped by the engine", () -> new ProcessEngineException("wrapped",
            new FoundationRejectedException("lab", 403, "answered 403: forbidden", "forbidden")));
    for (Map.Entry<String, Supplier<RuntimeException>> c : cases.entrySet()) {
      failure = c.getValue();
      String expectedMessage = c.getValue().get().getMessage();
      String pi = engine.getRuntimeService().startProcessInstanceByKey("RetryDelegateProcess").getId();
      runJobOnce(pi);
      Job job = job(pi);
      assertThat(job.getRetries()).as(c.getKey()).isZero();
      List<Incident> incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).list();
      assertThat(incidents).as(c.getKey()).hasSize(1);
      assertThat(incidents.get(0).getIncidentMessage()).as(c.getKey()).isEqualTo(expectedMessage);
      assertThat(job.getExceptionMessage()).isEqualTo(expectedMessage);
    }
  }

  @Test
  void anExpressionNamingAMissingVariableBecomesAnIncidentAtOnce() {
    String pi = engine.getRuntimeService().startProcessInstanceByKey("RetryExpressionProcess").getId();
    runJobOnce(pi);
    assertThat(job(pi).getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).singleResult()
        .getIncidentMessage()).contains("notDeclaredAnywhere");
  }

  @Test
  void retryableAndUnknownFailuresKeepTheRetryCycle() {
    Map<String, Supplier<RuntimeException>> cases = Map.of(
        "503 from a foundation", () -> new RetryableFoundationException("lab", 503, "answered 503", null),
        "timeout", () -> new RetryableFoundationException("lab", 0, "failed without a response", null),
        "retryable wrapping a rejection", () -> new RetryableFoundationException("lab", 0, "outer",
            new FoundationRejectedException("lab", 400, "inner", "inner")),
        "anything else", () -> new IllegalStateException("something unexpected"));
    for (Map.Entry<String, Supplier<RuntimeException>> c : cases.entrySet()) {
      failure = c.getValue();
      String pi = engine.getRuntimeService().startProcessInstanceByKey("RetryDelegateProcess").getId();
      runJobOnce(pi);
      assertThat(job(pi).getRetries()).as(c.getKey()).isEqualTo(4);
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi).count()).as(c.getKey())
          .isZero();
    }
  }

  private void runJobOnce(String pi) {
    try {
      engine.getManagementService().executeJob(job(pi).getId());
      throw new AssertionError("the job did not fail");
    } catch (RuntimeException expected) {
      // the failure reaches the caller; the failed-job command has run in its own transaction
    }
  }

  private Job job(String pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi).singleResult();
  }
}
