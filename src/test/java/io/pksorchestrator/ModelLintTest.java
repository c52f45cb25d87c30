package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * bpmnlint's recommended rules ({@code tools/model-lint/.bpmnlintrc}) over every model in {@code bpmn/}: any
 * finding, error or warning, fails the test. bpmnlint is the pinned version of {@code tools/model-lint}, installed
 * by {@code scripts/test-setup.sh} into {@code target/model-lint} before the unit tests; when it is missing the test
 * fails (it never skips) and says how to install it.
 */
class ModelLintTest {

  static final Path BPMNLINT = Path.of("target", "model-lint", "node_modules", ".bin", "bpmnlint");
  static final Path CONFIG = Path.of("tools", "model-lint", ".bpmnlintrc");

  @Test
  void everyModelPassesBpmnlintsRecommendedRules() throws Exception {
    assertThat(Files.isExecutable(BPMNLINT)).as(BPMNLINT + " is missing: run scripts/test-setup.sh (or ./mvnw test,"
        + " which runs it) to install the pinned bpmnlint").isTrue();
    List<Path> models = BpmnModelGuardrailTest.models();
    assertThat(models).as("models in bpmn/").isNotEmpty();
    List<String> findings = new ArrayList<>();
    for (Path model : models) {
      String output = lint(model);
      if (!output.isBlank()) {
        findings.add(output.strip());
      }
    }
    assertThat(findings).as("bpmnlint findings (recommended rules)").isEmpty();
  }

  /** bpmnlint's report of one file: empty when it has nothing to say and exits 0. */
  static String lint(Path model) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(BPMNLINT.toAbsolutePath().toString(), "--config",
        CONFIG.toAbsolutePath().toString(), model.toAbsolutePath().toString()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    return p.exitValue() == 0 ? text : "exit " + p.exitValue() + ": " + text;
  }
}
