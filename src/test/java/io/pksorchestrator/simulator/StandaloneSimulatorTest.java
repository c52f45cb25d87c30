package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.simulator.web.SimulatorServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of {@code java -jar pks-orchestrator.jar simulator ...}. */
class StandaloneSimulatorTest {

  @Test
  void settingsComeFromTheCommandLineWithOrWithoutThePrefix() {
    SimulatorProperties p = StandaloneSimulator.properties(new String[] {"--port", "9191", "--speed=1200",
        "--durations.update=2m", "--pkso.simulator.history=7d", "--foundation", "lab2"});
    assertThat(p.getPort()).isEqualTo(9191);
    assertThat(p.getSpeed()).isEqualTo(1200);
    assertThat(p.getDurations().getUpdate()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.getDurations().getCreate()).as("default kept").isEqualTo(Duration.ofMinutes(10));
    assertThat(p.getHistory()).isEqualTo(Duration.ofDays(7));
    assertThat(p.getFoundation()).isEqualTo("lab2");
  }

  @Test
  void unknownSettingsAndMalformedArgumentsAreRefusedWithTheUsage() {
    assertThatThrownBy(() -> StandaloneSimulator.properties(new String[] {"--sped=100"}))
        .hasMessageContaining("Invalid simulator setting").hasMessageContaining("Usage:");
    assertThatThrownBy(() -> StandaloneSimulator.properties(new String[] {"9090"}))
        .hasMessageContaining("Unexpected argument '9090'");
    assertThatThrownBy(() -> StandaloneSimulator.properties(new String[] {"--port"}))
        .hasMessageContaining("has no value");
    assertThatThrownBy(() -> StandaloneSimulator.properties(new String[] {"--speed=fast"}))
        .hasMessageContaining("Invalid simulator setting");
  }

  @Test
  void servesTheLabFoundationOnItsOwn() {
    SimulatorServer server = StandaloneSimulator.start(new String[] {"--port", "0", "--history", "1d", "--control-token", "standalone-test"});
    try {
      SimHttp http = new SimHttp(server.port(), "standalone-test");
      String token = http.token("pks-uaa", "lab-pks-client-secret");
      assertThat(http.get("/lab/pks/v1/clusters", token).json().findValuesAsText("name"))
          .contains("web-staging", "payments-prod");
    } finally {
      server.close();
    }
  }
}
