package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guardrails for the shared test JVM (README, "Tests"): one process-test engine, found under its own name. */
class ProcessTestEngineTest {

  @Test
  void noCamundaCfgXmlOnTheTestClassPath() {
    assertThat(getClass().getClassLoader().getResource("camunda.cfg.xml"))
        .as("camunda.cfg.xml is built again by ProcessEngines' classpath scan inside full-application tests: put "
            + "process-test engine settings into %s", ProcessTestEngine.CONFIGURATION).isNull();
    assertThat(getClass().getClassLoader().getResource(ProcessTestEngine.CONFIGURATION)).isNotNull();
  }

  @Test
  void processTestsUseTheProcessTestEngine() throws IOException {
    List<String> offenders;
    try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
      offenders = sources.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("ProcessTestEngineTest.java")).filter(p -> {
        try {
          String text = Files.readString(p);
          return text.contains("ProcessEngineCoverageExtension.builder()")
              || text.contains("ProcessEngineExtension.builder()");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(Path::toString).toList();
    }
    assertThat(offenders).as("these tests look for the engine configuration camunda.cfg.xml, which does not exist: "
        + "register ProcessTestEngine.coverage()...build() instead (and BpmnAwareTests.init(...) in @BeforeEach)")
        .isEmpty();
  }
}
