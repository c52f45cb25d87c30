package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The simulated Prometheus: history at start-up, matrix shape, label matching, limits, time dependence. */
class PrometheusHttpTest extends SimulatorHttpTestBase {


  @Test
  void fourteenDaysOfHistoryForEachPreProvisionedCluster() {
    Instant now = sim.foundation.now();
    JsonNode answer = range("sum(kube_pod_container_resource_requests{resource=\"cpu\", cluster=\"web-staging\"})",
        now.minus(Duration.ofDays(14)), now, "300");
    assertThat(answer.get("status").asText()).isEqualTo("success");
    assertThat(answer.get("data").get("resultType").asText()).isEqualTo("matrix");
    JsonNode series = answer.get("data").get("result");
    assertThat(series).hasSize(1);
    assertThat(series.get(0).get("metric").get("cluster").asText()).isEqualTo("web-staging");
    JsonNode values = series.get(0).get("values");
    assertThat(values.size()).isEqualTo(14 * 288 + 1);
    assertThat(values.get(0).get(0).isNumber()).isTrue();
    assertThat(values.get(0).get(1).isTextual()).isTrue();
    double max = 0;
    double min = Double.MAX_VALUE;
    for (JsonNode v : values) {
      max = Math.max(max, Double.parseDouble(v.get(1).asText()));
      min = Math.min(min, Double.parseDouble(v.get(1).asText()));
    }
    assertThat(max).as("busy hours of a cluster needing about 5-6 medium workers").isBetween(20.0, 40.0);
    assertThat(min).as("daily shape").isLessThan(max / 2);
  }

  @Test
  void demandFollowsSimulatedTimeAndNoFutureIsServed() {
    Instant now = sim.foundation.now();
    JsonNode before = range("x{cluster=\"payments-prod\"}", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "60");
    assertThat(before.get("data").get("result").get(0).get("values").size()).isEqualTo(61);
    sim.advance(Duration.ofHours(1));
    JsonNode after = range("x{cluster=\"payments-prod\"}", now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), "60");
    assertThat(after.get("data").get("result").get(0).get("values").size()).isEqualTo(121);
    assertThat(after.get("data").get("result").get(0).get("values").get(0))
        .as("deterministic").isEqualTo(before.get("data").get("result").get(0).get("values").get(0));
  }

  @Test
  void allClustersWithoutMatcherAndPrometheusErrors() {
    Instant now = sim.foundation.now();
    assertThat(range("sum by (cluster) (x)", now.minus(Duration.ofHours(1)), now, "1m").get("data").get("result")).hasSize(5);
    JsonNode instant = http.get("/lab/prometheus/api/v1/query?query=" + SimHttp.enc("x{cluster=~\"web.*|ml-train\"}"), null).json();
    assertThat(instant.get("data").get("resultType").asText()).isEqualTo("vector");
    assertThat(instant.get("data").get("result")).hasSize(2);
    Reply tooMany = http.get("/lab/prometheus/api/v1/query_range?query=x&start=" + now.minus(Duration.ofDays(14)).getEpochSecond()
        + "&end=" + now.getEpochSecond() + "&step=60", null);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("errorType").asText()).isEqualTo("bad_data");
    assertThat(tooMany.json().get("error").asText()).contains("11,000 points");
  }

  private JsonNode range(String query, Instant start, Instant end, String step) {
    Reply reply = http.get("/lab/prometheus/api/v1/query_range?query=" + SimHttp.enc(query) + "&start=" + start.getEpochSecond()
        + "&end=" + end.getEpochSecond() + "&step=" + step, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }
}
