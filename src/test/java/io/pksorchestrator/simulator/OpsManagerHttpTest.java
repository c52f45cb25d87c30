package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ops Manager: stemcell library, staging, installations and the cluster-upgrade errand, over HTTP. */
class OpsManagerHttpTest extends SimulatorHttpTestBase {

  private String token;
  private String pksGuid;

  @BeforeEach
  void setUp() {
    token = opsmanToken();
    pksGuid = null;
    for (JsonNode p : http.get("/lab/opsman/api/v0/staged/products", token).json()) {
      if (p.get("type").asText().equals("pivotal-container-service")) {
        pksGuid = p.get("guid").asText();
      }
    }
  }

  @Test
  void infoIsOpenAndEverythingElseNeedsOpsManagersToken() {
    assertThat(http.get("/lab/opsman/api/v0/info", null).json().get("info").get("version").asText()).isEqualTo("3.0.25-build.2");
    assertThat(http.get("/lab/opsman/api/v0/staged/products", null).status()).isEqualTo(401);
    assertThat(pksGuid).startsWith("pivotal-container-service-");
    String credential = http.get("/lab/opsman/api/v0/deployed/director/credentials/bosh_commandline_credentials", token)
        .json().get("credential").asText();
    assertThat(credential).startsWith("BOSH_CLIENT=pkso-lab BOSH_CLIENT_SECRET=lab-bosh-client-secret BOSH_CA_CERT=")
        .contains("BOSH_ENVIRONMENT=http://localhost:").endsWith("/lab/bosh bosh");
  }

  @Test
  void uploadsStemcellsAndRejectsGarbage() {
    Reply uploaded = http.sendRaw(Stemcells.upload(http.base, token, "anything.tgz", Stemcells.tarball("ubuntu-jammy", "1.445")));
    assertThat(uploaded.status()).isEqualTo(200);
    assertThat(uploaded.json().get("stemcell").get("version").asText()).isEqualTo("1.445");
    assertThat(uploaded.json().get("stemcell").get("os").asText()).isEqualTo("ubuntu-jammy");
    assertThat(uploaded.json().get("existing").asBoolean()).isFalse();
    assertThat(http.sendRaw(Stemcells.upload(http.base, token, "anything.tgz", Stemcells.tarball("ubuntu-jammy", "1.445")))
        .json().get("existing").asBoolean()).isTrue();

    Reply garbage = http.sendRaw(Stemcells.upload(http.base, token,
        "bosh-stemcell-1.446-vsphere-esxi-ubuntu-jammy-go_agent.tgz", "not a tarball".getBytes(StandardCharsets.UTF_8)));
    assertThat(garbage.status()).isEqualTo(422);
    assertThat(garbage.json().get("errors").get(0).asText()).contains("not a stemcell");

    JsonNode report = http.get("/lab/opsman/api/v0/diagnostic_report", token).json();
    assertThat(report.get("available_stemcells").findValuesAsText("version")).containsExactly("1.400", "1.445");
  }

