package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import java.time.Instant;
import java.util.List;

/**
 * Copies a PKS upgrade task's per-cluster progress into the upgrade state. Start and end times are the foundation's
 * ({@code start_time}/{@code end_time} of PKS's {@code ClusterUpgradeInfo}); only where PKS gives none (0 or absent)
 * the moment the orchestrator noticed stands in.
 */
final class UpgradeTaskFollower {

  /** Above this, a PKS timestamp is read as epoch milliseconds, below as seconds (the unit is not documented). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private UpgradeTaskFollower() {}

  /** Updates the entries of the task's clusters; returns whether the task is settled (nothing runs any more). */
  static boolean follow(UpgradeState s, UpgradeTask task) {
    String now = MaintenanceWindow.now().toString();
    boolean running = false;
    for (UpgradeTask.ClusterUpgrade cu : task.clusters() == null ? List.<UpgradeTask.ClusterUpgrade>of()
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
      String started = foundationTime(cu.startTime());
      String ended = foundationTime(cu.endTime());
      if (st == ActionState.IN_PROGRESS) {
        running = true;
        if (e.startedAt == null || started != null) {
          e.startedAt = started != null ? started : now;
        }
      } else if (st.isFinal()) {
        if (e.startedAt == null || started != null) {
          e.startedAt = started != null ? started : now;
        }
        if (e.finishedAt == null || ended != null) {
          e.finishedAt = ended != null ? ended : now;
        }
      }
    }
    return task.isFinished() && !running;
  }

  /** A PKS timestamp as an ISO instant; null when PKS gives none (0 or absent). */
  static String foundationTime(Long epoch) {
    if (epoch == null || epoch <= 0) {
      return null;
    }
    return (epoch >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch)).toString();
  }
}
