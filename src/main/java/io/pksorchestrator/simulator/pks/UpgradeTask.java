package io.pksorchestrator.simulator.pks;

import static io.pksorchestrator.simulator.core.Json.obj;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A multi-cluster upgrade ({@code PATCH /v1/clusters}): canaries one at a time first, then the other clusters
 * with at most {@code max_in_flight} in parallel. A failed canary stops the task; a failed non-canary does not.
 */
final class UpgradeTask {

  /** One cluster of the task (ClusterUpgradeInfo). */
  static final class Entry {
    final SimCluster cluster;
    final boolean canary;
    String state = SimCluster.QUEUED;
    Instant start;
    Instant end;
    /** The cluster's last action before it was queued, restored if it never starts. */
    final String[] before;

    Entry(SimCluster cluster, boolean canary) {
      this.cluster = cluster;
      this.canary = canary;
      this.before = new String[] {cluster.lastAction, cluster.lastActionState, cluster.lastActionDescription};
    }
  }

  final String uuid = UUID.randomUUID().toString();
  final int maxInFlight;
  final List<Entry> entries = new ArrayList<>();
  final Deque<Entry> canaries = new ArrayDeque<>();
  final Deque<Entry> others = new ArrayDeque<>();
  String status = "not started";
  Instant start;
  Instant end;
  int running;
  boolean cancelRequested;

  UpgradeTask(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  void add(SimCluster cluster, boolean canary) {
    Entry e = new Entry(cluster, canary);
    entries.add(e);
    (canary ? canaries : others).add(e);
  }

  /** Entries that will never start: their clusters get their previous state back. */
  void dropQueued() {
    for (Deque<Entry> queue : List.of(canaries, others)) {
      for (Entry e : queue) {
        e.cluster.action(e.before[0], e.before[1], e.before[2]);
      }
      queue.clear();
    }
  }

  boolean finished() {
    return status.equals("done") || status.equals("canceled");
  }

  /**
   * TaskInfo. start_time/end_time are epoch SECONDS (units [unconfirmed]; the documented sample 1571079600 is
   * seconds) and 0 while unset, as in the sample's end_time of a failed canary.
   */
  Map<String, Object> toJson() {
    return obj("uuid", uuid, "type", "UPGRADE", "status", status,
        "start_time", start == null ? 0 : start.getEpochSecond(), "end_time", end == null ? 0 : end.getEpochSecond(),
        "clusters", entries.stream().map(e -> obj("cluster_name", e.cluster.name, "last_action", SimCluster.UPGRADE,
            "last_action_state", e.state, "start_time", e.start == null ? 0 : e.start.getEpochSecond(),
            "end_time", e.end == null ? 0 : e.end.getEpochSecond(), "is_canary", e.canary)).toList());
  }
}
