package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UAA and PKS cluster lifecycle over real HTTP against the simulator alone. */
class PksSimulationHttpTest extends SimulatorHttpTestBase {

  /** {@code pkso.simulator.durations.registration} default. */
  private static final Duration REGISTRATION = Duration.ofSeconds(90);

  private String token;

  @BeforeEach
  void setUp() {
    token = pksToken();
  }

  @Test
  void uaaRefusesBadCredentialsAndApisCheckTokens() {
    Reply bad = http.tokenReply("pks-uaa", "pkso-lab", "wrong");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(bad.json().get("error_description").asText()).isEqualTo("Bad client credentials");
    assertThat(http.tokenReply("pks-uaa", "someone-else", "lab-pks-client-secret").status()).isEqualTo(401);

    Reply ok = http.tokenReply("pks-uaa", "pkso-lab", "lab-pks-client-secret");
    assertThat(ok.json().get("token_type").asText()).isEqualTo("bearer");
    assertThat(ok.json().get("expires_in").asLong()).isEqualTo(43199);
    assertThat(ok.json().get("scope").asText()).isEqualTo("pks.clusters.admin");

    assertThat(http.get("/lab/pks/v1/clusters", null).status()).isEqualTo(401);
    assertThat(http.get("/lab/pks/v1/clusters", "not-a-token").status()).isEqualTo(401);
    String opsmanToken = opsmanToken();
    assertThat(http.get("/lab/pks/v1/clusters", opsmanToken).status()).as("a foreign token").isEqualTo(401);
    assertThat(http.get("/lab/pks/v1/clusters", token).status()).isEqualTo(200);

    sim.foundation.uaa(SimulatedFoundation.Component.PKS).revokeAll("pkso-lab");
    assertThat(http.get("/lab/pks/v1/clusters", token).status()).as("an expired token").isEqualTo(401);
  }

  /** Issue 14 item 5: the Plan model has no worker maximum; the tile's maximum is enforced but not served. */
  @Test
  void plansServeTheModelFieldsOnlyAndTheTileMaximumIsStillEnforced() {
    JsonNode plans = http.get("/lab/pks/v1/plans", token).json();
    assertThat(plans).hasSize(3);
    JsonNode medium = plans.get(1);
    assertThat(medium.get("name").asText()).isEqualTo("medium");
    assertThat(medium.get("worker_instances").asInt()).isEqualTo(3);
    assertThat(medium.get("master_instances").asInt()).isEqualTo(3);
    assertThat(medium.has("allow-privileged-containers")).isTrue();
    assertThat(medium.has("max_worker_instances")).isFalse();
    assertThat(http.send("POST", "/lab/pks/v1/clusters", token, java.util.Map.of("name", "too-big",
        "plan_name", "medium", "parameters", java.util.Map.of("kubernetes_master_host", "too-big.lab",
            "kubernetes_worker_instances", 26))).status()).isEqualTo(422);
  }

  @Test
  void preProvisionedClustersRun() {
    JsonNode clusters = http.get("/lab/pks/v1/clusters", token).json();
    assertThat(java.util.stream.StreamSupport.stream(clusters.spliterator(), false).map(c -> c.get("name").asText()))
        .containsExactly("payments-prod", "web-staging", "batch-dev", "analytics", "ml-train");
    JsonNode payments = http.get("/lab/pks/v1/clusters/payments-prod", token).json();
    assertThat(payments.get("last_action_state").asText()).isEqualTo("succeeded");
    assertThat(payments.get("parameters").get("kubernetes_worker_instances").asInt()).isEqualTo(6);
    assertThat(payments.get("parameters").get("cluster_tags").get(0).get("value").asText()).isEqualTo("production");
    assertThat(payments.get("kubernetes_master_ips")).hasSize(3);
  }

  @Test
  void createResizeDeleteOverSimulatedTime() {
    Map<String, Object> request = Map.of("name", "demo", "plan_name", "small",
        "parameters", Map.of("kubernetes_master_host", "demo.lab.local", "kubernetes_worker_instances", 2));
    Reply created = http.send("POST", "/lab/pks/v1/clusters", token, request);
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().get("last_action").asText()).isEqualTo("CREATE");
    assertThat(created.json().get("last_action_state").asText()).isEqualTo("in progress");
    assertThat(created.json().get("kubernetes_master_ips").get(0).asText()).isEqualTo("In Progress");
    String uuid = created.json().get("uuid").asText();

