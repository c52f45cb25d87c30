package io.pksorchestrator.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The forecasting package is pure Java + Commons Math (+ JFreeChart/Jackson for the replay's output files). */
class ForecastPackageArchitectureTest {

  @Test
  void forecastPackageDependsOnNeitherSpringNorCamundaNorOtherFeatures() {
    noClasses().that().resideInAPackage("io.pksorchestrator.forecast..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
            "io.pksorchestrator.platform..", "io.pksorchestrator.simulator..", "io.pksorchestrator.resize..")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pksorchestrator.forecast"));
  }
}