  @Test
  void oneInstallationAtATimeAndLogsGrow() {
    Reply started = http.send("POST", "/lab/opsman/api/v0/installations", token, Map.of("deploy_products", "all"));
    assertThat(started.status()).isEqualTo(200);
    long id = started.json().get("install").get("id").asLong();
    assertThat(status(id)).isEqualTo("running");
    Reply second = http.send("POST", "/lab/opsman/api/v0/installations", token, Map.of("deploy_products", "all"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("errors").get(0).asText()).contains("already in progress");
    String early = http.get("/lab/opsman/api/v0/installations/" + id + "/logs", token).json().get("logs").asText();
    sim.advance(Duration.ofMinutes(15));
    String late = http.get("/lab/opsman/api/v0/installations/" + id + "/logs", token).json().get("logs").asText();
    assertThat(late).startsWith(early).hasSizeGreaterThan(early.length());
    assertThat(status(id)).isEqualTo("succeeded");
    assertThat(http.get("/lab/opsman/api/v0/installations/999", token).status()).isEqualTo(404);
  }

  @Test
  void stagedStemcellDeployedWithErrandOffLeavesClustersAlone() {
    http.sendRaw(Stemcells.upload(http.base, token, "x.tgz", Stemcells.tarball("ubuntu-jammy", "1.445")));
    Reply patch = http.send("PATCH", "/lab/opsman/api/v0/stemcell_associations", token, Map.of("products",
        List.of(Map.of("guid", pksGuid, "staged_stemcells", List.of(Map.of("os", "ubuntu-jammy", "version", "1.445"))))));
    assertThat(patch.status()).isEqualTo(200);
    assertThat(http.send("PATCH", "/lab/opsman/api/v0/stemcell_associations", token, Map.of("products",
        List.of(Map.of("guid", pksGuid, "staged_stemcells", List.of(Map.of("os", "ubuntu-jammy", "version", "9.9")))))).status())
        .isEqualTo(422);

    long id = http.send("POST", "/lab/opsman/api/v0/installations", token, Map.of("deploy_products", List.of(pksGuid),
        "errands", Map.of(pksGuid, Map.of("run_post_deploy", Map.of("upgrade-all-service-instances", false)))))
        .json().get("install").get("id").asLong();
    sim.advance(Duration.ofMinutes(16));
    assertThat(status(id)).isEqualTo("succeeded");
    JsonNode pks = product(http.get("/lab/opsman/api/v0/stemcell_associations", token).json().get("products"));
    assertThat(pks.get("deployed_stemcells").get(0).get("version").asText()).isEqualTo("1.445");
    String boshToken = boshToken();
    JsonNode deployments = http.get("/lab/bosh/deployments", boshToken).json();
    assertThat(deployments.findValuesAsText("version")).doesNotContain("1.445");
  }

  @Test
  void errandUpgradesAllClustersOneAfterAnother() {
    http.sendRaw(Stemcells.upload(http.base, token, "x.tgz", Stemcells.tarball("ubuntu-jammy", "1.445")));
    http.send("PATCH", "/lab/opsman/api/v0/stemcell_assignments", token,
        Map.of("products", List.of(Map.of("guid", pksGuid, "staged_stemcell_version", "1.445"))));
    Instant start = sim.foundation.now();
    long id = http.send("POST", "/lab/opsman/api/v0/installations", token, Map.of("deploy_products", "all"))
        .json().get("install").get("id").asLong();
    sim.advance(Duration.ofMinutes(16));
    assertThat(status(id)).isEqualTo("running");
    assertThat(sim.foundation.clusterState("payments-prod")).contains("in progress");
    for (int i = 0; i < 12 && status(id).equals("running"); i++) {
      sim.advance(Duration.ofMinutes(10));
    }
    assertThat(status(id)).isEqualTo("succeeded");
    String pksToken = pksToken();
    JsonNode cluster = http.get("/lab/pks/v1/clusters/web-staging", pksToken).json();
    assertThat(cluster.get("last_action").asText()).isEqualTo("UPGRADE");
    assertThat(cluster.get("pks_version").asText()).isEqualTo("1.19.2-build.10");
    Instant end = sim.foundation.now();
    assertThat(sim.foundation.droppedBelow("payments-prod", 5, start, end)).isFalse();
    assertThat(sim.foundation.droppedBelow("payments-prod", 6, start, end)).isTrue();
    assertThat(sim.foundation.controlPlaneAlwaysReachable("payments-prod", start, end)).isTrue();
    assertThat(sim.foundation.controlPlaneAlwaysReachable("batch-dev", start, end)).as("one master").isFalse();
  }

  @Test
  void olderOpsManagerHasOnlyAssignments() {
    sim.foundation.properties().setOpsmanVersion("2.5.31-build.5");
    try {
      sim.foundation.reset();
      String t = opsmanToken();
      assertThat(http.get("/lab/opsman/api/v0/stemcell_associations", t).status()).isEqualTo(404);
      assertThat(http.get("/lab/opsman/api/v0/stemcell_assignments", t).json().get("products").get(0)
          .get("staged_stemcell_version").asText()).isEqualTo("1.400");
    } finally {
      sim.foundation.properties().setOpsmanVersion("3.0.25-build.2");
      sim.foundation.reset();
    }
  }

  @Test
  void injectedInstallationFailure() {
    sim.foundation.faults().failNextInstallations(1);
    long id = http.send("POST", "/lab/opsman/api/v0/installations", token, Map.of()).json().get("install").get("id").asLong();
    sim.advance(Duration.ofMinutes(15));
    assertThat(status(id)).isEqualTo("failed");
    JsonNode list = http.get("/lab/opsman/api/v0/installations", token).json().get("installations");
    assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(list.get(0).get("status").asText()).isEqualTo("failed");
  }

  private JsonNode product(JsonNode products) {
    for (JsonNode p : products) {
      if (p.get("guid").asText().equals(pksGuid)) {
        return p;
      }
    }
    throw new AssertionError("no PKS tile in " + products);
  }

  private String status(long id) {
    return http.get("/lab/opsman/api/v0/installations/" + id, token).json().get("status").asText();
  }
}
