package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import io.pksorchestrator.fixtures.PksClusterBuilder;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 3: what the process would refuse minutes later is refused by {@code /api/v1} before anything starts
 * (no ticket id used up), naming the field and the limit; every error answer of the API is problem+json, and none
 * carries a library's internals. One test per row of the issue, each with the classes of input around its limit.
 * The foundation (PKS in memory, {@link TicketingApiTestBase}): cluster {@code web} on plan {@code small} (1..10 workers,
 * 3 now); the tile's Worker VM Max in Flight is {@code pkso.upgrade.worker-max-in-flight} = 4.
 */
class RefusedAtTheDoorApiTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fragments of library messages that must never reach a client. */
  private static final List<String> INTERNALS = List.of("CoercionConfig", "For input string", "Cannot coerce",
      "Cannot deserialize", "com.fasterxml", "java.lang", "org.springframework", "Exception", "[Source:");

  @Test
  void anExistingClusterNameIs422NamingTheFieldAndNothingStarts() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> taken = post("/api/v1/cluster-requests", "ticketing", clusterJson("web", "CHG-D1"), Map.of());

    assertProblem(taken, 422);
    assertThat(errors(taken)).containsExactly(Map.entry("clusterName",
        "A cluster named 'web' already exists on foundation 'lab': choose another name."));
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(foundation.calls).as("nothing changed on the foundation").isEmpty();
    // the ticket id is not used up: the same ticket with a free name starts
    HttpResponse<String> free = post("/api/v1/cluster-requests", "ticketing", clusterJson("web-two", "CHG-D1"),
        Map.of());
    assertThat(free.statusCode()).as(free.body()).isEqualTo(202);
  }

  @Test
  void aResizeOutsideThePlansLimitsIs422NamingTheLimitAndItsSetting() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> above = post("/api/v1/resize-requests", "ticketing", resizeJson("11"), Map.of());
    assertProblem(above, 422);
    assertThat(errors(above)).containsOnlyKeys("proposedWorkers");
    assertThat(errors(above).get("proposedWorkers")).contains("11", "plan 'small'", "(1..10)",
        "pkso.foundations.lab.plans.max-workers.small");
    // far above: the body's own bound (500) answers 400 before the foundation is asked
    HttpResponse<String> absurd = post("/api/v1/resize-requests", "ticketing", resizeJson("501"), Map.of());
    assertProblem(absurd, 400);
    assertThat(errors(absurd)).containsOnlyKeys("proposedWorkers");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(foundation.calls).as("nothing changed on the foundation").isEmpty();

    HttpResponse<String> atTheMaximum = post("/api/v1/resize-requests", "ticketing", resizeJson("10"), Map.of());
    assertThat(atTheMaximum.statusCode()).as(atTheMaximum.body()).isEqualTo(202);
  }

  @Test
  void aCreationAboveThePlansMaximumNamesTheSettingBelowTheMinimumDoesNot() throws Exception {
    HttpResponse<String> above = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("big-one", null).replace("\"workerCount\":3", "\"workerCount\":11"), Map.of());
    assertProblem(above, 422);
    assertThat(errors(above).get("workerCount")).contains("(1..10)", "pkso.foundations.lab.plans.max-workers.small");
  }

  @Test
  void canariesOutsideTheSelectedClustersAreRefusedByIndex() throws Exception {
    // a second cluster on the foundation: 'db' exists, it is only not selected
    foundation.pks.put("lab", PksClusterBuilder.cluster("db").workers(2).build());
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> outside = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"web\"],\"canaries\":[\"web\",\"db\"]"), Map.of());
    assertProblem(outside, 400);
    assertThat(errors(outside)).containsOnlyKeys("canaries[1]");
    assertThat(errors(outside).get("canaries[1]")).contains("'db'", "not among the selected clusters", "[web]");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(foundation.calls).as("nothing changed on the foundation").isEmpty();

    // every cluster selected (clusters absent or "all"): any cluster of the foundation may be a canary
    HttpResponse<String> all = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"all\"],\"canaries\":[\"web\"]"), Map.of());
    assertThat(all.statusCode()).as(all.body()).isEqualTo(202);
  }

  @Test
  void maxInFlightAboveTheTilesWorkerVmMaxInFlightIs422NamingTheLimit() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> above = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"web\"],\"maxInFlight\":5"), Map.of());
    assertProblem(above, 422);
    assertThat(errors(above)).containsOnlyKeys("maxInFlight");
    assertThat(errors(above).get("maxInFlight")).contains("5", "Worker VM Max in Flight (4",
        "pkso.upgrade.worker-max-in-flight");
    HttpResponse<String> zero = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"web\"],\"maxInFlight\":0"), Map.of());
    assertProblem(zero, 400);
    assertThat(errors(zero)).containsOnlyKeys("maxInFlight");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(foundation.calls).as("nothing changed on the foundation").isEmpty();

    HttpResponse<String> atTheLimit = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"web\"],\"maxInFlight\":4"), Map.of());
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(202);
    String id = JSON.readTree(atTheLimit.body()).get("operationId").asText();
    assertThat(runtimeService.getVariables(id)).containsEntry("maxInFlight", 4);
  }

  @Test
  void aDecimalCountIsRefusedNotTruncatedAndAWholeDecimalIsTheNumber() throws Exception {
    long before = runtimeService.createProcessInstanceQuery().count();
    HttpResponse<String> workers = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("half", null).replace("\"workerCount\":3", "\"workerCount\":3.5"), Map.of());
    assertProblem(workers, 400);
    assertThat(errors(workers)).containsExactly(Map.entry("workerCount", "has the wrong type: expected a whole number"));

    HttpResponse<String> proposed = post("/api/v1/resize-requests", "ticketing", resizeJson("5.5"), Map.of());
    assertProblem(proposed, 400);
    assertThat(errors(proposed)).containsOnlyKeys("proposedWorkers");

    HttpResponse<String> inFlight = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":[\"web\"],\"maxInFlight\":1.5"), Map.of());
    assertProblem(inFlight, 400);
    assertThat(errors(inFlight)).containsOnlyKeys("maxInFlight");

    HttpResponse<String> quoted = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("quoted", null).replace("\"workerCount\":3", "\"workerCount\":\"3\""), Map.of());
    assertProblem(quoted, 400);
    assertThat(errors(quoted)).containsExactly(Map.entry("workerCount", "has the wrong type: expected a whole number"));
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(foundation.calls).as("nothing changed on the foundation").isEmpty();

    HttpResponse<String> whole = post("/api/v1/cluster-requests", "ticketing",
        clusterJson("whole", null).replace("\"workerCount\":3", "\"workerCount\":4.0"), Map.of());
    assertThat(whole.statusCode()).as(whole.body()).isEqualTo(202);
    String id = JSON.readTree(whole.body()).get("operationId").asText();
    assertThat(runtimeService.getVariables(id)).containsEntry("workerCount", 4);
  }

  @Test
  void everyOtherErrorAnswerIsAProblemWithoutLibraryInternals() throws Exception {
    HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/api/v1/cluster-requests"))
        .header("Authorization", basic("ticketing")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(clusterJson("plain", null))).build());
    assertProblem(text, 415);
    assertThat(detail(text)).isEqualTo("Send the body as application/json.");

    assertProblem(get("/api/v1/cluster-requests", "ticketing"), 405);
    assertProblem(get("/api/v1/no-such-resource", "ticketing"), 404);

    HttpResponse<String> limit = get("/api/v1/operations?limit=many", "operator");
    assertProblem(limit, 400);
    assertThat(errors(limit)).containsExactly(Map.entry("limit", "must be a whole number"));

    HttpResponse<String> proposed = get("/api/v1/clusters/lab/web/forecast.png?proposed=1e9x", "operator");
    assertProblem(proposed, 400);
    assertThat(errors(proposed)).containsOnlyKeys("proposed");

    HttpResponse<String> array = post("/api/v1/stemcell-upgrades", "ticketing",
        upgradeJson("\"clusters\":\"web\""), Map.of());
    assertProblem(array, 400);
    assertThat(errors(array)).containsExactly(Map.entry("clusters", "has the wrong type: expected an array"));

    HttpResponse<String> malformed = post("/api/v1/resize-requests", "ticketing", "{\"foundation\":\"lab\",,}",
        Map.of());
    assertProblem(malformed, 400);
    assertThat(detail(malformed)).startsWith("Malformed JSON: ").contains("(line 1, column");
  }

  @Test
  void theClustersApiIsBehindTheSameAccessRuleAndErrorShape() throws Exception {
    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/clusters")).GET().build());
    assertProblem(anonymous, 401);
    HttpResponse<String> intruder = get("/api/v1/clusters", "intruder");
    assertProblem(intruder, 403);
    assertThat(detail(intruder)).contains("'intruder'", "may not read operations");
    HttpResponse<String> operator = get("/api/v1/clusters", "operator");
    assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
    assertProblem(get("/api/v1/clusters/lab/nope", "operator"), 404);
    // writing is for requesters only, on every path of the API
    assertProblem(post("/api/v1/clusters", "operator", "{}", Map.of()), 403);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String resizeJson(String workers) {
    return "{\"foundation\":\"lab\",\"clusterName\":\"web\",\"proposedWorkers\":" + workers
        + ",\"reason\":\"Quarter end\"}";
  }

  private static String upgradeJson(String selection) {
    return "{\"foundation\":\"lab\",\"stemcellVersion\":\"1.570\",\"stemcellOs\":\"ubuntu-jammy\","
        + "\"stemcellSource\":\"https://example.com/s.tgz\"," + selection + "}";
  }

  /** Status, problem+json, {@code status} in the body, a title and a detail, and nothing of a library's internals. */
  private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
        .startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.path("title").asText()).isNotBlank();
    assertThat(body.path("detail").asText()).isNotBlank();
    for (String internal : INTERNALS) {
      assertThat(response.body()).as("no library internals").doesNotContain(internal);
    }
  }

  private static String detail(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("detail").asText();
  }

  private static Map<String, String> errors(HttpResponse<String> response) throws Exception {
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    JsonNode list = JSON.readTree(response.body()).get("errors");
    if (list != null) {
      list.forEach(e -> errors.put(e.get("field").asText(), e.get("message").asText()));
    }
    return errors;
  }
}
