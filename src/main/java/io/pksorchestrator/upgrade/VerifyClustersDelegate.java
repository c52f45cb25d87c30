package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_VerifyClusters / Task_VerifyAbortedClusters: settles the batch. A cluster PKS upgraded is verified
 * ({@link ClusterVerifier}); one PKS failed is recorded failed; one that never started (cancelled while queued) is
 * pending again. Sets {@code canaryFailed} when a canary batch failed. Releases the lease of every cluster it is
 * done with (upgraded, or failed and not a canary). Re-running gives the same result.
 */
@Component("verifyClustersDelegate")
public class VerifyClustersDelegate implements JavaDelegate {

  private final ClusterVerifier verifier;
  private final PksGateway pks;
  private final ClusterLeases leases;

  public VerifyClustersDelegate(ClusterVerifier verifier, PksGateway pks, ClusterLeases leases) {
    this.verifier = verifier;
    this.pks = pks;
    this.leases = leases;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    boolean canaryFailed = false;
    for (String name : s.batch) {
      ClusterEntry e = s.cluster(name).orElseThrow();
      if (ActionState.SUCCEEDED.wire().equals(e.taskState)) {
        List<String> problems = verifier.verify(s.foundation, e, s.stemcellVersion);
        e.status = problems.isEmpty() ? ClusterStatus.UPGRADED : ClusterStatus.FAILED;
        e.detail = problems.isEmpty() ? null : "Verification failed: " + String.join("; ", problems);
      } else if (ActionState.FAILED.wire().equals(e.taskState)) {
        e.status = ClusterStatus.FAILED;
        if (e.detail == null) {
          e.detail = "PKS upgrade failed: " + pks.cluster(s.foundation, name)
              .map(PksCluster::lastActionDescription).orElse("cluster not found");
        }
      } else {
        e.status = ClusterStatus.PENDING;
        e.startedAt = null;
        e.finishedAt = null;
        e.taskState = null;
      }
      canaryFailed |= e.canary && e.status == ClusterStatus.FAILED;
      // verified: the upgrade is done with this cluster (a failed canary stays held: the operator may retry it)
      if (e.status == ClusterStatus.UPGRADED || (e.status == ClusterStatus.FAILED && !e.canary)) {
        leases.release(s.foundation, name, ex.getProcessInstanceId());
      }
    }
    if (canaryFailed) {
      ex.setVariable(Variables.CANARY_FAILURE_REPORT, OperatorReports.canaryFailure(s, s.batch));
    }
    s.batch = List.of();
    ex.setVariable(Variables.CANARY_FAILED, canaryFailed);
    ex.removeVariable(Variables.UPGRADE_TASK_ID);
    UpgradeStateStore.write(ex, s);
  }
}
