package io.pksorchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.http.CallDeadline;
import io.pksorchestrator.platform.http.FoundationClients;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 11 item 6a on a real job executor: with a 3 s job lock and a 1 s margin, a job whose foundation call hangs
 * (the server answers after 10 s; the client's read timeout is 30 s) has that call cut at the lock expiry minus
 * the margin, before the lock expires, so no other node could take the job while it still runs.
 */
class JobCallDeadlineTest {

  static final AtomicLong callMillis = new AtomicLong(-1);
  static final AtomicReference<Throwable> callFailure = new AtomicReference<>();
  static volatile FoundationClients clients;

  /** The job: one foundation call, timed. */
  public static class CallingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      long start = System.nanoTime();
      try {
        new FeignPksGateway(clients).plans(TestFoundations.NAME);
      } catch (RuntimeException e) {
        callFailure.set(e);
      } finally {
        callMillis.set((System.nanoTime() - start) / 1_000_000);
      }
    }
  }

  private HttpServer server;
  private ProcessEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (server != null) {
      server.stop(0);
    }
    CallDeadline.setSource(null);
  }

  @Test
  void aHangingCallEndsBeforeTheJobLockExpires() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext("/pks-uaa/oauth/token", ex -> {
      byte[] token = "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":3600}"
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, token.length);
      ex.getResponseBody().write(token);
      ex.close();
    });
    server.createContext("/pks/v1/plans", ex -> {
      try {
        Thread.sleep(10_000); // a foundation that stopped answering
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.sendResponseHeaders(200, 2);
      ex.getResponseBody().write("[]".getBytes(StandardCharsets.UTF_8));
      ex.close();
    });
    server.start();
    clients = TestFoundations.clients(TestFoundations.foundation("http://127.0.0.1:" + server.getAddress().getPort(),
        Duration.ofSeconds(30), false, null), java.time.Clock.systemUTC());

    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:job-call-deadline;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(true);
    config.setProcessEngineName("job-call-deadline");
    config.getProcessEnginePlugins().add(new JobCallDeadlinePlugin(
        new EngineProperties(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(10), 128)));
    engine = config.buildProcessEngine();
    config.getJobExecutor().setLockTimeInMillis(3000);
    config.getJobExecutor().setWaitTimeInMillis(100);
    engine.getRepositoryService().createDeployment().addModelInstance("Call.bpmn",
        Bpmn.createExecutableProcess("CallProcess").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Call").camundaAsyncBefore().camundaClass(CallingDelegate.class.getName())
            .endEvent().done()).deploy();

    engine.getRuntimeService().startProcessInstanceByKey("CallProcess");
    await().atMost(Duration.ofSeconds(20)).until(() -> callMillis.get() >= 0);

    assertThat(callFailure.get()).isInstanceOf(RetryableFoundationException.class);
    assertThat(callMillis.get()).as("the call ended at the lock expiry minus the margin (lock 3 s)")
        .isLessThan(2_800).isGreaterThan(500);
  }

  /** The lock time is read from the job executor the engine really uses, not from a property with a fallback. */
  @Test
  void warnsWhenTheJobExecutorsLockTimeLeavesTooLittleForCalls() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration();
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setLockTimeInMillis(20_000);
    config.setJobExecutor(executor);
    Logger logger = (Logger) LoggerFactory.getLogger(JobCallDeadlinePlugin.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      new JobCallDeadlinePlugin(new EngineProperties(Duration.ofMinutes(1), Duration.ofSeconds(15),
          Duration.ofSeconds(10), 128)).postInit(config);
    } finally {
      logger.detachAppender(log);
    }
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
        .startsWith("PKSO-ENGINE030 Job lock time PT20S leaves less than the margin PT15S");
  }
}
