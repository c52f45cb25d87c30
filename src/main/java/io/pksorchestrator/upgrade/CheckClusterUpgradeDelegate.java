package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.StopReason;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckClusterUpgrade / Task_CheckAbortedUpgrade: follows the PKS upgrade task. When the maintenance window
 * has closed while clusters are still queued, cancels the task once (PKS skips queued clusters, running ones
 * finish). Sets {@code batchSettled}; past the batch deadline, clusters still upgrading are marked failed.
 */
@Component("checkClusterUpgradeDelegate")
public class CheckClusterUpgradeDelegate implements JavaDelegate {

  private final PksGateway pks;

  public CheckClusterUpgradeDelegate(PksGateway pks) {
    this.pks = pks;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    String taskId = string(ex, Variables.UPGRADE_TASK_ID);
    UpgradeTask task = pks.task(s.foundation, taskId);
    boolean settled = UpgradeTaskFollower.follow(s, task);
    boolean queued = task.clusters() != null && task.clusters().stream()
        .anyMatch(c -> c.lastActionState() == ActionState.QUEUED);
    if (!settled && queued && s.cancelReason == null && MaintenanceWindow.hasClosed(ex.getVariable(Variables.WINDOW_END))) {
      pks.cancelTask(s.foundation, taskId);
      s.cancelReason = StopReason.WINDOW_CLOSED;
    }
    if (!settled && FoundationWait.isReached(string(ex, Variables.BATCH_DEADLINE))) {
      for (String name : s.batch) {
        s.cluster(name).filter(c -> "in progress".equals(c.taskState)).ifPresent(CheckClusterUpgradeDelegate::late);
      }
      settled = true;
    }
    ex.setVariable(Variables.BATCH_SETTLED, settled);
    UpgradeStateStore.write(ex, s);
  }

  private static void late(ClusterEntry c) {
    c.taskState = ActionState.FAILED.wire();
    c.finishedAt = MaintenanceWindow.now().toString();
    c.detail = "Still upgrading at the batch deadline (pkso.upgrade.cluster-upgrade-timeout); check the cluster"
        + " in PKS and BOSH";
  }
}
