package io.pksorchestrator;

import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Entry point: the orchestrator application, or a command-line tool when the first argument names one
 * ({@code replay}, {@code fleet-benchmark}, {@code fleet-scale}, {@code start-load}, {@code simulator}: the simulated foundation on its own).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PksOrchestratorApplication {

  public static void main(String[] args) {
    // command-line tools run before (and without) Spring: no web server, no engine
    if (args.length > 0 && "replay".equals(args[0])) {
      System.exit(io.pksorchestrator.forecast.replay.ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "fleet-benchmark".equals(args[0])) {
      System.exit(io.pksorchestrator.forecast.fleet.FleetBenchmarkCommand.run(
          Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "fleet-scale".equals(args[0])) {
      System.exit(io.pksorchestrator.bench.FleetScaleCommand.run(PksOrchestratorApplication.class,
          Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "start-load".equals(args[0])) {
      System.exit(io.pksorchestrator.bench.StartLoadCommand.run(PksOrchestratorApplication.class,
          Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "simulator".equals(args[0])) {
      try {
        io.pksorchestrator.simulator.StandaloneSimulator.start(Arrays.copyOfRange(args, 1, args.length));
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
      return; // the simulator's server threads keep the JVM running until it is stopped
    }
    SpringApplication.run(PksOrchestratorApplication.class, args);
  }

  /** The wall clock (UTC) of the components that read the time outside the engine; tests pass their own. */
  @Bean
  Clock wallClock() {
    return Clock.systemUTC();
  }
}
