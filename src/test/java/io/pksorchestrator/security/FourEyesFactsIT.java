package io.pksorchestrator.security;

import io.pksorchestrator.operations.OperatorDecision;
import static io.pksorchestrator.PlatformTestSupport.ADMIN_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.TICKETING_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.PlatformApplicationTest;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OperatorGroups;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #11, item 3: the four-eyes rule rests on facts the requester cannot change. The requester is the user who
 * started the operation (or the one the product names when it starts it); nobody changes it, the request's facts or
 * an approval decision through any REST route, the webapps' proxy or the Java API (403, the engine decides); the
 * requester cannot claim, be delegated or be assigned their own approval; ticketing starts operations only through
 * {@code /api/v1}.
 */
class FourEyesFactsIT extends PlatformApplicationTest {

  private static final String ADMIN = basic("admin", ADMIN_PASSWORD);
  private static final String OPERATOR = basic("operator", OPERATOR_PASSWORD);
  private static final String TICKETING = basic("ticketing", TICKETING_PASSWORD);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  @AfterEach
  void noAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void theRequesterCannotRewriteRequestedByThroughAnyRoute() {
    Approval a = approvalRequestedBy("operator");
    String t = "/engine-rest/task/" + a.task;
    List<Call> attempts = List.of(
        new Call("PUT", t + "/variables/requestedBy", "{\"value\":\"someone-else\"}", OPERATOR),
        new Call("POST", t + "/variables", "{\"modifications\":{\"requestedBy\":{\"value\":\"x\"}}}", OPERATOR),
        new Call("POST", t + "/variables", "{\"deletions\":[\"requestedBy\"]}", OPERATOR),
        new Call("DELETE", t + "/variables/requestedBy", null, OPERATOR),
        // a task-local variable of the same name would shadow the instance's for task-scoped reads
        new Call("PUT", t + "/localVariables/requestedBy", "{\"value\":\"someone-else\"}", OPERATOR),
        new Call("POST", t + "/localVariables", "{\"modifications\":{\"requestedBy\":{\"value\":\"x\"}}}", OPERATOR),
        new Call("PUT", t + "/variables/requestedBy", "{\"value\":\"someone-else\"}", ADMIN),
        new Call("PUT", "/engine-rest/process-instance/" + a.instance + "/variables/requestedBy",
            "{\"value\":\"someone-else\"}", ADMIN),
        new Call("POST", "/engine-rest/process-instance/" + a.instance + "/variables",
            "{\"modifications\":{\"requestedBy\":{\"value\":\"x\"}}}", ADMIN),
        new Call("DELETE", "/engine-rest/process-instance/" + a.instance + "/variables/requestedBy", null, ADMIN),
        new Call("PUT", "/engine-rest/execution/" + a.instance + "/localVariables/requestedBy",
            "{\"value\":\"x\"}", ADMIN),
        new Call("PUT", "/engine-rest/execution/" + a.execution + "/localVariables/requestedBy",
            "{\"value\":\"x\"}", ADMIN),
        // completing one's own approval with extra variables
        new Call("POST", t + "/complete", "{\"variables\":{\"requestedBy\":{\"value\":\"x\"}}}", OPERATOR),
        new Call("POST", t + "/submit-form", "{\"variables\":{\"requestedBy\":{\"value\":\"x\"}}}", OPERATOR),
        // an administrator completing it while changing the requester
        new Call("POST", t + "/complete", "{\"variables\":{\"requestedBy\":{\"value\":\"x\"}}}", ADMIN));
    for (Call call : attempts) {
      HttpResponse<String> r = call.send(this);
      assertThat(r.statusCode()).as(call + ": " + r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type")).as(call.toString())
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(r.body()).as(call.toString()).contains("Four-eyes rule").doesNotContain("ENGINE-");
    }
    assertThat(runtimeService.getVariable(a.instance, OperationVariables.REQUESTED_BY)).isEqualTo("operator");
    assertThat(taskService.getVariablesLocal(a.task)).doesNotContainKey(OperationVariables.REQUESTED_BY);
    // the rule still holds: the requester cannot approve, someone else can
    assertThat(new Call("POST", t + "/complete", "{\"variables\":{}}", OPERATOR).send(this).statusCode())
        .isEqualTo(403);
    assertThat(new Call("POST", t + "/complete", "{\"variables\":{}}", ADMIN).send(this).statusCode())
        .isEqualTo(204);
  }

  @Test
  void theWebappProxyAndTheJavaApiAreRefusedToo() {
    Approval a = approvalRequestedBy("operator");
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    HttpResponse<String> viaProxy = send(HttpRequest.newBuilder(URI.create(url(
            "/camunda/api/engine/engine/default/task/" + a.task + "/variables/requestedBy")))
        .header("Content-Type", "application/json").header("Cookie", session.cookie())
        .header("X-XSRF-TOKEN", session.csrfToken())
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"someone-else\",\"type\":\"String\"}")));
    assertThat(viaProxy.statusCode()).as(viaProxy.body()).isEqualTo(403);
    assertThat(viaProxy.body()).contains("Four-eyes rule");

