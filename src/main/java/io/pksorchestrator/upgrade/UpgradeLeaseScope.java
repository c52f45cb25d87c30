package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OutcomeWriter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The upgrade's part in the shared lease steps: which clusters it leases (every selected cluster, from approval until
 * each is verified) and the outcome when an operator stops waiting for another operation's lease.
 */
@Component("upgradeLeaseScope")
public class UpgradeLeaseScope {

  /** Input {@code leaseClusters} of Task_AcquireClusterLease: the selected clusters, comma-separated. */
  public String clusters(DelegateExecution ex) {
    return String.join(",", UpgradeStateStore.read(ex).clusters.stream().map(c -> c.name).toList());
  }

  /** Start listener of Event_ClusterBusy: nothing was staged or upgraded. */
  public void stopped(DelegateExecution ex) {
    OutcomeWriter.write(ex, OperationOutcome.CLUSTER_BUSY, "Upgrade stopped before any change: "
        + ex.getVariable(ClusterLeaseModel.LEASE_BLOCKED_CLUSTER) + " stayed held by "
        + ex.getVariable(ClusterLeaseModel.LEASE_HOLDER) + " and an operator stopped waiting.");
  }
}
