package io.pksorchestrator;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The in-memory engine of the process tests, built once per test JVM from {@value #CONFIGURATION} (engine name
 * {@code process-tests}, apart from the {@code default} engine of the Spring contexts that share the JVM).
 *
 * <p>A process test registers {@code @RegisterExtension static ProcessEngineCoverageExtension engine =
 * ProcessTestEngine.coverage()...build();} and, when it uses {@code BpmnAwareTests}, binds it in its
 * {@code @BeforeEach} with {@code BpmnAwareTests.init(engine.getProcessEngine())}: with more than one engine in the
 * JVM, camunda-bpm-assert cannot guess which one is meant.
 */
public final class ProcessTestEngine {

  /** Not {@code camunda.cfg.xml}: {@code ProcessEngines.init()} would find that name and build the engine again. */
  public static final String CONFIGURATION = "process-test-engine.cfg.xml";

  private ProcessTestEngine() {}

  /** The coverage extension (camunda-process-test-coverage) on the process-test engine. */
  public static ProcessEngineCoverageExtension.Builder coverage() {
    return ProcessEngineCoverageExtension.builder(CONFIGURATION);
  }
}
