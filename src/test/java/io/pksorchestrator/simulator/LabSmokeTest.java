package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, "How it will be checked", against the simulator alone over real HTTP (scripts/lab-smoke.sh does the
 * same against a started application): token from the PKS UAA (bad credentials refused), create a cluster,
 * poll it to succeeded, resize it and poll, read its BOSH deployment instances (format=full through the task),
 * run an Ops Manager installation and poll it to succeeded, checking every response's documented shape.
 */
class LabSmokeTest {

  private final TestSimulator sim = TestSimulator.fresh();
  private final SimHttp http = sim.http;

  @Test
  void theLabFoundationBehavesLikeTheReference() {
    assertThat(http.tokenReply("pks-uaa", "pkso-lab", "wrong-secret").status()).isEqualTo(401);
    String pks = http.token("pks-uaa", "lab-pks-client-secret");

    Reply created = http.send("POST", "/lab/pks/v1/clusters", pks, Map.of("name", "smoke", "plan_name", "small",
        "parameters", Map.of("kubernetes_master_host", "smoke.lab.local", "kubernetes_worker_instances", 1)));
    assertThat(created.status()).isBetween(200, 299);
    Shapes.cluster(created.json());
    assertThat(created.json().get("kubernetes_master_ips").get(0).asText()).isEqualTo("In Progress");
    JsonNode cluster = poll(() -> registered(http.get("/lab/pks/v1/clusters/smoke", pks), "CREATE"),
        "last_action_state", "succeeded");
    Shapes.cluster(cluster);
    assertThat(cluster.get("last_action").asText()).isEqualTo("CREATE");

    assertThat(http.send("PATCH", "/lab/pks/v1/clusters/smoke", pks, Map.of("kubernetes_worker_instances", 2)).status())
        .isBetween(200, 299);
    cluster = poll(() -> registered(http.get("/lab/pks/v1/clusters/smoke", pks), "UPDATE"), "last_action_state",
        "succeeded");
    Shapes.cluster(cluster);
    assertThat(cluster.get("last_action").asText()).isEqualTo("UPDATE");
    assertThat(cluster.get("parameters").get("kubernetes_worker_instances").asInt()).isEqualTo(2);

    String bosh = http.token("bosh-uaa", "lab-bosh-client-secret");
    String deployment = "service-instance_" + cluster.get("uuid").asText();
    Reply redirect = http.get("/lab/bosh/deployments/" + deployment + "/instances?format=full", bosh);
    JsonNode task = http.followTask(redirect, bosh, () -> sim.advance(Duration.ofSeconds(10)));
    Shapes.hasFields("BOSH task", task, Shapes.BOSH_TASK);
    assertThat(task.get("state").asText()).isEqualTo("done");
    List<String> lines = http.get(redirect.location() + "/output?type=result", bosh).body().strip().lines().toList();
    assertThat(lines).as("1 master, 2 workers, the VM-less errand instance").hasSize(4);
    for (String line : lines) {
      JsonNode instance = new Reply(200, null, line).json();
      Shapes.hasFields("instance", instance, Shapes.BOSH_INSTANCE_FULL);
      if (instance.get("job_name").asText().equals("apply-addons")) {
        assertThat(instance.get("job_state").isNull()).isTrue();
      } else {
        assertThat(instance.get("job_state").asText()).isEqualTo("running");
      }
    }

    String om = http.token("opsman/uaa", "lab-opsman-client-secret");
    JsonNode install = http.send("POST", "/lab/opsman/api/v0/installations", om,
        Map.of("ignore_warnings", "false", "deploy_products", "all")).json();
    long id = install.get("install").get("id").asLong();
    JsonNode status = poll(() -> http.get("/lab/opsman/api/v0/installations/" + id, om).json(), "status", "succeeded");
    Shapes.hasFields("installation", status, Shapes.INSTALLATION_STATUS);
    assertThat(http.get("/lab/opsman/api/v0/installations/" + id + "/logs", om).json().get("logs").asText())
        .contains("Installation succeeded");
  }

  /**
   * Like a client that knows PKS registers an action late (issue 14 item 2): a 404 or another last_action counts
   * as "in progress" until the action shows.
   */
  private static JsonNode registered(Reply reply, String action) {
    if (reply.status() == 404 || !reply.json().get("last_action").asText().equals(action)) {
      return SimHttp.JSON.createObjectNode().put("last_action_state", "in progress");
    }
    return reply.json();
  }

  /** Polls like a client, one simulated minute per poll, for at most two simulated hours. */
  private JsonNode poll(Supplier<JsonNode> get, String field, String wanted) {
    for (int i = 0; i < 120; i++) {
      JsonNode node = get.get();
      if (node.get(field).asText().equals(wanted)) {
        return node;
      }
      assertThat(node.get(field).asText()).as(field).isIn("in progress", "queued", "running");
      sim.advance(Duration.ofMinutes(1));
    }
    throw new AssertionError(field + " never became " + wanted);
  }
}
