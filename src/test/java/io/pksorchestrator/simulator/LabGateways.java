package io.pksorchestrator.simulator;

import io.pksorchestrator.platform.ConfiguredFoundations;
import io.pksorchestrator.platform.FoundationProperties;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.bosh.FeignBoshGateway;
import io.pksorchestrator.platform.http.FoundationClients;
import io.pksorchestrator.platform.opsman.FeignOpsManagerGateway;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The production gateways (Feign over real HTTP) pointed at the test simulator as foundation
 * {@value TestFoundations#NAME}, configured like {@code config/foundations.yml} configures {@code lab}.
 */
final class LabGateways {

  static final String F = TestFoundations.NAME;

  final ConfiguredFoundations foundations;
  final FoundationClients clients;
  final FeignPksGateway pks;
  final FeignBoshGateway bosh;
  final FeignOpsManagerGateway opsman;

  LabGateways(TestSimulator sim) {
    String lab = sim.http.base + "/lab";
    SimulatorProperties p = sim.foundation.properties();
    Foundation f = new Foundation("Lab", 60, null, null, false, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(20),
        TestFoundations.endpoint(lab + "/pks", lab + "/pks-uaa", p.getClientId(), p.getPksClientSecret()),
        TestFoundations.endpoint(lab + "/opsman", lab + "/opsman/uaa", p.getClientId(), p.getOpsmanClientSecret()),
        TestFoundations.endpoint(lab + "/bosh", lab + "/bosh-uaa", p.getClientId(), p.getBoshClientSecret()), null,
        null, new FoundationProperties.Plans(50, Map.of("small", 10, "medium", 25, "large", 50)));
    foundations = new ConfiguredFoundations(new FoundationProperties(Map.of(F, f)));
    clients = new FoundationClients(foundations, Clock.systemUTC());
    pks = new FeignPksGateway(clients);
    bosh = new FeignBoshGateway(clients);
    opsman = new FeignOpsManagerGateway(clients);
  }
}
