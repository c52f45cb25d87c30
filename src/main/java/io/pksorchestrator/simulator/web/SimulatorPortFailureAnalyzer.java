package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.web.SimulatorServer.SimulatorPortInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * "APPLICATION FAILED TO START" for a busy simulator port: names {@code pkso.simulator.port}, not the application's
 * {@code server.port} that Spring Boot's own port analysis would suggest.
 */
public class SimulatorPortFailureAnalyzer extends AbstractFailureAnalyzer<SimulatorPortInUseException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SimulatorPortInUseException cause) {
    return new FailureAnalysis(cause.getMessage(), "Set pkso.simulator.port to a free port (PKSO_SIMULATOR_PORT="
        + "9191, or --pkso.simulator.port=9191), or stop the process that listens on the simulator's port.", cause);
  }
}
