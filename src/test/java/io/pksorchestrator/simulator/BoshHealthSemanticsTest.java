package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.upgrade.ClusterVerifier;
import io.pksorchestrator.upgrade.PreCheckResult;
import io.pksorchestrator.upgrade.UpgradePreChecks;
import io.pksorchestrator.upgrade.StemcellSource;
import io.pksorchestrator.upgrade.UpgradeProperties;
import io.pksorchestrator.upgrade.UpgradeRequest;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1, through the production gateways against the simulator: the Director lists VM-less errand
 * instances (job_state null), and an instance counts as running only as bosh-cli counts it (job state AND every
 * process running). Upgrade pre-checks and post-upgrade verification accept a healthy cluster with an errand
 * group and refuse one whose process fails while its job state still reads {@code running}.
 */
class BoshHealthSemanticsTest {

  private final TestSimulator sim = TestSimulator.fresh();
  private final LabGateways lab = new LabGateways(sim);
  private final UpgradeProperties properties = upgradeProperties();
  private final UpgradePreChecks preChecks = new UpgradePreChecks(lab.foundations, lab.opsman, lab.pks, lab.bosh,
      properties, new StemcellSource(properties));
  private final ClusterVerifier verifier = new ClusterVerifier(lab.pks, lab.bosh);

  @Test
  void theDirectorListsTheErrandInstanceWithoutAVm() {
    sim.foundation.clock().resume();
    var instances = lab.bosh.instanceDetails(LabGateways.F, deployment("web-staging"));
    assertThat(instances).extracting(i -> i.group()).containsExactlyInAnyOrder("master", "master", "master",
        "worker", "worker", "worker", "apply-addons");
    var errand = instances.stream().filter(i -> i.group().equals("apply-addons")).findFirst().orElseThrow();
    assertThat(errand.jobState()).isNull();
    assertThat(errand.vmCid()).isNull();
    assertThat(errand.processes()).isEmpty();
    assertThat(errand.isRunning()).isFalse();
    assertThat(errand.isErrand()).isTrue();
  }

  @Test
  void preChecksPassForAHealthyClusterWithAnErrandGroup() {
    sim.foundation.clock().resume();
    PreCheckResult result = preChecks.check(request("web-staging"));
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void preChecksRefuseAFailingProcessWhileTheJobStateSaysRunning() {
    String failing = failProcess("web-staging", "worker", 1, "kubelet");
    sim.foundation.clock().resume();
    var worker = lab.bosh.instanceDetails(LabGateways.F, deployment("web-staging")).stream()
        .filter(i -> ("worker/" + i.id()).equals(failing)).findFirst().orElseThrow();
    assertThat(worker.jobState()).isEqualTo("running");

    PreCheckResult result = preChecks.check(request("web-staging"));

    assertThat(result.reasons()).singleElement().asString().contains("web-staging").contains("not running")
        .contains(failing).contains("kubelet failing");
  }

  @Test
  void verificationAfterAnUpgradeSkipsTheErrandAndCatchesAFailingProcess() {
    String token = sim.http.token("pks-uaa", "lab-pks-client-secret");
    assertThat(sim.http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of("clusters", List.of("batch-dev"),
        "canaries", List.of(), "max_in_flight", 1)).status()).isBetween(200, 299);
    sim.advance(Duration.ofMinutes(20));
    sim.foundation.clock().resume();
    ClusterEntry entry = new ClusterEntry();
    entry.name = "batch-dev";
    entry.uuid = deployment("batch-dev").substring("service-instance_".length());
    entry.workers = 3;

    assertThat(verifier.verify(LabGateways.F, entry, "1.400")).isEmpty();

    failProcess("batch-dev", "master", 0, null);
    assertThat(verifier.verify(LabGateways.F, entry, "1.400")).singleElement().asString()
        .contains("instances not running").contains("master/").contains("etcd failing");
  }

  private UpgradeRequest request(String cluster) {
    return new UpgradeRequest(LabGateways.F, "ubuntu-jammy", "1.412",
        "https://stemcells.example/bosh-stemcell-1.412-vsphere-esxi-ubuntu-jammy-go_agent.tgz", cluster, null, 1,
        null, null);
  }

  /** Arms the fault over HTTP like an operator would ({@code POST /_sim/faults}). */
  private String failProcess(String cluster, String group, int index, String process) {
    Map<String, Object> fault = new java.util.HashMap<>(Map.of("type", "process-failure", "cluster", cluster,
        "group", group, "index", index));
    if (process != null) {
      fault.put("process", process);
    }
    JsonNode answer = sim.http.send("POST", "/_sim/faults", null, fault).json();
    return answer.get("failing").asText();
  }

  private String deployment(String cluster) {
    return sim.foundation.call(() -> sim.foundation.pks().all().stream().filter(c -> c.name().equals(cluster))
        .findFirst().orElseThrow().deployment().name());
  }

  /** The requests' stemcell URL host is an allowed source, so that only the BOSH health decides. */
  private static UpgradeProperties upgradeProperties() {
    UpgradeProperties p = new UpgradeProperties();
    p.setStemcellUrlHosts(java.util.List.of("stemcells.example"));
    return p;
  }
}
