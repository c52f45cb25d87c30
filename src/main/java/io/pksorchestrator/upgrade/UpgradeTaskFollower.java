package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;

/** Copies a PKS upgrade task's per-cluster progress into the upgrade state, with observed start and end times. */
final class UpgradeTaskFollower {

  private UpgradeTaskFollower() {}

  /** Updates the entries of the task's clusters; returns whether the task is settled (nothing runs any more). */
  static boolean follow(UpgradeState s, UpgradeTask task) {
    String now = MaintenanceWindow.now().toString();
    boolean running = false;
    for (UpgradeTask.ClusterUpgrade cu : task.clusters() == null ? java.util.List.<UpgradeTask.ClusterUpgrade>of()
        : task.clusters()) {
      ClusterEntry e = s.cluster(cu.clusterName()).orElse(null);
      ActionState st = cu.lastActionState();
      if (e == null || st == null) {
        continue;
      }
      // PKS reports a queued cluster with its previous action; only UPGRADE states count.
      boolean upgradeState = "UPGRADE".equalsIgnoreCase(cu.lastAction()) || cu.lastAction() == null;
      if (!upgradeState) {
        continue;
      }
      e.taskState = st.wire();
      if (st == ActionState.IN_PROGRESS) {
        running = true;
        if (e.startedAt == null) {
          e.startedAt = now;
        }
      } else if (st.isFinal()) {
        if (e.startedAt == null) {
          e.startedAt = now;
        }
        if (e.finishedAt == null) {
          e.finishedAt = now;
        }
      }
    }
    return task.isFinished() && !running;
  }
}
