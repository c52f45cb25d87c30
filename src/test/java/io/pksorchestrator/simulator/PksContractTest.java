package io.pksorchestrator.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pksorchestrator.platform.ConfiguredFoundations;
import io.pksorchestrator.platform.FoundationProperties;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.http.FoundationClients;
import io.pksorchestrator.platform.pks.CreateClusterSpec;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: one contract, ../shared/reference/pks-api-models.md §1 encoded once in
 * {@code contract/pks-api-models.json} ({@link PksContract}). Every JSON the simulator serves for PKS, in every
 * state a cluster and an upgrade task go through, conforms to its model (unknown fields, wrong types, missing
 * required fields and values outside an enum fail); and every request the production PKS client sends (recorded by
 * a WireMock proxy in front of the simulator) conforms to its request model.
 */
class PksContractTest {

  private final TestSimulator sim = TestSimulator.fresh();
  private final SimHttp http = sim.http;
  private final PksContract contract = PksContract.get();
  private final List<String> violations = new ArrayList<>();
  private final Set<String> covered = new LinkedHashSet<>();

  @Test
  void everyJsonTheSimulatorServesForPksConformsToTheModels() {
    String t = http.token("pks-uaa", "lab-pks-client-secret");
    served("GET", "/v1/plans", t, null);
    JsonNode clusters = served("GET", "/v1/clusters", t, null);
    clusters.forEach(c -> {
      served("GET", "/v1/clusters/" + c.get("name").asText(), t, null);
      served("GET", "/v1/clusterdetails/" + c.get("name").asText(), t, null);
    });
    served("POST", "/v1/clusters/payments-prod/binds", t, null);

    served("POST", "/v1/clusters", t, Map.of("name", "contract", "plan_name", "small", "parameters",
        Map.of("kubernetes_master_host", "contract.lab.local", "kubernetes_master_port", 8443,
            "kubernetes_worker_instances", 2, "cluster_tags", List.of(Map.of("name", "team", "value", "a")))));
    served("GET", "/v1/clusters/contract", t, null); // 404 until registered: ErrorResponse
    sim.advance(Duration.ofMinutes(2));
    served("GET", "/v1/clusters/contract", t, null);
    sim.advance(Duration.ofMinutes(7));
    served("GET", "/v1/clusters", t, null); // VMs starting
    sim.advance(Duration.ofMinutes(5));
    served("PATCH", "/v1/clusters/contract", t, Map.of("kubernetes_worker_instances", 3));
    served("PATCH", "/v1/clusters/contract", t, Map.of("kubernetes_worker_instances", 4)); // busy: 409
    sim.advance(Duration.ofMinutes(2));
    served("GET", "/v1/clusterdetails/contract", t, null);

    JsonNode task = served("PATCH", "/v1/clusters", t, Map.of("clusters", List.of("batch-dev", "analytics"),
        "canaries", List.of("batch-dev"), "max_in_flight", 1));
    String id = task.get("uuid").asText();
    sim.advance(Duration.ofMinutes(3));
    served("GET", "/v1/tasks/" + id, t, null);
    served("GET", "/v1/clusters", t, null); // UPGRADE queued / in progress
    served("PUT", "/v1/tasks/" + id, t, null);
    sim.advance(Duration.ofMinutes(30));
    served("GET", "/v1/tasks?limit=5", t, null);

    served("DELETE", "/v1/clusters/ml-train", t, null);
    sim.advance(Duration.ofMinutes(2));
    served("GET", "/v1/clusters/ml-train", t, null);
    served("POST", "/v1/clusters", t, Map.of("name", "x", "plan_name", "huge",
        "parameters", Map.of("kubernetes_master_host", "x"))); // 422
    served("POST", "/v1/clusters", t, Map.of("name", "x")); // 400
    served("GET", "/v1/clusters/missing", t, null); // 404

    assertThat(violations).as("simulator answers that break pks-api-models.md §1").isEmpty();
    assertThat(covered).as("every endpoint of the contract was exercised")
        .containsAll(contract.endpoints().stream().map(e -> e.method() + " " + e.path()).toList());
  }

  @Test
  void everyRequestThePksClientSendsConformsToTheModels() {
    WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
    try {
      proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(http.base)));
      FeignPksGateway pks = gateway("http://localhost:" + proxy.port() + "/lab");
      String f = TestFoundations.NAME;

      pks.plans(f);
      pks.clusters(f);
      pks.cluster(f, "web-staging");
      pks.cluster(f, "missing");
      pks.createCluster(f, new CreateClusterSpec("contract", "small", "contract.lab.local", 2,
          Map.of("pkso-request", "pi-1", "created-by", "pks-orchestrator")));
      pks.createCluster(f, new CreateClusterSpec("defaulted", "medium", "defaulted.lab.local", null, Map.of()));
      pks.clusterApiServer(f, "payments-prod");
      pks.resizeCluster(f, "ml-train", 3);
      UpgradeTask task = pks.upgradeClusters(f, List.of("analytics", "batch-dev"), List.of("batch-dev"), 1);
      pks.tasks(f, 5);
      pks.task(f, task.uuid());
      pks.cancelTask(f, task.uuid());
      pks.deleteCluster(f, "web-staging");

