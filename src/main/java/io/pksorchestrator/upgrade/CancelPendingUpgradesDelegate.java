package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.StopReason;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CancelPendingUpgrades (abort): cancels the running PKS upgrade task, if any, so queued clusters are skipped
 * while running ones finish; sets {@code batchSettled} and {@code stopReason=aborted}. Cancelling twice is harmless.
 */
@Component("cancelPendingUpgradesDelegate")
public class CancelPendingUpgradesDelegate implements JavaDelegate {

  private final PksGateway pks;
  private final Foundations foundations;
  private final UpgradeProperties properties;

  public CancelPendingUpgradesDelegate(PksGateway pks, Foundations foundations, UpgradeProperties properties) {
    this.pks = pks;
    this.foundations = foundations;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution ex) {
    ex.setVariable(Variables.STOP_REASON, StopReason.ABORTED);
    String taskId = string(ex, Variables.UPGRADE_TASK_ID);
    if (taskId == null) {
      ex.setVariable(Variables.BATCH_SETTLED, true);
      return;
    }
    UpgradeState s = UpgradeStateStore.read(ex);
    UpgradeTask task = pks.task(s.foundation, taskId);
    if (!task.isFinished()) {
      task = pks.cancelTask(s.foundation, taskId);
    }
    s.cancelReason = StopReason.ABORTED;
    ex.setVariable(Variables.BATCH_SETTLED, UpgradeTaskFollower.follow(s, task));
    ex.setVariable(Variables.CLUSTER_POLL_WAIT,
        FoundationWait.pollWait(foundations, s.foundation, properties.getClusterPollInterval()));
    UpgradeStateStore.write(ex, s);
  }
}
