package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OperationsAndCallbacksTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @Test
  void operationShowsApprovalLinksAndCallbacksArriveSignedAndInOrder() throws Exception {
    String id = start("ops-one", "CB-1");

    JsonNode waiting = operation(id, "operator");
    assertThat(waiting.get("state").asText()).isEqualTo("waiting-for-approval");
    assertThat(waiting.get("process").asText()).isEqualTo("ClusterCreationProcess");
    assertThat(waiting.get("ticketId").asText()).isEqualTo("CB-1");
    assertThat(waiting.get("currentSteps").toString()).contains("Approve cluster creation");
    JsonNode approval = waiting.get("pendingApprovals").get(0);
    assertThat(approval.get("name").asText()).isEqualTo("Approve cluster creation");
    assertThat(approval.get("candidateGroups").toString()).contains("platform-operators");
    assertThat(approval.get("due").isNull()).isFalse();
    assertThat(approval.get("tasklist").asText())
        .isEqualTo("/camunda/app/tasklist/default/#/?task=" + approval.get("taskId").asText());
    assertThat(waiting.get("links").get("cockpit").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + id);

    HttpResponse<String> running = get("/api/v1/operations?state=running", "operator");
    assertThat(running.statusCode()).isEqualTo(200);
    assertThat(running.body()).contains(id);

    taskService.complete(task(id).getId(), Map.of("decision", "approve"));

    // approved; the next step is a job not yet run: still named in words, not an empty list
    JsonNode queued = operation(id, "ticketing");
    assertThat(queued.get("state").asText()).isEqualTo("running");
    assertThat(queued.get("currentSteps").toString()).contains("Apply change (waiting to run)");
    managementService.executeJob(managementService.createJobQuery().processInstanceId(id).singleResult().getId());

    JsonNode done = operation(id, "ticketing");
    assertThat(done.get("state").asText()).isEqualTo("succeeded");
    assertThat(done.get("outcome").asText()).isEqualTo("created");
    assertThat(done.get("currentSteps").toString()).contains("Done");
    assertThat(get("/api/v1/operations?state=running", "operator").body()).doesNotContain(id);

    await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.callsFor(id).size() >= 3);
    List<WebhookReceiver.Call> calls = RECEIVER.callsFor(id);
    assertThat(calls).extracting(c -> JSON.readTree(c.body()).get("event").asText())
        .containsExactly("approval-needed", "approved", "succeeded");
    for (WebhookReceiver.Call call : calls) {
      assertThat(call.header("X-Pkso-Signature")).isEqualTo(WebhookSigner.signature(SECRET, call.body()));
      assertThat(call.header("X-Pkso-Event-Id")).isEqualTo(JSON.readTree(call.body()).get("eventId").asText());
      assertThat(call.header("X-Pkso-Timestamp")).matches("\\d+");
      assertThat(JSON.readTree(call.body()).get("ticketId").asText()).isEqualTo("CB-1");
    }
    assertThat(WebhookSigner.signature("wrong-secret", calls.get(0).body())).isNotEqualTo(calls.get(0).header("X-Pkso-Signature"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operation(id, "ticketing").get("callbacks"))
        .extracting(c -> c.get("status").asText()).containsOnly("delivered"));
  }

  @Test
  void failingReceiverIsRetriedAndLaterEventsWaitTheirTurn() throws Exception {
    RECEIVER.failuresFor.put("CB-RETRY", new AtomicInteger(2));
    String id = start("ops-retry", "CB-RETRY");
    await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.callsFor(id).size() >= 1);
    taskService.complete(task(id).getId(), Map.of("decision", "reject", "decisionComment", "not now"));

    await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.callsFor(id).stream()
        .filter(c -> c.answeredStatus() == 204).count() >= 2);
    List<WebhookReceiver.Call> calls = RECEIVER.callsFor(id);
    assertThat(calls).extracting(WebhookReceiver.Call::answeredStatus).containsExactly(500, 500, 204, 204);
    assertThat(calls).extracting(c -> JSON.readTree(c.body()).get("event").asText())
        .containsExactly("approval-needed", "approval-needed", "approval-needed", "rejected");
    assertThat(calls.get(0).header("X-Pkso-Event-Id")).isEqualTo(calls.get(2).header("X-Pkso-Event-Id"));

    JsonNode ended = operation(id, "operator");
    assertThat(ended.get("state").asText()).isEqualTo("rejected");
    assertThat(ended.get("outcome").asText()).isEqualTo("not-approved");
    JsonNode first = ended.get("callbacks").get(0);
    assertThat(first.get("event").asText()).isEqualTo("approval-needed");
    assertThat(first.get("attempts").asInt()).isEqualTo(3);
    assertThat(first.get("status").asText()).isEqualTo("delivered");
  }

  @Test
  void readersAreAuthorisedByGroupAndOwnership() {
    String id = startAs("admin", "ops-admin", "CB-ADMIN");
    assertThat(get("/api/v1/operations/" + id, "operator").statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/operations/" + id, "ticketing").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/operations/" + id, "intruder").statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/operations/not-an-id", "operator").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/operations?state=sideways", "operator").statusCode()).isEqualTo(400);
  }

  @Test
  void foundationsAreListedWithPlans() {
    HttpResponse<String> response = get("/api/v1/foundations", "operator");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"lab\"", "small", "large");
  }

  @Test
  void overviewPageAndItsScriptAreServedAtRoot() {
    HttpResponse<String> page = send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/")).header("Authorization", basic("operator")).GET().build());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Fleet overview", "overview.js");
    HttpResponse<String> script = send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/overview.js")).header("Authorization", basic("operator"))
        .GET().build());
    assertThat(script.body()).contains("/api/v1/operations?state=running", "/api/v1/clusters", "/api/v1/foundations");
  }

  @Test
  void openApiDescribesTheTicketingEndpointsWithBasicAuth() {
    HttpResponse<String> spec = send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/v3/api-docs")).header("Authorization", basic("operator"))
        .GET().build());
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("/api/v1/cluster-requests", "/api/v1/resize-requests",
        "/api/v1/stemcell-upgrades", "/api/v1/operations/{id}", "\"scheme\":\"basic\"");
  }

  private String start(String cluster, String ticket) {
    return startAs("ticketing", cluster, ticket);
  }

  private String startAs(String user, String cluster, String ticket) {
    HttpResponse<String> response = post("/api/v1/cluster-requests", user, clusterJson(cluster, ticket), Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    try {
      return JSON.readTree(response.body()).get("operationId").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Task task(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private JsonNode operation(String id, String user) throws Exception {
    HttpResponse<String> response = get("/api/v1/operations/" + id, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
