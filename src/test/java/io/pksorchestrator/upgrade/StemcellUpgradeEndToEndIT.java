package io.pksorchestrator.upgrade;

import io.pksorchestrator.fixtures.StemcellArchives;
import io.pksorchestrator.operations.OperatorDecision;
import io.pksorchestrator.PlatformTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Elements;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Upgrades the five lab clusters of the simulated foundation (two canaries, maxInFlight 2) to a new stemcell
 * uploaded from a file, with approvals by an operator other than the requester, and checks the simulator's
 * serving record: no cluster with 3+ workers below (workers - 1) serving workers, control plane always reachable.
 *
 * <p>With the lab's default settings, as an operator runs it (issue 12's scenario): the forecasting cycle is on
 * ({@code forecast-and-scale}, a cycle every 30 s) and wants to scale {@code web-staging} up while the upgrade
 * stages and upgrades the canaries. The upgrade must still end {@code upgraded} for every cluster: the cluster
 * leases keep the two operations apart, and the simulated PKS never saw two changes of one cluster at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"pkso.upgrade.cluster-poll-interval=2m", "pkso.upgrade.installation-poll-interval=1m",
        // engine authorizations are the platform's concern; the four-eyes rule does not depend on them
        "camunda.bpm.authorization.enabled=false"})
public class StemcellUpgradeEndToEndIT {

  /** Chosen once: the property supplier is read more than once, and every reader must see the same port. */
  static final int SIMULATOR_PORT = PlatformTestSupport.freePort();

  @TempDir
  static Path dir;

  @DynamicPropertySource
  static void simulatorPort(DynamicPropertyRegistry registry) {
    registry.add("pkso.simulator.port", () -> SIMULATOR_PORT);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:upgrade-e2e;DB_CLOSE_DELAY=-1");
    registry.add("pkso.upgrade.stemcell-dir", () -> dir.toAbsolutePath().toString());
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired SimulatedFoundation simulator;
  @Autowired io.pksorchestrator.resize.SuppressionStore suppressions;
  @Autowired io.pksorchestrator.resize.ResizeOutcomeStore resizeOutcomes;

  @Test
  void upgradesFiveLabClustersWithoutLossOfService() throws Exception {
    Path stemcell = StemcellArchives.tgz(
        dir.resolve("bosh-stemcell-1.412-vsphere-esxi-ubuntu-jammy-go_agent.tgz"), "1.412");
    Instant from = simulator.now();
    ProcessInstance pi = runtime.startProcessInstanceByKey(StemcellUpgradeProcess.KEY, "E2E-UPGRADE-1", Map.of(
        OperationVariables.FOUNDATION, "lab", Variables.STEMCELL_OS, "ubuntu-jammy", Variables.STEMCELL_VERSION, "1.412",
        Variables.STEMCELL_SOURCE, stemcell.toString(), Variables.CLUSTERS, "all", Variables.CANARIES, "batch-dev,ml-train",
        Variables.MAX_IN_FLIGHT, 2, OperationVariables.REQUESTED_BY, "alice"));

    Task approval = awaitTask(pi, Elements.APPROVE_UPGRADE);
    identity.setAuthenticatedUserId("alice");
    Exception refused = assertThrows(Exception.class,
        () -> tasks.complete(approval.getId(), Map.of(OperationVariables.DECISION, OperatorDecision.APPROVE)));
    assertThat(refused).rootCause().hasMessageContaining("Four-eyes rule");
    identity.setAuthenticatedUserId("operator");
    tasks.complete(approval.getId(), Map.of(OperationVariables.DECISION, OperatorDecision.APPROVE,
        OperationVariables.DECISION_COMMENT, "end-to-end test"));
    Task continuation = awaitTask(pi, Elements.APPROVE_CONTINUATION);
    tasks.complete(continuation.getId(), Map.of(OperationVariables.DECISION, OperatorDecision.APPROVE));
    identity.clearAuthentication();

    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2)).until(() ->
        runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0);
    JsonNode report = new ObjectMapper().readTree(variable(pi, Variables.UPGRADE_REPORT).toString());
    assertThat(variable(pi, OperationVariables.OUTCOME)).as("outcome; report: %s", report).isEqualTo("upgraded");
    assertThat(report.get("clusters")).hasSize(5);
    assertThat(report.get("upgraded").asInt()).isEqualTo(5);
    Instant to = simulator.now();
    for (JsonNode row : report.get("clusters")) {
      String name = row.get("name").asText();
      assertThat(row.get("stemcellAfter").asText()).as(name).isEqualTo("1.412");
      assertThat(row.get("kubernetesAfter").asText()).as(name).isNotBlank();
      assertThat(row.get("durationSeconds").isNumber()).as(name).isTrue();
      int workers = row.get("workers").asInt();
      if (workers >= 3) {
        assertThat(simulator.droppedBelow(name, workers - 1, from, to)).as(name + " below workers-1").isFalse();
      }
      if (row.get("masters").asInt() == 3) {
        assertThat(simulator.controlPlaneAlwaysReachable(name, from, to)).as(name + " control plane").isTrue();
      }
    }
    // the two processes met: the cycle resized web-staging before the upgrade took it, or was kept off it
    boolean resized = resizeOutcomes.latest("lab", "web-staging").filter(o -> "resized".equals(o.outcome()))
        .isPresent();
    boolean keptOff = suppressions.recent("lab", "web-staging", 50).stream()
        .anyMatch(e -> e.kind().equals("LEASED") && pi.getId().equals(e.holderId()));
    assertThat(resized || keptOff).as("the forecast cycle wanted to resize web-staging during the test").isTrue();
    simulator.run(() -> {
      var changes = simulator.pks().changes();
      assertThat(changes.overlaps()).as("two changes of one cluster in flight").isEmpty();
      assertThat(changes.refusals()).as("changes PKS refused (the cluster was busy)").isEmpty();
    });
    System.out.println("PKSO-E2E-UPGRADE web-staging resized by the cycle before the upgrade took it: " + resized
        + ", proposals kept off by the upgrade's lease: " + keptOff + ", PKS changes: "
        + simulator.call(() -> simulator.pks().changes().changes().size()));
  }

  private Task awaitTask(ProcessInstance pi, String taskKey) {
    return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> tasks
        .createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult(), t -> t != null);
  }

  private Object variable(ProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }


}
