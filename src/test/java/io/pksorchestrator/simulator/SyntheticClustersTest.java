package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import io.pksorchestrator.simulator.metrics.Workloads.Shaped;
import io.pksorchestrator.simulator.pks.SimCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: the lab holds a synthetic fleet on request (configuration or {@code POST /_sim/synthetic-clusters}),
 * with the documented plan and worker mix, demand shaped by the real traces and served by the simulated Prometheus,
 * the same fleet for the same seed.
 */
class SyntheticClustersTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  private static SimulatedFoundation foundation(int synthetic) {
    SimulatorProperties properties = new SimulatorProperties();
    properties.setSyntheticClusters(synthetic);
    SimulatedClock clock = new SimulatedClock(T0, 60);
    clock.pause();
    return new SimulatedFoundation(properties, clock, Clock.systemUTC());
  }

  @Test
  void configuredFleetHasTheDocumentedMixAndPrometheusServesIt() {
    SimulatedFoundation lab = foundation(1000);
    Map<String, SimCluster> fleet = lab.call(() -> lab.pks().all().stream()
        .filter(c -> c.name().startsWith("fleet-")).collect(Collectors.toMap(SimCluster::name, Function.identity(),
            (a, b) -> a, TreeMap::new)));
    assertThat(fleet).hasSize(1000).containsKeys("fleet-0001", "fleet-1000");
    assertThat(lab.call(() -> lab.pks().all().size())).as("plus the lab's five").isEqualTo(1005);
    Map<String, Long> plans = fleet.values().stream().collect(Collectors.groupingBy(c -> c.plan().name(),
        Collectors.counting()));
    assertThat(plans.get("small")).isBetween(400L, 500L);
    assertThat(plans.get("medium")).isBetween(350L, 450L);
    assertThat(plans.get("large")).isBetween(110L, 190L);
    assertThat(fleet.values()).allSatisfy(c -> {
      assertThat(c.lastActionState()).isEqualTo("succeeded");
      int max = switch (c.plan().name()) { case "small" -> 6; case "medium" -> 12; default -> 25; };
      assertThat(c.workers()).isBetween(2, max);
    });
    Map<String, Long> shapes = fleet.keySet().stream().collect(Collectors.groupingBy(
        n -> ((Shaped) lab.workloads().profile(n).orElseThrow()).shape(), Collectors.counting()));
    assertThat(shapes).containsOnlyKeys("nasa_http", "crane_app13", "nab_aws_elb", "nab_nyc_taxi");
    assertThat(shapes.values()).allSatisfy(n -> assertThat(n).isBetween(180L, 320L));

    // busy-hour demand between 0.45 and 1.25 of the usable cores, as documented: over- and under-provisioned ones
    int under = 0;
    int over = 0;
    for (SimCluster c : fleet.values()) {
      double usable = c.workers() * (c.plan().name().equals("small") ? 3.2 : 6.4);
      double peak = ((Shaped) lab.workloads().profile(c.name()).orElseThrow()).peakCores();
      assertThat(peak / usable).isBetween(0.44, 1.26);
      under += peak > usable ? 1 : 0;
      over += peak < 0.7 * usable ? 1 : 0;
    }
    assertThat(under).isGreaterThan(100);
    assertThat(over).isGreaterThan(100);

    // the simulated Prometheus serves every synthetic cluster, 14 days back, and nothing before
    Map<String, Object> range = lab.call(() -> lab.prometheus().queryRange("demand{cluster=\"fleet-0421\"}",
        String.valueOf(T0.minus(Duration.ofDays(15)).getEpochSecond()), String.valueOf(T0.getEpochSecond()), "1h"));
    JsonNode result = SimHttp.JSON.valueToTree(range).at("/data/result");
    assertThat(result).hasSize(1);
    assertThat(result.get(0).at("/metric/cluster").asText()).isEqualTo("fleet-0421");
    assertThat(result.get(0).get("values")).hasSize(14 * 24 + 1);
    Map<String, Object> all = lab.call(() -> lab.prometheus().query("demand{cluster=~\"fleet-.*\"}", null));
    assertThat(SimHttp.JSON.valueToTree(all).at("/data/result")).hasSize(1000);
  }

  @Test
  void theSameSeedGivesTheSameFleetAndDemandFollowsItsTrace() {
    SimulatedFoundation a = foundation(50);
    SimulatedFoundation b = foundation(50);
    for (int i = 1; i <= 50; i++) {
      String name = String.format("fleet-%04d", i);
      assertThat(a.workloads().profile(name)).isEqualTo(b.workloads().profile(name));
      Instant t = T0.minus(Duration.ofHours(i));
      assertThat(a.workloads().demand(name, t)).isEqualTo(b.workloads().demand(name, t));
    }
    // a NASA-shaped cluster: the trace's daily cycle shows (its nights are far below its days)
    String nasa = a.call(() -> a.pks().all().stream().map(SimCluster::name).filter(n -> n.startsWith("fleet-"))
        .filter(n -> ((Shaped) a.workloads().profile(n).orElseThrow()).shape().equals("nasa_http")).findFirst()
        .orElseThrow());
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int m = 0; m < 24 * 60; m += 5) {
      double v = a.workloads().demand(nasa, T0.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(m))).orElseThrow();
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(max / min).as("daily swing of the NASA trace").isGreaterThan(2);
  }

  @Test
  void simControlAddsClustersWithTokenAndJsonOnly() {
    TestSimulator sim = TestSimulator.fresh();
    Reply added = sim.http.send("POST", "/_sim/synthetic-clusters", null, Map.of("count", 30));
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().get("added").asInt()).isEqualTo(30);
    assertThat(added.json().get("first").asText()).isEqualTo("fleet-0001");
    Reply more = sim.http.send("POST", "/_sim/synthetic-clusters", null, Map.of("count", 5));
    assertThat(more.json().get("first").asText()).isEqualTo("fleet-0031");
    assertThat(more.json().get("synthetic").asInt()).isEqualTo(35);
    assertThat(sim.http.get("/_sim/synthetic-clusters", null).json().get("synthetic").asInt()).isEqualTo(35);
    String token = sim.http.token("pks-uaa", "lab-pks-client-secret");
    Reply listed = sim.http.get("/lab/pks/v1/clusters", token);
    assertThat(listed.json().findValuesAsText("name")).contains("fleet-0001", "fleet-0035");

    Reply bad = sim.http.send("POST", "/_sim/synthetic-clusters", null, Map.of("count", "many"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("count");
    assertThat(sim.http.send("POST", "/_sim/synthetic-clusters", null, Map.of("count", 0)).status()).isEqualTo(400);
    assertThat(sim.http.send("POST", "/_sim/synthetic-clusters", null, Map.of("count", 20_000)).status())
        .as("more than 20,000 in all").isEqualTo(400);
    Reply noToken = sim.http.sendRaw(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.http.base
        + "/_sim/synthetic-clusters")).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"count\":1}")));
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(sim.foundation.syntheticClusters()).isEqualTo(35);
    sim.foundation.reset();
    assertThat(sim.foundation.syntheticClusters()).as("reset: the configured fleet (none)").isZero();
  }

  @Test
  void aFleetSizeOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new SimulatorProperties().setSyntheticClusters(-1))
        .hasMessageContaining("pkso.simulator.synthetic-clusters");
  }
}