      List<ServeEvent> events = proxy.getAllServeEvents();
      int pksCalls = 0;
      for (ServeEvent e : events) {
        String path = URI.create(e.getRequest().getUrl()).getPath();
        if (!path.startsWith("/lab/pks/v1/")) {
          continue;
        }
        pksCalls++;
        String method = e.getRequest().getMethod().getName();
        String apiPath = path.substring("/lab/pks".length());
        var endpoint = contract.endpoint(method, apiPath);
        if (endpoint.isEmpty()) {
          violations.add(method + " " + apiPath + ": not an endpoint of pks-api-models.md §1.2");
          continue;
        }
        covered.add(endpoint.get().method() + " " + endpoint.get().path());
        violations.addAll(contract.bodyViolations(endpoint.get().request(), e.getRequest().getBodyAsString(),
            "request " + method + " " + apiPath));
        int status = e.getResponse().getStatus();
        String response = status >= 400 ? "ErrorResponse" : endpoint.get().response();
        violations.addAll(contract.bodyViolations(response, e.getResponse().getBodyAsString(),
            "response " + status + " to " + method + " " + apiPath));
      }
      assertThat(pksCalls).isGreaterThanOrEqualTo(13);
      assertThat(violations).as("client requests (or simulator answers) that break pks-api-models.md §1").isEmpty();
    } finally {
      proxy.stop();
    }
  }

  /** The checker itself: what the reference forbids is reported (so the two tests above can fail). */
  @Test
  void theContractRejectsWhatTheReferenceForbids() throws Exception {
    JsonNode plan = SimHttp.JSON.readTree("""
        {"id":"1","name":"small","description":"d","worker_instances":3,"master_instances":1,
         "allow-privileged-containers":false,"max_worker_instances":10}""");
    assertThat(contract.violations("Plan", plan, "plan")).singleElement().asString()
        .contains("max_worker_instances").contains("not a field of Plan");
    JsonNode cluster = SimHttp.JSON.readTree("""
        {"name":"c","plan_name":"small","last_action":"CREATE","last_action_state":"error",
         "parameters":{"kubernetes_master_host":"c.example","kubernetes_worker_instances":0,
           "kubernetes_setting_plan_details":{"kubelet_drain_force":true}}}""");
    assertThat(contract.violations("Cluster", cluster, "cluster")).hasSize(4)
        .anySatisfy(v -> assertThat(v).contains("uuid: required"))
        .anySatisfy(v -> assertThat(v).contains("'error' is not one of"))
        .anySatisfy(v -> assertThat(v).contains("kubernetes_worker_instances: 0 is below"))
        .anySatisfy(v -> assertThat(v).contains("kubelet_drain_force: expected str"));
    assertThat(contract.bodyViolations("none", "{\"kubernetes_worker_instances\":3}", "patch answer")).isNotEmpty();
    assertThat(contract.bodyViolations("none", "", "patch answer")).isEmpty();
  }

  /** Sends a call to the simulator's PKS API and checks the answer against the contract. */
  private JsonNode served(String method, String apiPath, String token, Object body) {
    Reply reply = body == null && !method.equals("GET") ? http.send(method, "/lab/pks" + apiPath, token, null)
        : method.equals("GET") ? http.get("/lab/pks" + apiPath, token) : http.send(method, "/lab/pks" + apiPath, token, body);
    String path = apiPath.replaceAll("\\?.*", "");
    var endpoint = contract.endpoint(method, path).orElseThrow(() -> new AssertionError(method + " " + path
        + " is not in the contract"));
    covered.add(endpoint.method() + " " + endpoint.path());
    String where = method + " " + apiPath + " (" + reply.status() + ")";
    if (body != null) {
      violations.addAll(contract.violations(endpoint.request(), SimHttp.JSON.valueToTree(body), "request " + where)
          .stream().filter(v -> reply.status() < 400).toList()); // deliberately bad requests are refused
    }
    if (reply.status() >= 400) {
      violations.addAll(contract.bodyViolations("ErrorResponse", reply.body(), where));
      return null;
    }
    violations.addAll(contract.bodyViolations(endpoint.response(), reply.body(), where));
    return reply.body() == null || reply.body().isBlank() ? null : reply.json();
  }

  private FeignPksGateway gateway(String lab) {
    SimulatorProperties p = sim.foundation.properties();
    Foundation base = TestFoundations.foundation(lab);
    Foundation f = TestFoundations.of("Lab", 60, null, null, false, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(20),
        TestFoundations.endpoint(lab + "/pks", lab + "/pks-uaa", p.getClientId(), p.getPksClientSecret()),
        base.opsman(), base.bosh(), null);
    return new FeignPksGateway(new FoundationClients(
        new ConfiguredFoundations(new FoundationProperties(Map.of(TestFoundations.NAME, f))), Clock.systemUTC()));
  }
}
