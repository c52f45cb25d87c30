package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

class RequestApiTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void validClusterRequestStartsTheProcessAsTheCallerAndAnswers202() throws Exception {
    HttpResponse<String> response = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("payments-dev", "CHG-1001"), Map.of());

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.body());
    String id = body.get("operationId").asText();
    assertThat(response.headers().firstValue("Location")).contains("/api/v1/operations/" + id);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo("CHG-1001");
    Map<String, Object> vars = runtimeService.getVariables(id);
    assertThat(vars).containsEntry("foundation", "lab").containsEntry("clusterName", "payments-dev")
        .containsEntry("planName", "small").containsEntry("workerCount", 3)
        .containsEntry("externalHostname", "payments-dev.k8s.example.com")
        .containsEntry("requestedBy", "ticketing").containsEntry("ticketId", "CHG-1001");
  }

  @Test
  void resizeAndUpgradeStartWithTheDocumentedVariables() throws Exception {
    HttpResponse<String> resize = post("/api/v1/resize-requests", "ticketing",
        "{\"foundation\":\"lab\",\"clusterName\":\"web\",\"proposedWorkers\":5,\"reason\":\"Quarter end\","
            + "\"ticketId\":\"CHG-2001\"}", Map.of());
    assertThat(resize.statusCode()).as(resize.body()).isEqualTo(202);
    String resizeId = JSON.readTree(resize.body()).get("operationId").asText();
    assertThat(runtimeService.getVariables(resizeId)).containsEntry("currentWorkers", 3)
        .containsEntry("proposedWorkers", 5).containsEntry("trigger", "manual").containsKey("proposedAt")
        .containsEntry("reason", "Quarter end");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(resizeId).singleResult()
        .getBusinessKey()).isEqualTo("lab/web");

    HttpResponse<String> upgrade = post("/api/v1/stemcell-upgrades", "admin",
        "{\"foundation\":\"lab\",\"stemcellVersion\":\"1.570\",\"stemcellOs\":\"ubuntu-jammy\","
            + "\"stemcellSource\":\"https://example.com/s.tgz\",\"clusters\":[\"web\"],\"canaries\":[\"web\"],"
            + "\"maintenanceWindowStart\":\"2099-01-01T22:00:00Z\",\"maintenanceWindowEnd\":\"2099-01-02T04:00:00Z\"}",
        Map.of());
    assertThat(upgrade.statusCode()).as(upgrade.body()).isEqualTo(202);
    String upgradeId = JSON.readTree(upgrade.body()).get("operationId").asText();
    assertThat(runtimeService.getVariables(upgradeId)).containsEntry("clusters", "web").containsEntry("canaries", "web")
        .containsEntry("maxInFlight", 1).containsEntry("maintenanceWindowEnd", "2099-01-02T04:00:00Z")
        .containsEntry("requestedBy", "admin");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(upgradeId).singleResult()
        .getBusinessKey()).isEqualTo("lab/stemcell-1.570");
  }

  @Test
  void everyFieldErrorIsListedAtOnceAndNothingStarts() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> response = post("/api/v1/cluster-requests", "ticketing",
        "{\"foundation\":\"\",\"clusterName\":\"Bad_Name-that-is-far-too-long-for-a-dns-label-of-40\","
            + "\"planName\":\"small\",\"workerCount\":0,\"externalHostname\":\"NOT A HOST\",\"ticketId\":\"#1\"}",
        Map.of());

    assertProblem(response, 400);
    assertThat(fields(response)).contains("foundation", "clusterName", "workerCount", "externalHostname", "ticketId");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void missingRequiredFieldsAreNamed() throws Exception {
    HttpResponse<String> response = post("/api/v1/resize-requests", "ticketing", "{}", Map.of());
    assertProblem(response, 400);
    assertThat(fields(response)).contains("foundation", "clusterName", "proposedWorkers", "reason");
  }

  @Test
  void unknownFieldIsRejectedByName() throws Exception {
    HttpResponse<String> response = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("named", null).replace("}", ",\"workers\":4}"), Map.of());
    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("workers");
  }

  @Test
  void wrongTypeAndMalformedJsonAreProblems() throws Exception {
    HttpResponse<String> wrongType = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("typed", null).replace("\"workerCount\":3", "\"workerCount\":\"three\""), Map.of());
    assertProblem(wrongType, 400);
    assertThat(fields(wrongType)).containsExactly("workerCount");

    HttpResponse<String> malformed = post("/api/v1/cluster-requests", "ticketing", "{\"foundation\": ", Map.of());
    assertProblem(malformed, 400);
    assertThat(JSON.readTree(malformed.body()).get("detail").asText()).contains("Malformed JSON");
  }

  @Test
  void windowDatesMustBeIsoOrderedAndInTheFuture() throws Exception {
    HttpResponse<String> response = post("/api/v1/stemcell-upgrades", "ticketing",
        "{\"foundation\":\"lab\",\"stemcellVersion\":\"v1\",\"stemcellOs\":\"ubuntu-jammy\",\"stemcellSource\":\"/s.tgz\","
            + "\"maxInFlight\":0,\"maintenanceWindowStart\":\"tomorrow\",\"maintenanceWindowEnd\":\"2001-01-01T00:00:00Z\"}",
        Map.of());
    assertProblem(response, 400);
    List<String> fields = fields(response);
    assertThat(fields).contains("stemcellVersion", "maxInFlight", "maintenanceWindowStart", "maintenanceWindowEnd");

    HttpResponse<String> reversed = post("/api/v1/stemcell-upgrades", "ticketing",
        "{\"foundation\":\"lab\",\"stemcellVersion\":\"1.1\",\"stemcellOs\":\"ubuntu-jammy\",\"stemcellSource\":\"/s.tgz\","
            + "\"maintenanceWindowStart\":\"2099-01-02T00:00:00Z\",\"maintenanceWindowEnd\":\"2099-01-01T00:00:00+02:00\"}",
        Map.of());
    assertProblem(reversed, 400);
    assertThat(reversed.body()).contains("must be after maintenanceWindowStart");
  }

  @Test
  void unknownFoundationPlanOrClusterIs422AndNothingStarts() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> foundation = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("x1", null).replace("\"lab\"", "\"prod\""), Map.of());
    assertProblem(foundation, 422);
    assertThat(fields(foundation)).containsExactly("foundation");

    HttpResponse<String> plan = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("x2", null).replace("\"small\"", "\"huge\""), Map.of());
    assertProblem(plan, 422);
    assertThat(fields(plan)).containsExactly("planName");
    assertThat(plan.body()).contains("small", "large");

    HttpResponse<String> workers = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("x3", null).replace("\"workerCount\":3", "\"workerCount\":11"), Map.of());
    assertProblem(workers, 422);
    assertThat(fields(workers)).containsExactly("workerCount");

    HttpResponse<String> cluster = post("/api/v1/resize-requests", "ticketing",
        "{\"foundation\":\"lab\",\"clusterName\":\"ghost\",\"proposedWorkers\":5,\"reason\":\"r\"}", Map.of());
    assertProblem(cluster, 422);
    assertThat(fields(cluster)).containsExactly("clusterName");

    HttpResponse<String> upgrade = post("/api/v1/stemcell-upgrades", "ticketing",
        "{\"foundation\":\"lab\",\"stemcellVersion\":\"1.1\",\"stemcellOs\":\"ubuntu-jammy\",\"stemcellSource\":\"https://example.com/s.tgz\","
            + "\"clusters\":[\"web\",\"ghost\"]}", Map.of());
    assertProblem(upgrade, 422);
    assertThat(fields(upgrade)).containsExactly("clusters[1]");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void oversizedBodyIs413() throws Exception {
    String big = clusterJson("big", null).replace("\"planName\"", "\"pad\":\"" + "x".repeat(9000) + "\",\"planName\"");
    HttpResponse<String> response = post("/api/v1/cluster-requests", "ticketing", big, Map.of());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
  }

  @Test
  void onlyTicketingAndAdminsMayRequest() throws Exception {
    HttpResponse<String> operator = post("/api/v1/cluster-requests", "operator", clusterJson("opreq", null), Map.of());
    assertProblem(operator, 403);
    HttpResponse<String> intruder = post("/api/v1/cluster-requests", "intruder", clusterJson("intr", null), Map.of());
    assertProblem(intruder, 403);
    assertThat(instancesWithBusinessKey("opreq") + instancesWithBusinessKey("intr")).isZero();
  }

  private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
  }

  private static List<String> fields(HttpResponse<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    JsonNode errors = JSON.readTree(response.body()).get("errors");
    if (errors != null) {
      errors.forEach(e -> fields.add(e.get("field").asText()));
    }
    return fields;
  }
}