    Reply duplicate = http.send("POST", "/lab/pks/v1/clusters", token, request);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("body").asText()).contains("already taken");
    // issue 14 item 2: PKS registers an action only after a while (durations.registration, 90 s by default)
    assertThat(http.get("/lab/pks/v1/clusters/demo", token).status()).as("not registered yet").isEqualTo(404);
    assertThat(http.get("/lab/pks/v1/clusters", token).json().findValuesAsText("name")).doesNotContain("demo");
    sim.advance(REGISTRATION);
    assertThat(state("demo")).isEqualTo("in progress");

    sim.advance(Duration.ofMinutes(9));
    assertThat(state("demo")).isEqualTo("in progress");
    sim.advance(Duration.ofMinutes(1));
    JsonNode done = http.get("/lab/pks/v1/clusters/demo", token).json();
    assertThat(done.get("last_action_state").asText()).isEqualTo("succeeded");
    assertThat(done.get("kubernetes_master_ips").get(0).asText()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");

    Reply tooMany = http.send("PATCH", "/lab/pks/v1/clusters/demo", token, Map.of("kubernetes_worker_instances", 11));
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.json().get("body").asText()).contains("1 to 10");
    assertThat(http.send("PATCH", "/lab/pks/v1/clusters/demo", token, Map.of("kubernetes_worker_instances", 0)).status())
        .isEqualTo(422);

    assertThat(http.send("PATCH", "/lab/pks/v1/clusters/demo", token, Map.of("kubernetes_worker_instances", 4)).status())
        .isEqualTo(202);
    JsonNode before = http.get("/lab/pks/v1/clusters/demo", token).json();
    assertThat(before.get("last_action").asText()).as("previous action until registered").isEqualTo("CREATE");
    assertThat(before.get("last_action_state").asText()).isEqualTo("succeeded");
    assertThat(before.get("parameters").get("kubernetes_worker_instances").asInt()).isEqualTo(2);
    assertThat(http.send("PATCH", "/lab/pks/v1/clusters/demo", token, Map.of("kubernetes_worker_instances", 5)).status())
        .as("busy cluster, even before registration").isEqualTo(409);
    sim.advance(REGISTRATION);
    JsonNode updating = http.get("/lab/pks/v1/clusters/demo", token).json();
    assertThat(updating.get("last_action").asText()).isEqualTo("UPDATE");
    assertThat(updating.get("last_action_state").asText()).isEqualTo("in progress");
    assertThat(updating.get("parameters").get("kubernetes_worker_instances").asInt()).isEqualTo(4);
    sim.advance(Duration.ofMinutes(4));
    JsonNode resized = http.get("/lab/pks/v1/clusters/demo", token).json();
    assertThat(resized.get("last_action").asText()).isEqualTo("UPDATE");
    assertThat(resized.get("last_action_state").asText()).isEqualTo("succeeded");

    String boshToken = boshToken();
    JsonNode instances = http.get("/lab/bosh/deployments/service-instance_" + uuid + "/instances", boshToken).json();
    assertThat(instances.findValuesAsText("job")).containsExactlyInAnyOrder("master", "worker", "worker", "worker",
        "worker", "apply-addons");

    assertThat(http.send("DELETE", "/lab/pks/v1/clusters/demo", token, null).status()).isEqualTo(204);
    assertThat(http.get("/lab/pks/v1/clusters/demo", token).json().get("last_action").asText()).isEqualTo("UPDATE");
    sim.advance(REGISTRATION);
    assertThat(http.get("/lab/pks/v1/clusters/demo", token).json().get("last_action").asText()).isEqualTo("DELETE");
    sim.advance(Duration.ofMinutes(5));
    assertThat(http.get("/lab/pks/v1/clusters/demo", token).status()).isEqualTo(404);
    assertThat(http.get("/lab/bosh/deployments/service-instance_" + uuid, boshToken).status()).isEqualTo(404);
  }

  @Test
  void injectedClusterFailureEndsTheNextOperationFailed() {
    sim.foundation.faults().failNextClusterOperation("web-staging", 1);
    assertThat(http.send("PATCH", "/lab/pks/v1/clusters/web-staging", token, Map.of("kubernetes_worker_instances", 5)).status())
        .isEqualTo(202);
    sim.advance(REGISTRATION.plusMinutes(5));
    assertThat(state("web-staging")).isEqualTo("failed");
    Instant now = sim.foundation.now();
    assertThat(sim.foundation.clusterState("web-staging")).contains("failed");
    assertThat(sim.foundation.minServingWorkers("web-staging", now.minus(Duration.ofMinutes(6)), now)).isEqualTo(3);
  }

  @Test
  void unknownPlanAndMissingFieldsAreRefusedWithAMessage() {
    Reply unknownPlan = http.send("POST", "/lab/pks/v1/clusters", token,
        Map.of("name", "x", "plan_name", "huge", "parameters", Map.of("kubernetes_master_host", "x")));
    assertThat(unknownPlan.status()).isEqualTo(422);
    assertThat(unknownPlan.json().get("body").asText()).contains("small, medium, large");
    assertThat(http.send("POST", "/lab/pks/v1/clusters", token, Map.of("name", "x")).status()).isEqualTo(400);
    assertThat(http.send("POST", "/lab/pks/v1/clusters", token, List.of()).status()).isEqualTo(400);
  }

  private String state(String cluster) {
    return http.get("/lab/pks/v1/clusters/" + cluster, token).json().get("last_action_state").asText();
  }
}
