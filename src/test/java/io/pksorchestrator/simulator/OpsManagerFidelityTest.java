package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.opsman.OmProduct;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.simulator.SimHttp.Reply;
import io.pksorchestrator.upgrade.StemcellSource;
import io.pksorchestrator.upgrade.UpgradePreChecks;
import io.pksorchestrator.upgrade.UpgradeProperties;
import io.pksorchestrator.upgrade.UpgradeRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6, production gateway against the simulated Ops Manager: a stemcell counts as present only for the
 * foundation's infrastructure (om matches it), and Apply Changes for chosen products needs Ops Manager 2.2 (om
 * checks the version; the simulated Ops Manager below 2.2 refuses a list of GUIDs).
 */
class OpsManagerFidelityTest {

  private final TestSimulator sim = TestSimulator.fresh();
  private final SimulatorProperties properties = sim.foundation.properties();
  private final String defaultVersion = properties.getOpsmanVersion();

  @AfterEach
  void restore() {
    if (!properties.getOpsmanVersion().equals(defaultVersion)) {
      properties.setOpsmanVersion(defaultVersion);
      sim.foundation.reset();
    }
  }

  @Test
  void aStemcellOfAnotherInfrastructureIsNotPresent() {
    LabGateways lab = new LabGateways(sim);
    String om = sim.http.token("opsman/uaa", "lab-opsman-client-secret");
    Reply aws = sim.http.sendRaw(Stemcells.upload(sim.http.base, om, "bosh-stemcell-1.412-aws-xen-hvm-ubuntu-jammy-go_agent.tgz",
        Stemcells.tarball("ubuntu-jammy", "1.412", "aws", "xen-hvm")));
    assertThat(aws.status()).isEqualTo(200);

    assertThat(lab.opsman.hasStemcell(LabGateways.F, new OmStemcell("ubuntu-jammy", "1.412"))).isFalse();
    String pksGuid = lab.opsman.stagedProducts(LabGateways.F).stream()
        .filter(p -> OmProduct.PKS_TILE_TYPE.equals(p.type())).findFirst().orElseThrow().guid();
    assertThatThrownBy(() -> lab.opsman.assignStemcell(LabGateways.F, pksGuid, new OmStemcell("ubuntu-jammy", "1.412")))
        .as("Ops Manager cannot stage a stemcell of another IaaS").isInstanceOf(FoundationRejectedException.class);

    Reply vsphere = sim.http.sendRaw(Stemcells.upload(sim.http.base, om,
        "bosh-stemcell-1.412-vsphere-esxi-ubuntu-jammy-go_agent.tgz", Stemcells.tarball("ubuntu-jammy", "1.412")));
    assertThat(vsphere.json().get("existing").asBoolean()).as("not the same stemcell").isFalse();
    assertThat(lab.opsman.hasStemcell(LabGateways.F, new OmStemcell("ubuntu-jammy", "1.412"))).isTrue();
  }

  @Test
  void opsManagerBelow22CannotDeployChosenProducts() {
    properties.setOpsmanVersion("2.1.7-build.3");
    sim.foundation.reset();
    LabGateways lab = new LabGateways(sim);
    String pksGuid = lab.opsman.stagedProducts(LabGateways.F).stream()
        .filter(p -> OmProduct.PKS_TILE_TYPE.equals(p.type())).findFirst().orElseThrow().guid();

    assertThatThrownBy(() -> lab.opsman.applyChanges(LabGateways.F, List.of(pksGuid), Map.of()))
        .isInstanceOf(FoundationRejectedException.class).hasMessageContaining("Ops Manager 2.2 or later");
    assertThat(lab.opsman.installations(LabGateways.F)).as("nothing started").isEmpty();

    String om = sim.http.token("opsman/uaa", "lab-opsman-client-secret");
    assertThat(sim.http.send("POST", "/lab/opsman/api/v0/installations", om,
        Map.of("deploy_products", List.of(pksGuid))).status()).as("the simulated OM 2.1 refuses it too").isEqualTo(422);

    sim.foundation.clock().resume();
    var result = new UpgradePreChecks(lab.foundations, lab.opsman, lab.pks, lab.bosh, new UpgradeProperties(),
        new StemcellSource(new UpgradeProperties()))
        .check(new UpgradeRequest(LabGateways.F, "ubuntu-jammy", "1.412", "https://stemcells.example/s.tgz", "batch-dev",
            null, 1, null, null));
    assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("deploy_products needs Ops Manager 2.2"));
  }
}
