package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated PKS refuses a change of a cluster whose last action is in progress (or queued), whatever the change
 * (resize, upgrade, delete), and keeps a record of every change it accepted or refused: {@code GET /_sim/changes}.
 */
class ClusterChangesHttpTest extends SimulatorHttpTestBase {

  private String token;

  @BeforeEach
  void setUp() {
    token = pksToken();
  }

  @Test
  void everyChangeWhileTheClusterIsBusyIsRefusedAndRecorded() {
    Map<String, Object> create = Map.of("name", "busy", "plan_name", "small",
        "parameters", Map.of("kubernetes_master_host", "busy.lab.local", "kubernetes_worker_instances", 2));
    assertThat(http.send("POST", "/lab/pks/v1/clusters", token, create).status()).isEqualTo(202);
    sim.advance(Duration.ofMinutes(2)); // PKS has registered the CREATE (durations.registration, 90 s)
    // creating: a resize, an upgrade and a delete are all refused
    assertThat(resize("busy", 3).status()).isEqualTo(409);
    Reply upgrade = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of("clusters", List.of("busy"),
        "max_in_flight", 1));
    assertThat(upgrade.status()).isEqualTo(409);
    assertThat(upgrade.json().get("body").asText()).contains("operation in progress (CREATE)");
    assertThat(http.send("DELETE", "/lab/pks/v1/clusters/busy", token, null).status()).isEqualTo(409);
    assertThat(http.send("POST", "/lab/pks/v1/clusters", token, create).status()).as("name taken").isEqualTo(409);

    sim.advance(Duration.ofMinutes(10));
    assertThat(resize("busy", 3).status()).isEqualTo(202);
    assertThat(resize("busy", 4).status()).as("resize while resizing").isEqualTo(409);
    sim.advance(Duration.ofMinutes(6)); // registration (90 s) + update (4 min)
    assertThat(http.send("DELETE", "/lab/pks/v1/clusters/busy", token, null).status()).isEqualTo(204);
    sim.advance(Duration.ofMinutes(7)); // registration + delete (5 min)

    JsonNode record = http.get("/_sim/changes?cluster=busy", null).json();
    JsonNode changes = record.get("changes");
    assertThat(changes.findValuesAsText("action")).containsExactly("CREATE", "UPDATE", "DELETE");
    assertThat(changes.findValuesAsText("result")).containsExactly("succeeded", "succeeded", "succeeded");
    for (JsonNode c : changes) {
      assertThat(c.get("acceptedAt").asText()).isNotEmpty();
      assertThat(c.get("endedAt").asText()).isNotEmpty();
    }
    JsonNode refusals = record.get("refusals");
    assertThat(refusals.findValuesAsText("action")).containsExactly("UPDATE", "UPGRADE", "DELETE", "CREATE",
        "UPDATE");
    assertThat(refusals.findValues("status")).allSatisfy(s -> assertThat(s.asInt()).isEqualTo(409));
    assertThat(record.get("overlaps")).isEmpty();
  }

  @Test
  void queuedUpgradesAreChangesInFlightAndACancelledOneNeverHappened() {
    Reply task = http.send("PATCH", "/lab/pks/v1/clusters", token, Map.of("clusters", List.of("batch-dev", "ml-train"),
        "max_in_flight", 1));
    assertThat(task.status()).isEqualTo(202);
    assertThat(resize("ml-train", 5).status()).as("queued in an upgrade task").isEqualTo(409);
    sim.advance(Duration.ofSeconds(10)); // the task starts batch-dev; ml-train stays queued
    http.send("PUT", "/lab/pks/v1/tasks/" + task.json().get("uuid").asText(), token, null);
    sim.advance(Duration.ofHours(1));

    JsonNode record = http.get("/_sim/changes", null).json();
    JsonNode batch = record.get("changes").get(0);
    JsonNode ml = record.get("changes").get(1);
    assertThat(batch.get("cluster").asText()).isEqualTo("batch-dev");
    assertThat(batch.get("action").asText()).isEqualTo("UPGRADE");
    assertThat(batch.get("result").asText()).isEqualTo("succeeded");
    assertThat(batch.get("startedAt").asText()).isNotEqualTo(batch.get("acceptedAt").asText());
    assertThat(ml.get("cluster").asText()).isEqualTo("ml-train");
    assertThat(ml.get("result").asText()).isEqualTo("not started");
    assertThat(ml.get("startedAt").isNull()).isTrue();
    assertThat(record.get("refusals").findValuesAsText("cluster")).containsExactly("ml-train");
    assertThat(record.get("overlaps")).isEmpty();
  }

  private Reply resize(String cluster, int workers) {
    return http.send("PATCH", "/lab/pks/v1/clusters/" + cluster, token, Map.of("kubernetes_worker_instances", workers));
  }
}
