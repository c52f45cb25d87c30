package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.web.SimulatorServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the simulated foundation inside the application when {@code pkso.simulator.enabled=true}: the
 * foundation (plain Java, available for injection in end-to-end tests) and its HTTP server on its own port. Its
 * port, foundation name and speed are in the environment before any bean is created ({@link SimulatorSettings}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "pkso.simulator", name = "enabled", havingValue = "true")
public class SimulatorConfiguration {

  @Bean
  SimulatedFoundation simulatedFoundation(SimulatorProperties properties) {
    return SimulatedFoundation.start(properties);
  }

  @Bean
  SimulatorRunner simulatorRunner(SimulatedFoundation foundation, SimulatorProperties properties) {
    return new SimulatorRunner(foundation, properties.getPort());
  }

  /** Starts the simulator's server before the application serves requests; {@link #port()} gives the actual port. */
  public static final class SimulatorRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorRunner.class);
    private final SimulatedFoundation foundation;
    private final int configuredPort;
    private volatile SimulatorServer server;

    SimulatorRunner(SimulatedFoundation foundation, int configuredPort) {
      this.foundation = foundation;
      this.configuredPort = configuredPort;
    }

    @Override
    public synchronized void start() {
      if (server == null) {
        server = SimulatorServer.start(foundation, configuredPort);
        LOG.info("PKSO-SIM001 Simulated foundation '{}' serving on http://{}:{}/{}/ (speed {}x)",
            foundation.name(), foundation.properties().getBindAddress(), server.port(), foundation.name(),
            foundation.clock().speed());
        if (foundation.controlTokenGenerated() && foundation.properties().isTestEndpointsEnabled()) {
          // printed once: the lab's test controls are useless without it, and it is valid for this run only
          LOG.info("PKSO-SIM002 Simulator control token (header X-Sim-Token on /_sim/**): {}",
              foundation.controlToken());
        }
      }
    }

    @Override
    public synchronized void stop() {
      if (server != null) {
        server.close();
        server = null;
      }
    }

    @Override
    public boolean isRunning() {
      return server != null;
    }

    /** Starts early so foundation clients can reach it when the engine's first jobs run. */
    @Override
    public int getPhase() {
      return Integer.MIN_VALUE + 1000;
    }

    /** The port the simulator listens on (useful with port 0). */
    public int port() {
      SimulatorServer s = server;
      if (s == null) {
        throw new IllegalStateException("The simulator is not running");
      }
      return s.port();
    }
  }
}
