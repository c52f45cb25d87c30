package io.pksorchestrator.simulator.web;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.SimulatedFoundation.Component;
import io.pksorchestrator.simulator.core.ChangeRecord;
import io.pksorchestrator.simulator.core.ServingRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Test-only controls on the simulator port (served when {@code pkso.simulator.test-endpoints-enabled}):
 * simulated clock, fault injection, serving record, reset. They exist only where the simulator runs, which is
 * never production.
 */
@SimulatorEndpoint
@ResponseBody
@RequestMapping("/_sim")
public class TestEndpointsController extends ControllerSupport {

  public TestEndpointsController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @GetMapping("/clock")
  public Map<String, Object> clock() {
    return obj("now", foundation.now().toString(), "speed", foundation.clock().speed(), "paused", foundation.clock().isPaused());
  }

  @PostMapping("/clock/pause")
  public Map<String, Object> pause() {
    foundation.clock().pause();
    return clock();
  }

  @PostMapping("/clock/resume")
  public Map<String, Object> resume() {
    foundation.clock().resume();
    return clock();
  }

  /** {@code ?by=PT10M} (ISO-8601 duration). */
  @PostMapping("/clock/advance")
  public Map<String, Object> advance(@RequestParam String by) {
    foundation.clock().advance(Duration.parse(by));
    return clock();
  }

  @PostMapping("/clock/speed")
  public Map<String, Object> speed(@RequestParam double value) {
    foundation.clock().setSpeed(value);
    return clock();
  }

  @GetMapping("/faults")
  public Map<String, Object> faults() {
    return foundation.faults().describe();
  }

  /**
   * Arms a fault. {@code type}: {@code http} (method, path, status, latency, count), {@code cluster-failure}
   * (cluster, count), {@code bosh-task-error} (count), {@code installation-failure} (count),
   * {@code expire-tokens} (component pks|opsman|bosh, client), {@code process-failure} (cluster, group = worker,
   * index = 0, process = the first: the process of that BOSH instance fails until its VM is recreated).
   */
  @PostMapping("/faults")
  public Map<String, Object> arm(@RequestBody Map<String, Object> fault) {
    String type = String.valueOf(fault.get("type"));
    int count = fault.get("count") instanceof Number n ? n.intValue() : 1;
    switch (type) {
      case "http" -> foundation.faults().addHttpFault((String) fault.get("method"), (String) fault.get("path"),
          fault.get("status") instanceof Number n ? n.intValue() : 0,
          fault.get("latency") == null ? Duration.ZERO : Duration.parse(String.valueOf(fault.get("latency"))), count);
      case "cluster-failure" -> foundation.faults().failNextClusterOperation(required(fault, "cluster"), count);
      case "bosh-task-error" -> foundation.faults().failNextBoshTasks(count);
      case "installation-failure" -> foundation.faults().failNextInstallations(count);
      case "process-failure" -> {
        String instance = foundation.failProcess(required(fault, "cluster"), String.valueOf(
            fault.getOrDefault("group", "worker")), fault.get("index") instanceof Number n ? n.intValue() : 0,
            fault.get("process") == null ? null : String.valueOf(fault.get("process")));
        return obj("failing", instance);
      }
      case "expire-tokens" -> {
        Component component = Component.valueOf(required(fault, "component").toUpperCase(Locale.ROOT));
        Object client = fault.getOrDefault("client", foundation.properties().getClientId());
        return obj("revoked", foundation.uaa(component).revokeAll(String.valueOf(client)));
      }
      default -> throw new IllegalArgumentException("Unknown fault type '" + type
          + "': use http, cluster-failure, bosh-task-error, installation-failure, expire-tokens or process-failure");
    }
    return foundation.faults().describe();
  }

  @DeleteMapping("/faults")
  public Map<String, Object> clearFaults() {
    foundation.faults().clear();
    return foundation.faults().describe();
  }

  /**
   * Serving record of a cluster between {@code from} and {@code to} (ISO instants; default: the last simulated
   * day until now); {@code below=N} answers whether it ever served with fewer than N workers.
   */
  @GetMapping("/serving/{cluster}")
  public Map<String, Object> serving(@PathVariable String cluster, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) Integer below) {
    return call(() -> {
      ServingRecord record = foundation.serving();
      Instant end = to == null ? foundation.clock().instant() : Instant.parse(to);
      Instant start = from == null ? end.minus(Duration.ofDays(1)) : Instant.parse(from);
      Map<String, Object> answer = obj("cluster", cluster, "from", start.toString(), "to", end.toString(),
          "minServingWorkers", record.minServingWorkers(cluster, start, end),
          "controlPlaneAlwaysReachable", record.controlPlaneAlwaysReachable(cluster, start, end));
      if (below != null) {
        answer.put("droppedBelow", record.droppedBelow(cluster, below, start, end));
      }
      answer.put("minutes", record.perMinute(cluster, start, end));
      return answer;
    });
  }

  /**
   * The simulated PKS's record of cluster changes: every change it accepted (action, accepted, started and ended in
   * simulated time, result), every change it refused (busy cluster, name taken) and any two changes of one cluster
   * in flight at once; {@code cluster} narrows it to one cluster.
   */
  @GetMapping("/changes")
  public Map<String, Object> changes(@RequestParam(required = false) String cluster) {
    return call(() -> {
      ChangeRecord record = foundation.pks().changes();
      return obj("changes", record.changes().stream().filter(c -> cluster == null || c.cluster().equals(cluster))
              .toList(),
          "refusals", record.refusals().stream().filter(r -> cluster == null || r.cluster().equals(cluster)).toList(),
          "overlaps", record.overlaps().stream().filter(o -> cluster == null || o.first().cluster().equals(cluster))
              .toList());
    });
  }

  /** The synthetic fleet: how many synthetic clusters the lab holds. */
  @GetMapping("/synthetic-clusters")
  public Map<String, Object> syntheticClusters() {
    return obj("synthetic", foundation.syntheticClusters());
  }

  /**
   * Adds synthetic clusters: {@code {"count": N}} (1 or more; at most 20,000 in all), running at once with
   * {@code pkso.simulator.synthetic-history} of demand; answers the names added and how many there are now.
   */
  @PostMapping("/synthetic-clusters")
  public Map<String, Object> addSyntheticClusters(@RequestBody Map<String, Object> request) {
    if (!(request.get("count") instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException("Field 'count' is required: the number of synthetic clusters to add, e.g."
          + " {\"count\": 1000}");
    }
    java.util.List<String> added = foundation.addSyntheticClusters(n.intValue());
    return obj("added", added.size(), "first", added.get(0), "last", added.get(added.size() - 1),
        "synthetic", foundation.syntheticClusters());
  }

  @PostMapping("/reset")
  public Map<String, Object> reset() {
    foundation.reset();
    return obj("reset", true, "now", foundation.now().toString());
  }

  private static String required(Map<String, Object> fault, String key) {
    Object value = fault.get(key);
    if (value == null) {
      throw new IllegalArgumentException("Fault field '" + key + "' is required");
    }
    return String.valueOf(value);
  }
}
