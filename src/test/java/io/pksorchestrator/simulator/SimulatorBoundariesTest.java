package io.pksorchestrator.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulator speaks HTTP only: it never uses the platform clients, and production code never uses it. */
class SimulatorBoundariesTest {

  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.pksorchestrator");

  @Test
  void simulatorDoesNotUseThePlatformClients() {
    noClasses().that().resideInAPackage("io.pksorchestrator.simulator..")
        .should().dependOnClassesThat().resideInAPackage("io.pksorchestrator.platform..")
        .check(PRODUCTION);
  }

  /** The launcher is the one exception: {@code java -jar ... simulator} hands the command line to the simulator. */
  @Test
  void productionCodeDoesNotUseTheSimulator() {
    noClasses().that().resideOutsideOfPackage("io.pksorchestrator.simulator..")
        .and().doNotHaveFullyQualifiedName("io.pksorchestrator.PksOrchestratorApplication")
        .should().dependOnClassesThat().resideInAPackage("io.pksorchestrator.simulator..")
        .check(PRODUCTION);
  }

  @Test
  void simulatorHasNoEngineCode() {
    noClasses().that().resideInAPackage("io.pksorchestrator.simulator..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(PRODUCTION);
  }
}
