package io.pksorchestrator.simulator.pks;

import io.pksorchestrator.simulator.core.ChangeRecord;
import io.pksorchestrator.simulator.core.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Multi-cluster upgrades ({@code PATCH /v1/clusters}, §7.1) and the tile's upgrade-all errand: canaries one at a
 * time first, then the rest with at most {@code max_in_flight} in parallel; a failed canary stops the job, a
 * failed non-canary does not; cancel affects only clusters not started yet.
 */
final class UpgradeOrchestrator {

  private final Scheduler scheduler;
  private final ClusterLifecycle lifecycle;
  private final Map<String, SimCluster> clusters;
  private final int workerMaxInFlight;
  private final Map<String, UpgradeTask> tasks = new LinkedHashMap<>();
  private final ChangeRecord changes;

  UpgradeOrchestrator(Scheduler scheduler, ClusterLifecycle lifecycle, Map<String, SimCluster> clusters,
      int workerMaxInFlight, ChangeRecord changes) {
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
    this.clusters = clusters;
    this.workerMaxInFlight = workerMaxInFlight;
    this.changes = changes;
  }

  /**
   * {@code PATCH /v1/clusters}: upgrades clusters to the control plane's version and deployed stemcell. max_in_flight
   * may not exceed the tile's Worker VM Max in Flight (the CLI reference says "cannot exceed"; we allow equality).
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> upgrade(Map<String, Object> request) {
    List<String> names = request.get("clusters") instanceof List<?> l ? (List<String>) l : List.of();
    List<String> canaryNames = request.get("canaries") instanceof List<?> l ? (List<String>) l : List.of();
    if (names.isEmpty()) {
      throw PksSimulation.error(400, "clusters is required (list the clusters to upgrade; canaries are upgraded first)");
    }
    int maxInFlight = request.get("max_in_flight") instanceof Number n ? n.intValue() : 1;
    if (maxInFlight < 1 || maxInFlight > workerMaxInFlight) {
      throw PksSimulation.error(422, "max_in_flight " + maxInFlight + " is invalid: it must be between 1 and the tile's Worker VM Max in Flight ("
          + workerMaxInFlight + ")");
    }
    Set<String> all = new LinkedHashSet<>(canaryNames);
    all.addAll(names);
    for (String n : all) {
      SimCluster c = clusters.get(n);
      if (c == null) {
        throw PksSimulation.error(404, "Cluster " + n + " not found");
      }
      if (c.busy()) {
        String why = "Cluster " + n + " has an operation in progress (" + c.lastAction + "): it cannot be upgraded now";
        changes.refused(n, SimCluster.UPGRADE, 409, why);
        throw PksSimulation.error(409, why);
      }
    }
    UpgradeTask task = new UpgradeTask(maxInFlight);
    all.forEach(n -> task.add(clusters.get(n), canaryNames.contains(n)));
    task.entries.forEach(e -> e.cluster.action(SimCluster.UPGRADE, SimCluster.QUEUED, "Instance upgrade queued"));
    tasks.put(task.uuid, task);
    scheduler.after(Duration.ofSeconds(5), () -> {
      if (task.finished()) {
        return;
      }
      task.status = "in progress";
      task.start = scheduler.now();
      pump(task);
    });
    return task.toJson();
  }

  /** {@code GET /v1/tasks?limit=}, most recent first. */
  List<Map<String, Object>> tasks(Integer limit) {
    List<UpgradeTask> list = new ArrayList<>(tasks.values());
    java.util.Collections.reverse(list);
    return list.stream().limit(limit == null ? Long.MAX_VALUE : limit).map(UpgradeTask::toJson).toList();
  }

  /** {@code GET /v1/tasks/{id}}. */
  Map<String, Object> task(String id) {
    return findTask(id).toJson();
  }

  /**
   * {@code PUT /v1/tasks/{id}}: cancels the clusters not started yet; running ones finish. The task turns
   * {@code canceled} when nothing runs any more (idempotent on a finished task).
   */
  Map<String, Object> cancel(String id) {
    UpgradeTask task = findTask(id);
    if (!task.finished()) {
      task.cancelRequested = true;
      task.dropQueued();
      if (task.running == 0) {
        task.status = "canceled";
        task.end = scheduler.now();
      }
    }
    return task.toJson();
  }

  /**
   * The tile's upgrade-all-service-instances errand: upgrades every cluster, one after another; fails when
   * a cluster is in a failed state (PKS 1.4 release note) or an upgrade fails.
   */
  void upgradeAllSerially(Consumer<Boolean> done) {
    if (clusters.values().stream().anyMatch(c -> SimCluster.FAILED.equals(c.lastActionState))) {
      done.accept(false);
      return;
    }
    upgradeNext(new ArrayList<>(clusters.values()), 0, true, done);
  }

  private void upgradeNext(List<SimCluster> list, int k, boolean ok, Consumer<Boolean> done) {
    if (k == list.size()) {
      done.accept(ok);
      return;
    }
    SimCluster c = list.get(k);
    if (!clusters.containsKey(c.name) || c.busy()) {
      upgradeNext(list, k + 1, ok, done);
      return;
    }
    lifecycle.upgrade(c, success -> upgradeNext(list, k + 1, ok && success, done));
  }

  private void pump(UpgradeTask task) {
    if (!task.canaries.isEmpty()) {
      if (task.running == 0) {
        start(task, task.canaries.poll());
      }
    } else {
      while (task.running < task.maxInFlight && !task.others.isEmpty()) {
        start(task, task.others.poll());
      }
    }
    if (task.running == 0 && task.canaries.isEmpty() && task.others.isEmpty()) {
      task.status = task.cancelRequested ? "canceled" : "done";
      task.end = scheduler.now();
    }
  }

  private void start(UpgradeTask task, UpgradeTask.Entry e) {
    task.running++;
    e.state = SimCluster.IN_PROGRESS;
    e.start = scheduler.now();
    lifecycle.upgrade(e.cluster, ok -> {
      task.running--;
      e.state = ok ? SimCluster.SUCCEEDED : SimCluster.FAILED;
      e.end = scheduler.now();
      if (!ok && e.canary) {
        task.dropQueued(); // a failed canary stops the whole job
      }
      pump(task);
    });
  }

  private UpgradeTask findTask(String id) {
    UpgradeTask task = tasks.get(id);
    if (task == null) {
      throw PksSimulation.error(404, "Task " + id + " not found");
    }
    return task;
  }

}
