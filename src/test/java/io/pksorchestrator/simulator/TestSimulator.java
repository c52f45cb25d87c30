package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.web.SimulatorServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One simulator (foundation + HTTP server on a random port) shared by the simulator's HTTP tests of a JVM run,
 * so Tomcat starts once. Each test calls {@link #fresh()}: reset to the start-up state with the clock paused,
 * so time moves only when the test advances it.
 */
final class TestSimulator {

  private static TestSimulator instance;

  final SimulatedFoundation foundation;
  final SimulatorServer server;
  final SimHttp http;

  private TestSimulator() {
    SimulatorProperties properties = new SimulatorProperties();
    properties.setEnabled(true);
    properties.setPort(0);
    SimulatedClock clock = new SimulatedClock(Instant.now(), 60);
    clock.pause();
    foundation = new SimulatedFoundation(properties, clock, Clock.systemUTC());
    server = SimulatorServer.start(foundation, 0);
    http = new SimHttp(server.port(), foundation.controlToken());
  }

  static synchronized TestSimulator fresh() {
    if (instance == null) {
      instance = new TestSimulator();
    }
    instance.foundation.clock().pause();
    instance.foundation.reset();
    return instance;
  }

  /** Moves simulated time forward. */
  void advance(Duration duration) {
    foundation.clock().advance(duration);
  }
}
