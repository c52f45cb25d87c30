package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.LeaseHolder;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A request for a cluster another operation holds answers 409 naming that operation, and starts nothing. */
class ClusterBusyApiTest extends TicketingApiTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ClusterLeases leases;

  @Test
  void requestsForALeasedClusterAre409WithTheHolderAndStartNothing() throws Exception {
    HttpResponse<String> first = post("/api/v1/resize-requests", "ticketing", resize("CHG-BUSY-1", 5), Map.of());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    String holder = JSON.readTree(first.body()).get("operationId").asText();
    // what the resize's lease step does once approved (the stand-in model of these tests has no lease step)
    assertThat(leases.acquire("lab", List.of("web"), new LeaseHolder(holder, LeaseHolder.RESIZE, "lab/web"))
        .complete()).isTrue();
    try {
      long before = runtimeService.createProcessInstanceQuery().count();

      HttpResponse<String> refused = post("/api/v1/resize-requests", "ticketing", resize("CHG-BUSY-2", 6), Map.of());
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.get("title").asText()).isEqualTo("Cluster busy");
      assertThat(problem.get("detail").asText()).contains("lab/web is held by resize lab/web (operation " + holder)
          .contains("Nothing was started");
      JsonNode heldBy = problem.get("heldBy");
      assertThat(heldBy.get("operationId").asText()).isEqualTo(holder);
      assertThat(heldBy.get("operation").asText()).isEqualTo("resize");
      assertThat(heldBy.get("cluster").asText()).isEqualTo("web");
      assertThat(heldBy.get("self").asText()).isEqualTo("/api/v1/operations/" + holder);
      assertThat(heldBy.get("cockpit").asText()).endsWith("/process-instance/" + holder);

      HttpResponse<String> upgradeAll = post("/api/v1/stemcell-upgrades", "admin",
          "{\"foundation\":\"lab\",\"stemcellVersion\":\"1.571\",\"stemcellOs\":\"ubuntu-jammy\","
              + "\"stemcellSource\":\"https://example.com/s.tgz\",\"clusters\":[\"all\"],\"ticketId\":\"CHG-BUSY-3\"}",
          Map.of());
      assertThat(upgradeAll.statusCode()).as(upgradeAll.body()).isEqualTo(409);
      assertThat(JSON.readTree(upgradeAll.body()).get("heldBy").get("operationId").asText()).isEqualTo(holder);

      HttpResponse<String> create = post("/api/v1/cluster-requests", "ticketing", clusterJson("web", "CHG-BUSY-4"),
          Map.of());
      assertThat(create.statusCode()).as("the name is leased too: " + create.body()).isEqualTo(409);
      assertThat(runtimeService.createProcessInstanceQuery().count()).as("nothing started").isEqualTo(before);

      HttpResponse<String> repeated = post("/api/v1/resize-requests", "ticketing", resize("CHG-BUSY-1", 5), Map.of());
      assertThat(repeated.statusCode()).as("the holder's own request, sent again: " + repeated.body())
          .isEqualTo(200);
      assertThat(JSON.readTree(repeated.body()).get("operationId").asText()).isEqualTo(holder);

      JsonNode view = JSON.readTree(get("/api/v1/operations/" + holder, "operator").body());
      assertThat(view.get("heldClusters")).hasSize(1);
      assertThat(view.get("heldClusters").get(0).get("cluster").asText()).isEqualTo("web");
    } finally {
      leases.releaseAll(holder);
    }
    HttpResponse<String> afterwards = post("/api/v1/resize-requests", "ticketing", resize("CHG-BUSY-5", 6), Map.of());
    assertThat(afterwards.statusCode()).as("free again: " + afterwards.body()).isEqualTo(202);
  }

  private static String resize(String ticket, int workers) {
    return "{\"foundation\":\"lab\",\"clusterName\":\"web\",\"proposedWorkers\":" + workers
        + ",\"reason\":\"busy test\",\"ticketId\":\"" + ticket + "\"}";
  }
}
