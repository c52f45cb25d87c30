package io.pksorchestrator.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The forecasting package is pure Java + Commons Math (+ JFreeChart/Jackson for the replay's output files). */
class ForecastPackageArchitectureTest {

  @Test
  void forecastPackageDependsOnNeitherSpringNorCamundaNorOtherFeatures() {
    noClasses().that().resideInAPackage("io.pksorchestrator.forecast..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..",
            "io.pksorchestrator.platform..", "io.pksorchestrator.simulator..", "io.pksorchestrator.resize..")
        // importing the compiled folder only: scanning the whole classpath for the package takes far longer
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes", "io", "pksorchestrator", "forecast")));
  }
}
