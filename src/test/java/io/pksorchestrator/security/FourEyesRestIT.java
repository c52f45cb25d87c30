package io.pksorchestrator.security;

import static io.pksorchestrator.PlatformTestSupport.ADMIN_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.OPERATOR_PASSWORD;
import static io.pksorchestrator.PlatformTestSupport.basic;
import static io.pksorchestrator.PlatformTestSupport.postJson;
import static io.pksorchestrator.PlatformTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.PlatformApplicationTest;
import io.pksorchestrator.operations.OperationVariables;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The four-eyes rule over HTTP: a requester completing their own approval gets 403 with the rule's message (not the
 * engine's wrapped 500) on {@code /engine-rest} and on Tasklist's engine API, and the task stays open; someone else
 * completes it; tasks that do not declare the rule are not affected.
 */
class FourEyesRestIT extends PlatformApplicationTest {

  static final String ADMIN = basic("admin", ADMIN_PASSWORD);
  static final String OPERATOR = basic("operator", OPERATOR_PASSWORD);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void requesterCompletingOwnApprovalOverRestGets403AndTheTaskStaysOpen() {
    String task = approvalRequestedBy("FourEyesTestProcess", "operator");

    HttpResponse<String> refused = complete("/engine-rest/task/" + task + "/complete", OPERATOR);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("\"type\":\"AuthorizationException\"")
        .contains("Four-eyes rule: user 'operator' requested this operation").contains("platform-operators")
        .doesNotContain("ENGINE-").doesNotContain("at org.");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
    // the engine-name form of the path is guarded too
    assertThat(complete("/engine-rest/engine/default/task/" + task + "/submit-form", OPERATOR).statusCode())
        .isEqualTo(403);

    HttpResponse<String> approved = complete("/engine-rest/task/" + task + "/complete", ADMIN);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
  }

  @Test
  void anotherOperatorMayApproveAndUndeclaredTasksAreNotRestricted() {
    String foreign = approvalRequestedBy("FourEyesTestProcess", "ticketing");
    HttpResponse<String> approved = complete("/engine-rest/task/" + foreign + "/complete", OPERATOR);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);

    // PlatformTestProcess's task has no four-eyes listener: the requester may complete it
    String undeclared = approvalRequestedBy("PlatformTestProcess", "operator");
    HttpResponse<String> done = complete("/engine-rest/task/" + undeclared + "/complete", OPERATOR);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void tasklistSubmitOfOwnApprovalGets403WithTheRule() {
    String task = approvalRequestedBy("FourEyesTestProcess", "operator");
    WebappSession session = WebappSession.login(port, "operator", OPERATOR_PASSWORD, "tasklist");
    assertThat(session.status()).isEqualTo(200);

    HttpResponse<String> refused = send(postJson(url("/camunda/api/engine/engine/default/task/" + task
        + "/submit-form"), "{\"variables\":{}}").header("Cookie", session.cookie())
        .header("X-XSRF-TOKEN", session.csrfToken()));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("Four-eyes rule");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
  }

  @Test
  void onlyTaskCompletionsArePolicedByTheFilter() {
    assertThat(FourEyesRequestFilter.completedTaskId("POST", "/engine-rest/task/abc/complete")).hasValue("abc");
    assertThat(FourEyesRequestFilter.completedTaskId("POST", "/engine-rest//task/abc;x=1/resolve/")).hasValue("abc");
    assertThat(FourEyesRequestFilter.completedTaskId("POST", "/camunda/api/engine/engine/default/task/t1/submit-form"))
        .hasValue("t1");
    assertThat(FourEyesRequestFilter.completedTaskId("GET", "/engine-rest/task/abc/complete")).isEmpty();
    assertThat(FourEyesRequestFilter.completedTaskId("POST", "/engine-rest/task/abc/claim")).isEmpty();
    assertThat(FourEyesRequestFilter.completedTaskId("POST", "/engine-rest/task")).isEmpty();
  }

  private String approvalRequestedBy(String processKey, String requester) {
    String instance = runtimeService.startProcessInstanceByKey(processKey,
        Map.of(OperationVariables.REQUESTED_BY, requester)).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private HttpResponse<String> complete(String path, String authorization) {
    return send(postJson(url(path), "{\"variables\":{}}").header("Authorization", authorization));
  }
}
