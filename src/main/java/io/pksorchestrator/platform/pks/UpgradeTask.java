package io.pksorchestrator.platform.pks;

import java.util.List;

/**
 * A PKS multi-cluster upgrade task ({@code TaskInfo}).
 *
 * @param status {@code not started}, {@code in progress}, {@code canceled} or {@code done}
 */
public record UpgradeTask(String uuid, String type, String status, List<ClusterUpgrade> clusters, Long startTime,
    Long endTime) {

  /** One cluster's progress within the task ({@code ClusterUpgradeInfo}). */
  public record ClusterUpgrade(String clusterName, String lastAction, ActionState lastActionState, Long startTime,
      Long endTime, boolean canary) {}

  public boolean isFinished() {
    return "done".equals(status) || "canceled".equals(status);
  }
}
