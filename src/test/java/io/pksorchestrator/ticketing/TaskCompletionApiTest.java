package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 13 item 2 over REST: completing an approval without its decision, or with a wrongly typed one, is a 400
 * problem naming the expected variables and their types (before: 500, an unresolved expression, or a silent
 * rejection); completing a task that no longer exists is a 404 (before: 500). The engine decides (the task's
 * {@code complete} listener), the HTTP layer only shapes the answer. A refused input is one INFO line in the log
 * ({@code PKSO-OPS001}), not the engine's and Camunda REST's two stack traces per attempt.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskCompletionApiTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TaskService taskService;

  @Test
  void aCompletionWithoutItsDecisionIsA400NamingTheExpectedVariablesAndAGoneTaskA404(CapturedOutput log)
      throws Exception {
    HttpResponse<String> created = post("/api/v1/cluster-requests", "ticketing", clusterJson("rest-decision-1",
        "REST-DEC-1"), Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    String id = JSON.readTree(created.body()).get("operationId").asText();
    String taskId = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();

    HttpResponse<String> missing = complete(taskId, "{\"variables\":{}}");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(missing.body());
    assertThat(problem.get("title").asText()).isEqualTo("Invalid task completion");
    assertThat(problem.get("detail").asText())
        .contains("decision (String: 'approve' or 'reject')", "decisionComment (String, required when rejecting)",
            "decision is missing", "The task stays open")
        .doesNotContain("ENGINE-", "Exception");

    HttpResponse<String> wrongType = complete(taskId, "{\"variables\":{\"decision\":{\"value\":true}}}");
    assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
    assertThat(JSON.readTree(wrongType.body()).get("detail").asText()).contains("decision is true (Boolean)");

    HttpResponse<String> noComment = complete(taskId, "{\"variables\":{\"decision\":{\"value\":\"reject\"}}}");
    assertThat(noComment.statusCode()).as(noComment.body()).isEqualTo(400);
    assertThat(JSON.readTree(noComment.body()).get("detail").asText())
        .contains("a rejection needs a comment saying why");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
    assertThat(log.getOut().lines().filter(l -> l.contains("PKSO-OPS001") && l.contains(taskId)))
        .as("one INFO line per refused input").hasSize(3).allMatch(l -> l.contains("INFO"));
    assertThat(log.getOut()).as("no engine stack traces for a refused input")
        .doesNotContain("ENGINE-03051", "ENGINE-REST-HTTP500", "OperatorInputException");

    HttpResponse<String> rejected = complete(taskId, "{\"variables\":{\"decision\":{\"value\":\"reject\"},"
        + "\"decisionComment\":{\"value\":\"use the shared cluster\"}}}");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);

    HttpResponse<String> gone = complete(taskId, "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);
    JsonNode notFound = JSON.readTree(gone.body());
    assertThat(notFound.get("title").asText()).isEqualTo("Task not found");
    assertThat(notFound.get("detail").asText()).contains(taskId, "Reload the task list");
    assertThat(log.getOut().lines().filter(l -> l.contains("PKSO-OPS002") && l.contains(taskId))).hasSize(1);
    assertThat(log.getOut()).as("no engine stack traces for refused input or a gone task")
        .doesNotContain("ENGINE-16004", "ENGINE-REST-HTTP500");
  }

  private HttpResponse<String> complete(String taskId, String body) {
    return post("/engine-rest/task/" + taskId + "/complete", "operator", body, Map.of());
  }
}