    try (SecurityLog log = new SecurityLog("io.pksorchestrator")) {
      identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
      assertThatThrownBy(() -> taskService.setVariable(a.task, OperationVariables.REQUESTED_BY, "x"))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("Four-eyes rule");
      assertThatThrownBy(() -> taskService.setVariableLocal(a.task, OperationVariables.REQUESTED_BY, "x"))
          .isInstanceOf(AuthorizationException.class);
      identityService.setAuthentication("admin", List.of(OperatorGroups.ADMINS));
      assertThatThrownBy(() -> runtimeService.setVariable(a.instance, OperationVariables.REQUESTED_BY, "x"))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> runtimeService.removeVariable(a.instance, OperationVariables.REQUESTED_BY))
          .isInstanceOf(AuthorizationException.class);
      assertThat(log.lines()).anyMatch(l -> l.startsWith("PKSO-SEC021") && l.contains("'admin'")
          && l.contains("requestedBy"));
    }
    // the product itself (no user) may still write it
    identityService.clearAuthentication();
    runtimeService.setVariable(a.instance, OperationVariables.REQUESTED_BY, "operator");
    assertThat(runtimeService.getVariable(a.instance, OperationVariables.REQUESTED_BY)).isEqualTo("operator");
  }

  @Test
  void anApprovalDecisionIsOnlyWrittenByCompletingTheApproval() {
    Approval a = approvalRequestedBy("ticketing");
    String t = "/engine-rest/task/" + a.task;
    for (Call early : List.of(
        new Call("PUT", t + "/variables/decision", "{\"value\":\"approve\"}", OPERATOR),
        new Call("PUT", "/engine-rest/process-instance/" + a.instance + "/variables/decision",
            "{\"value\":\"approve\"}", ADMIN),
        new Call("PUT", "/engine-rest/process-instance/" + a.instance + "/variables/decisionComment",
            "{\"value\":\"fine\"}", ADMIN))) {
      HttpResponse<String> r = early.send(this);
      assertThat(r.statusCode()).as(early + ": " + r.body()).isEqualTo(403);
    }
    assertThat(runtimeService.getVariable(a.instance, OperationVariables.DECISION)).isNull();
    HttpResponse<String> done = new Call("POST", t + "/complete",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"},\"decisionComment\":{\"value\":\"ok\"}}}", OPERATOR).send(this);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(a.instance)
        .variableName(OperationVariables.DECISION).singleResult().getValue()).isEqualTo(OperatorDecision.APPROVE);
  }

  @Test
  void theFactsOfAnOperationCannotBeChanged() {
    String instance = runtimeService.startProcessInstanceByKey("ClusterCreationProcess", "FACTS-1", Map.of(
        OperationVariables.FOUNDATION, "lab", "clusterName", "facts-one", "planName", "small", "workerCount", 3,
        "externalHostname", "facts-one.example.com", OperationVariables.REQUESTED_BY, "ticketing",
        OperationVariables.TICKET_ID, "FACTS-1")).getId();
    try {
      for (String variable : List.of("clusterName", "foundation", "planName", "workerCount", "externalHostname",
          "ticketId", "requestedBy")) {
        HttpResponse<String> r = new Call("PUT", "/engine-rest/process-instance/" + instance + "/variables/"
            + variable, "{\"value\":\"other\"}", ADMIN).send(this);
        assertThat(r.statusCode()).as(variable + ": " + r.body()).isEqualTo(403);
      }
      HttpResponse<String> patch = new Call("POST", "/engine-rest/process-instance/" + instance + "/variables",
          "{\"modifications\":{\"note\":{\"value\":\"fine\"},\"foundation\":{\"value\":\"prod\"}}}", ADMIN)
          .send(this);
      assertThat(patch.statusCode()).as(patch.body()).isEqualTo(403);
      assertThat(runtimeService.getVariables(instance)).containsEntry("foundation", "lab")
          .containsEntry("clusterName", "facts-one").doesNotContainKey("note");
      // variables that are no fact of the operation stay writable
      assertThat(new Call("PUT", "/engine-rest/process-instance/" + instance + "/variables/note",
          "{\"value\":\"fine\"}", ADMIN).send(this).statusCode()).isEqualTo(204);
    } finally {
      runtimeService.deleteProcessInstance(instance, "test over");
    }
  }

  @Test
  void aMessageCannotCarryNewFactsIntoAnOperation() {
    String instance = runtimeService.startProcessInstanceByKey("StemcellUpgradeProcess", "FACTS-MSG", Map.of(
        OperationVariables.FOUNDATION, "lab", "stemcellOs", "ubuntu-jammy", "stemcellVersion", "1.412",
        "clusters", "all", "maxInFlight", 1, OperationVariables.REQUESTED_BY, "ticketing")).getId();
    try {
      for (String variable : List.of("requestedBy", "stemcellVersion", "clusters")) {
        HttpResponse<String> r = new Call("POST", "/engine-rest/message", "{\"messageName\":\"Msg_AbortUpgrade\","
            + "\"processInstanceId\":\"" + instance + "\",\"processVariables\":{\"" + variable
            + "\":{\"value\":\"other\"}}}", ADMIN).send(this);
        assertThat(r.statusCode()).as(variable + ": " + r.body()).isEqualTo(403);
      }
      assertThat(runtimeService.getVariables(instance)).containsEntry("requestedBy", "ticketing")
          .containsEntry("stemcellVersion", "1.412").containsEntry("clusters", "all");
    } finally {
      runtimeService.deleteProcessInstance(instance, "test over");
    }
  }

  @Test
  void theRequesterCannotClaimBeDelegatedOrAssignedTheirOwnApproval() {
    Approval a = approvalRequestedBy("operator");
    String t = "/engine-rest/task/" + a.task;
    for (Call call : List.of(
        new Call("POST", t + "/claim", "{\"userId\":\"operator\"}", OPERATOR),
        new Call("POST", t + "/claim", "{\"userId\":\"operator\"}", ADMIN),
        new Call("POST", t + "/assignee", "{\"userId\":\"operator\"}", ADMIN),
        new Call("POST", t + "/delegate", "{\"userId\":\"operator\"}", ADMIN),
        new Call("POST", t + "/identity-links", "{\"userId\":\"operator\",\"type\":\"assignee\"}", ADMIN),
        new Call("PUT", t, "{\"name\":\"Approve operation\",\"assignee\":\"operator\"}", ADMIN))) {
      HttpResponse<String> r = call.send(this);
      assertThat(r.statusCode()).as(call + ": " + r.body()).isEqualTo(403);
      assertThat(r.body()).as(call.toString()).contains("Four-eyes rule").contains("'operator'")
          .doesNotContain("ENGINE-");
    }
    assertThat(taskService.createTaskQuery().taskId(a.task).singleResult().getAssignee()).isNull();
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    HttpResponse<String> viaProxy = send(HttpRequest.newBuilder(URI.create(url(
            "/camunda/api/engine/engine/default/task/" + a.task + "/claim")))
        .header("Content-Type", "application/json").header("Cookie", session.cookie())
        .header("X-XSRF-TOKEN", session.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"operator\"}")));
    assertThat(viaProxy.statusCode()).as(viaProxy.body()).isEqualTo(403);
    identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
    assertThatThrownBy(() -> taskService.claim(a.task, "operator")).hasMessageContaining("Four-eyes rule");
    identityService.clearAuthentication();
    assertThat(taskService.createTaskQuery().taskId(a.task).singleResult().getAssignee()).isNull();

    // someone else claims it, and may hand it on to anyone but the requester
    assertThat(new Call("POST", t + "/claim", "{\"userId\":\"admin\"}", ADMIN).send(this).statusCode())
        .isEqualTo(204);
    assertThat(new Call("POST", t + "/delegate", "{\"userId\":\"operator\"}", ADMIN).send(this).statusCode())
        .isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(a.task).singleResult().getAssignee()).isEqualTo("admin");
  }

  @Test
  void theRequesterIsTheUserWhoStartsAndTicketingStartsOnlyThroughTheApi() {
    HttpResponse<String> named = new Call("POST", "/engine-rest/process-definition/key/FourEyesTestProcess/start",
        "{\"variables\":{\"requestedBy\":{\"value\":\"operator\"}}}", ADMIN).send(this);
    assertThat(named.statusCode()).as(named.body()).isEqualTo(403);
    assertThat(named.body()).contains("Four-eyes rule");

    HttpResponse<String> own = new Call("POST", "/engine-rest/process-definition/key/FourEyesTestProcess/start",
        "{\"variables\":{}}", ADMIN).send(this);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    String id = own.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(runtimeService.getVariable(id, OperationVariables.REQUESTED_BY)).isEqualTo("admin");

    // other tests of the shared application context may have started instances as ticketing (through /api/v1)
    long startedByTicketing = historyService.createHistoricProcessInstanceQuery().startedBy("ticketing").count();
    for (String key : List.of("ClusterCreationProcess", "PredictiveResizeProcess", "StemcellUpgradeProcess")) {
      HttpResponse<String> r = new Call("POST", "/engine-rest/process-definition/key/" + key + "/start",
          "{\"variables\":{\"foundation\":{\"value\":\"lab\"}}}", TICKETING).send(this);
      assertThat(r.statusCode()).as(key + ": " + r.body()).isIn(403, 404);
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().startedBy("ticketing").count())
        .as("no instance started by ticketing over /engine-rest").isEqualTo(startedByTicketing);
  }

  private Approval approvalRequestedBy(String requester) {
    String instance = runtimeService.startProcessInstanceByKey("FourEyesTestProcess",
        Map.of(OperationVariables.REQUESTED_BY, requester)).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    return new Approval(instance, task.getExecutionId(), task.getId());
  }

  private record Approval(String instance, String execution, String task) {}

  private record Call(String method, String path, String json, String authorization) {
    HttpResponse<String> send(FourEyesFactsIT test) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(test.url(path))).header("Authorization", authorization)
          .header("Content-Type", "application/json");
      b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      return io.pksorchestrator.PlatformTestSupport.send(b);
    }

    @Override
    public String toString() {
      return method + " " + path + " " + (json == null ? "" : json) + " as "
          + (authorization.equals(ADMIN) ? "admin" : authorization.equals(OPERATOR) ? "operator" : "ticketing");
    }
  }
}
