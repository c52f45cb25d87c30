package io.pksorchestrator.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform package knows HTTP and nothing of the engine, the processes or the simulator. */
class PlatformArchitectureTest {

  private static final JavaClasses PLATFORM = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.pksorchestrator.platform");

  @Test
  void platformDoesNotDependOnTheEngine() {
    noClasses().that().resideInAPackage("io.pksorchestrator.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
        .because("delegates map foundation exceptions to BPMN errors; platform stays engine-free")
        .check(PLATFORM);
  }

  @Test
  void platformDoesNotDependOnFeaturesOrTheSimulator() {
    noClasses().that().resideInAPackage("io.pksorchestrator.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("io.pksorchestrator.simulator..",
            "io.pksorchestrator.cluster..", "io.pksorchestrator.resize..", "io.pksorchestrator.upgrade..",
            "io.pksorchestrator.ticketing..")
        .check(PLATFORM);
  }

  @Test
  void onlyTheHttpPlumbingUsesFeignClientsDirectly() {
    noClasses().that().resideInAPackage("io.pksorchestrator.platform")
        .should().dependOnClassesThat().resideInAnyPackage("feign..")
        .because("the ports and the configuration are free of HTTP types")
        .check(PLATFORM);
  }
}
