package io.pksorchestrator;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Lets Spring's context cache hold several application contexts with a Camunda engine in one test JVM (registered
 * for every Spring test in {@code META-INF/spring.factories}).
 *
 * <ul>
 *   <li>The REST API and the webapps find their engine by name ({@code default}) in Camunda's JVM-wide
 *       {@link ProcessEngines} registry. Every context registers its engine there when it starts (the last one
 *       wins) and removes the name when it closes. Before each test, the engines of the test's own context are
 *       registered again, so its HTTP requests reach its own engine.</li>
 *   <li>A cached context stays open after its test classes so that later classes with the same configuration reuse
 *       it; its job executor would go on running timers (the forecasting cycle every 30 s, retries) behind the other
 *       tests. After each test class the context's job executors are stopped; when a class uses the context again,
 *       the ones stopped here are started again (a context configured without job executor stays without).</li>
 * </ul>
 */
public class EngineTestContexts extends AbstractTestExecutionListener {

  /** Job executors stopped by this listener (and only those are started again). */
  private static final Set<JobExecutor> PAUSED = Collections.synchronizedSet(
      Collections.newSetFromMap(new IdentityHashMap<>()));

  /** After dependency injection (2000); before {@code @DirtiesContext} closes a context after its class (3000). */
  @Override
  public int getOrder() {
    return 2500;
  }

  @Override
  public void prepareTestInstance(TestContext testContext) {
    activate(testContext.getApplicationContext());
  }

  @Override
  public void beforeTestMethod(TestContext testContext) {
    activate(testContext.getApplicationContext());
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      for (ProcessEngine engine : engines(testContext.getApplicationContext())) {
        JobExecutor jobExecutor = jobExecutor(engine);
        if (jobExecutor != null && jobExecutor.isActive()) {
          jobExecutor.shutdown();
          PAUSED.add(jobExecutor);
        }
      }
    }
  }

  private static void activate(ApplicationContext context) {
    for (ProcessEngine engine : engines(context)) {
      ProcessEngines.registerProcessEngine(engine);
      JobExecutor jobExecutor = jobExecutor(engine);
      if (jobExecutor != null && PAUSED.remove(jobExecutor)) {
        jobExecutor.start();
      }
    }
  }

  private static Iterable<ProcessEngine> engines(ApplicationContext context) {
    return context.getBeansOfType(ProcessEngine.class, false, false).values();
  }

  private static JobExecutor jobExecutor(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
        ? configuration.getJobExecutor() : null;
  }
}
