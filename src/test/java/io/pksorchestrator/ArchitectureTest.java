package io.pksorchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of the feature packages (see docs/architecture.md). */
@AnalyzeClasses(packages = "io.pksorchestrator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The forecaster is pure Java + Commons Math. */
  @ArchTest
  static final ArchRule forecastHasNoSpringOrCamunda = noClasses().that().resideInAPackage("..forecast..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
      .allowEmptyShould(true);

  /** Delegates and BpmnError belong to the process packages, not to clients, simulator or forecaster. */
  @ArchTest
  static final ArchRule noDelegateApiOutsideProcessPackages = noClasses().that()
      .resideInAnyPackage("io.pksorchestrator.platform..", "io.pksorchestrator.simulator..",
          "io.pksorchestrator.forecast..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
      .allowEmptyShould(true);

  /**
   * Production code never depends on the simulator (it runs beside the app, reached over HTTP only). The launcher is
   * the one exception: {@code java -jar ... simulator} hands the command line to the standalone simulator instead of
   * starting the application.
   */
  @ArchTest
  static final ArchRule nobodyImportsTheSimulator = noClasses().that()
      .resideOutsideOfPackage("io.pksorchestrator.simulator..")
      .and().doNotHaveFullyQualifiedName(PksOrchestratorApplication.class.getName())
      .should().dependOnClassesThat().resideInAPackage("io.pksorchestrator.simulator..")
      .allowEmptyShould(true);
}
