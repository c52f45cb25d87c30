package io.pksorchestrator.cluster;

import io.pksorchestrator.PlatformTestSupport;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.cluster.ClusterCreationProcess.Elements;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Cluster creation end to end: the whole application with the job executor on, against the simulated foundation
 * "lab" over real HTTP. Requests are made through the ticketing API {@code /api/v1} as {@code ticketing} (the only
 * way ticketing starts operations) and approved as {@code operator}; the engine API is used only to observe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pkso-cluster-e2e;DB_CLOSE_DELAY=-1",
    "pkso.simulator.enabled=true",
    // short retries so an injected 503 storm is survived within the test's patience
    "pkso.jobs.retry-cycle=PT1S,PT1S,PT2S,PT2S,PT5S"})
class ClusterCreationEndToEndIT {

  static final String OPERATOR_PASSWORD = random();
  static final String TICKETING_PASSWORD = random();
  static final int SIMULATOR_PORT = PlatformTestSupport.freePort();
  static final String SIMULATOR_TOKEN = random();
  static final Duration PATIENCE = Duration.ofMinutes(3);
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pkso.simulator.port", () -> SIMULATOR_PORT);
    registry.add("pkso.simulator.control-token", () -> SIMULATOR_TOKEN);
    registry.add("pkso.security.admin-password", ClusterCreationEndToEndIT::random);
    registry.add("pkso.security.operator-password", () -> OPERATOR_PASSWORD);
    registry.add("pkso.security.ticketing-password", () -> TICKETING_PASSWORD);
  }

  @LocalServerPort
  int port;
  @Autowired
  PksGateway pks;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  @Test
  void approvedRequestEndsWithARunningClusterOfTheRequestedSize() throws Exception {
    String id = startAsTicketing("e2e-happy", 2, "E2E-1");
    approveAsOperator(id);

    HistoricProcessInstance done = awaitEnd(id);
    assertThat(done.getEndActivityId()).isEqualTo(Elements.END_CREATED);
    assertThat(variable(id, OperationVariables.OUTCOME)).isEqualTo(OperationOutcome.CREATED.value());
    PksCluster cluster = pks.cluster("lab", "e2e-happy").orElseThrow();
    assertThat(cluster.lastActionState()).isEqualTo(ActionState.SUCCEEDED);
    assertThat(cluster.workerInstances()).isEqualTo(2);
    assertThat(variable(id, CLUSTER_UUID)).isEqualTo(cluster.uuid());
  }

  @Test
  void a503StormOnCreateIsSurvivedWithoutADuplicate() throws Exception {
    armFault("{\"type\":\"http\",\"method\":\"POST\",\"path\":\"/lab/pks/v1/clusters\",\"status\":503,\"count\":3}");
    String id = startAsTicketing("e2e-storm", 1, "E2E-2");
    approveAsOperator(id);

    HistoricProcessInstance done = awaitEnd(id);
    assertThat(done.getEndActivityId()).isEqualTo(Elements.END_CREATED);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(id).activityIdIn(Elements.CREATE)
        .failureLog().count()).as("create attempts that met the storm").isEqualTo(3);
    assertThat(pks.clusters("lab").stream().filter(c -> c.name().equals("e2e-storm"))).hasSize(1);
  }

  @Test
  void anInjectedOperationFailureReachesTheOperatorTask() throws Exception {
    armFault("{\"type\":\"cluster-failure\",\"cluster\":\"e2e-fail\",\"count\":1}");
    String id = startAsTicketing("e2e-fail", 1, "E2E-3");
    approveAsOperator(id);

    Task resolve = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(Elements.RESOLVE).singleResult(), t -> t != null);
    assertThat(variable(id, CREATION_STATUS)).isEqualTo("failed");
    assertThat((String) variable(id, FAILURE_REASON)).contains("PKS reports the creation failed");
    assertThat(pks.cluster("lab", "e2e-fail").orElseThrow().lastActionState()).isEqualTo(ActionState.FAILED);

    complete(resolve.getId(), "{\"variables\":{\"resolution\":{\"value\":\"delete\"}}}");
    HistoricProcessInstance done = awaitEnd(id);
    assertThat(done.getEndActivityId()).isEqualTo(Elements.END_DELETED);
    assertThat(pks.cluster("lab", "e2e-fail")).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private String startAsTicketing(String name, int workers, String ticket) throws Exception {
    String body = """
        {"foundation": "lab", "clusterName": "%s", "planName": "small", "workerCount": %d,
         "externalHostname": "%s.k8s.example.com", "ticketId": "%s"}""".formatted(name, workers, name, ticket);
    HttpResponse<String> response = send(post("/api/v1/cluster-requests", body, "ticketing", TICKETING_PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode started = JSON.readTree(response.body());
    assertThat(started.get("businessKey").asText()).isEqualTo(ticket);
    return started.get("operationId").asText();
  }

  private void approveAsOperator(String processInstanceId) throws Exception {
    Task approval = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery()
        .processInstanceId(processInstanceId).taskDefinitionKey(Elements.APPROVE).singleResult(), t -> t != null);
    complete(approval.getId(), "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"decisionComment\":{\"value\":\"ok\"}}}");
  }

  private void complete(String taskId, String body) throws Exception {
    HttpResponse<String> response = send(post("/engine-rest/task/" + taskId + "/complete", body, "operator",
        OPERATOR_PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private HistoricProcessInstance awaitEnd(String id) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(
        () -> history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult(),
        p -> p != null && p.getEndTime() != null);
  }

  private Object variable(String processInstanceId, String name) {
    var v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .singleResult();
    return v == null ? null : v.getValue();
  }

  private static void armFault(String json) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + SIMULATOR_PORT + "/_sim/faults"))
        .header("Content-Type", "application/json").header("X-Sim-Token", SIMULATOR_TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private HttpRequest.Builder post(String path, String json, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String random() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

}
