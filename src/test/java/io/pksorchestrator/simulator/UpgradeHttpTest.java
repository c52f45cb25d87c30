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

/** Multi-cluster upgrades (PATCH /v1/clusters): canaries, max in flight, cancel, rolling VMs, serving record. */
class UpgradeHttpTest extends SimulatorHttpTestBase {

  private String token;

  @BeforeEach
  void setUp() {
    token = pksToken();
  }

  @Test
  void canaryFirstThenOthersInParallelKeepingWorkersServing() {
    Instant start = sim.foundation.now();
    Reply submitted = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of(
        "clusters", List.of("web-staging", "batch-dev", "analytics"), "canaries", List.of("ml-train"), "max_in_flight", 2));
    assertThat(submitted.status()).isEqualTo(202);
    JsonNode task = submitted.json();
    assertThat(task.get("status").asText()).isEqualTo("not started");
    assertThat(task.get("type").asText()).isEqualTo("UPGRADE");
    String id = task.get("uuid").asText();
    assertThat(clusterState("web-staging")).isEqualTo("queued");

    sim.advance(Duration.ofSeconds(5));
    task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    assertThat(task.get("status").asText()).isEqualTo("in progress");
    assertThat(entry(task, "ml-train").get("last_action_state").asText()).isEqualTo("in progress");
    assertThat(entry(task, "ml-train").get("is_canary").asBoolean()).isTrue();
    assertThat(entry(task, "web-staging").get("last_action_state").asText()).isEqualTo("queued");

    // ml-train: 3 masters + 4 workers, 2 minutes each.
    sim.advance(Duration.ofMinutes(14));
    task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    assertThat(entry(task, "ml-train").get("last_action_state").asText()).isEqualTo("succeeded");
    long inProgress = List.of("web-staging", "batch-dev", "analytics").stream()
        .filter(n -> entry(http.get("/lab/pks/v1/tasks/" + id, token).json(), n).get("last_action_state").asText().equals("in progress"))
        .count();
    assertThat(inProgress).as("max_in_flight 2").isEqualTo(2);

    for (int i = 0; i < 10 && !task.get("status").asText().equals("done"); i++) {
      sim.advance(Duration.ofMinutes(10));
      task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    }
    assertThat(task.get("status").asText()).isEqualTo("done");
    assertThat(task.get("end_time").asLong()).isGreaterThan(task.get("start_time").asLong());
    JsonNode mlTrain = http.get("/lab/pks/v1/clusters/ml-train", token).json();
    assertThat(mlTrain.get("pks_version").asText()).isEqualTo("1.19.2-build.10");
    assertThat(mlTrain.get("k8s_version").asText()).isEqualTo("1.28.7");

    Instant end = sim.foundation.now();
    assertThat(sim.foundation.droppedBelow("ml-train", 3, start, end)).as("one worker at a time").isFalse();
    assertThat(sim.foundation.minServingWorkers("ml-train", start, end)).isEqualTo(3);
    assertThat(sim.foundation.controlPlaneAlwaysReachable("ml-train", start, end)).isTrue();
    assertThat(sim.foundation.minServingWorkers("payments-prod", start, end)).as("not in the task").isEqualTo(6);

    JsonNode serving = http.get("/_sim/serving/ml-train?from=" + start + "&to=" + end + "&below=3", null).json();
    assertThat(serving.get("droppedBelow").asBoolean()).isFalse();
    assertThat(serving.get("minServingWorkers").asInt()).isEqualTo(3);
    long minutes = Duration.between(start, end).toMinutes();
    assertThat((long) serving.get("minutes").size()).as("one sample per simulated minute").isBetween(minutes, minutes + 2);
    for (JsonNode minute : serving.get("minutes")) {
      assertThat(minute.get("minServingWorkers").asInt()).isBetween(3, 4);
    }
  }

  @Test
  void failedCanaryStopsTheTaskButFailedOthersDoNot() {
    sim.foundation.faults().failNextClusterOperation("ml-train", 1);
    String id = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of(
        "clusters", List.of("web-staging"), "canaries", List.of("ml-train"), "max_in_flight", 1)).json().get("uuid").asText();
    sim.advance(Duration.ofHours(1));
    JsonNode task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    assertThat(task.get("status").asText()).isEqualTo("done");
    assertThat(entry(task, "ml-train").get("last_action_state").asText()).isEqualTo("failed");
    assertThat(entry(task, "web-staging").get("last_action_state").asText()).isEqualTo("queued");
    assertThat(clusterState("web-staging")).as("never started").isEqualTo("succeeded");

    sim.foundation.faults().failNextClusterOperation("batch-dev", 1);
    id = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of(
        "clusters", List.of("batch-dev", "web-staging"), "max_in_flight", 1)).json().get("uuid").asText();
    sim.advance(Duration.ofHours(1));
    task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    assertThat(entry(task, "batch-dev").get("last_action_state").asText()).isEqualTo("failed");
    assertThat(entry(task, "web-staging").get("last_action_state").asText()).isEqualTo("succeeded");
  }

  @Test
  void cancelStopsOnlyQueuedClustersAndLimitsAreEnforced() {
    Reply tooWide = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of("clusters", List.of("web-staging"), "max_in_flight", 5));
    assertThat(tooWide.status()).isEqualTo(422);
    assertThat(tooWide.json().get("body").asText()).contains("Worker VM Max in Flight (4)");
    assertThat(http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of("clusters", List.of("nope"))).status()).isEqualTo(404);

    String id = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of(
        "clusters", List.of("web-staging", "batch-dev"), "max_in_flight", 1)).json().get("uuid").asText();
    sim.advance(Duration.ofMinutes(1));
    JsonNode canceled = http.send("PUT", "/lab/pks/v1/tasks/" + id, token, null).json();
    assertThat(canceled.get("status").asText()).isEqualTo("in progress");
    assertThat(clusterState("batch-dev")).isEqualTo("succeeded");
    assertThat(clusterState("web-staging")).isEqualTo("in progress");
    sim.advance(Duration.ofMinutes(30));
    JsonNode task = http.get("/lab/pks/v1/tasks/" + id, token).json();
    assertThat(task.get("status").asText()).isEqualTo("canceled");
    assertThat(entry(task, "web-staging").get("last_action_state").asText()).isEqualTo("succeeded");
    assertThat(http.get("/lab/pks/v1/tasks?limit=1", token).json().get(0).get("uuid").asText()).isEqualTo(id);
  }

  private String clusterState(String name) {
    return http.get("/lab/pks/v1/clusters/" + name, token).json().get("last_action_state").asText();
  }

  private static JsonNode entry(JsonNode task, String cluster) {
    for (JsonNode e : task.get("clusters")) {
      if (e.get("cluster_name").asText().equals(cluster)) {
        return e;
      }
    }
    throw new AssertionError(cluster + " not in " + task);
  }
}
