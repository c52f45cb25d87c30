package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.simulator.web.SimulatorPortFailureAnalyzer;
import io.pksorchestrator.simulator.web.SimulatorServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Issue 13 item 6: a busy simulator port fails the start with a message naming {@code pkso.simulator.port} (before:
 * Spring Boot's advice to "configure this application to listen on another port", i.e. {@code server.port}).
 */
class SimulatorPortInUseTest {

  @Test
  void aBusyPortNamesTheSimulatorsSetting() throws Exception {
    SimulatorProperties properties = new SimulatorProperties();
    SimulatedClock clock = new SimulatedClock(Instant.now(), 60);
    clock.pause();
    SimulatedFoundation foundation = new SimulatedFoundation(properties, clock, Clock.systemUTC());
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(properties.getBindAddress(), 0));
      int port = busy.getLocalPort();
      Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> SimulatorServer.start(foundation, port)
          .close());
      assertThat(failure).isNotNull().hasMessageContaining("pkso.simulator.port")
          .hasMessageContaining("port " + port);
      FailureAnalysis analysis = new SimulatorPortFailureAnalyzer().analyze(
          new IllegalStateException("Failed to start bean 'simulatorRunner'", failure));
      assertThat(analysis).isNotNull();
      assertThat(analysis.getDescription()).contains("pkso.simulator.port");
      assertThat(analysis.getAction()).contains("pkso.simulator.port").doesNotContain("server.port");
    }
  }
}
