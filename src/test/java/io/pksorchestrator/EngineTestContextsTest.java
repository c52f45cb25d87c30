package io.pksorchestrator;

import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.get;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.test.TestHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;

/**
 * The test JVM holds the process-test engine and several Spring contexts at once (see README "Tests"): the REST
 * API of this context still reaches this context's engine, and a context not in use runs no jobs.
 */
class EngineTestContextsTest extends PlatformApplicationTest {

  @Autowired ProcessEngine engine;
  @Autowired ApplicationContext context;

  @Test
  void restApiReachesThisContextsEngineWithTheProcessTestEngineInTheSameJvm() {
    ProcessEngine processTests = TestHelper.getProcessEngine(ProcessTestEngine.CONFIGURATION);
    assertThat(processTests).isNotSameAs(engine);
    // the registry's lazy classpath scan (camunda.cfg.xml) runs at the latest here, as in a REST lookup
    assertThat(ProcessEngines.getProcessEngines()).containsEntry("process-tests", processTests);
    assertThat(ProcessEngines.getDefaultProcessEngine()).isSameAs(engine);

    // PlatformTestProcess is deployed in this context only (neither by the process tests nor by other contexts)
    HttpResponse<String> definitions = send(get(url("/engine-rest/process-definition?key=PlatformTestProcess"))
        .header("Authorization", basic("admin", PlatformTestSupport.ADMIN_PASSWORD)));
    assertThat(definitions.statusCode()).isEqualTo(200);
    assertThat(definitions.body()).contains("\"key\":\"PlatformTestProcess\"");
  }

  @Test
  void aContextNotInUseRunsNoJobsUntilATestUsesItAgain() {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
    assertThat(jobExecutor.isActive()).as("job executor while this class runs").isTrue();
    TestContext thisContext = mock(TestContext.class);
    when(thisContext.hasApplicationContext()).thenReturn(true);
    when(thisContext.getApplicationContext()).thenReturn(context);
    EngineTestContexts listener = new EngineTestContexts();

    listener.afterTestClass(thisContext);
    assertThat(jobExecutor.isActive()).as("job executor of a context not in use").isFalse();
    listener.beforeTestMethod(thisContext);
    assertThat(jobExecutor.isActive()).as("job executor once a test uses the context again").isTrue();
  }
}
