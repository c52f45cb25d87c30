package io.pksorchestrator.simulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the simulator's HTTP tests: before each test the JVM's one {@link TestSimulator}, reset to its start-up
 * state with the clock paused ({@link TestSimulator#fresh()}), its HTTP client, and tokens of the lab's three UAAs
 * for the configured client. A subclass's own {@code @BeforeEach} runs after this one.
 */
abstract class SimulatorHttpTestBase {

  TestSimulator sim;
  SimHttp http;

  @BeforeEach
  void freshSimulator() {
    sim = TestSimulator.fresh();
    http = sim.http;
  }

  /** A token of the PKS API's UAA. */
  String pksToken() {
    return http.token("pks-uaa", sim.foundation.properties().getPksClientSecret());
  }

  /** A token of Ops Manager's UAA. */
  String opsmanToken() {
    return http.token("opsman/uaa", sim.foundation.properties().getOpsmanClientSecret());
  }

  /** A token of the BOSH Director's UAA. */
  String boshToken() {
    return http.token("bosh-uaa", sim.foundation.properties().getBoshClientSecret());
  }
}
