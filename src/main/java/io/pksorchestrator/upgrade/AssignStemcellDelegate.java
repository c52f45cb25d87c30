package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AssignStemcell: stages the target stemcell for the PKS tile (associations or assignments, chosen by the
 * gateway from the Ops Manager version). Replacing with the same stemcell is harmless, so it is idempotent. Marks
 * the start of staging, which tells Task_ApplyChanges whether a running installation is ours.
 */
@Component("assignStemcellDelegate")
public class AssignStemcellDelegate implements JavaDelegate {

  private final OpsManagerGateway opsManager;

  public AssignStemcellDelegate(OpsManagerGateway opsManager) {
    this.opsManager = opsManager;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    opsManager.assignStemcell(s.foundation, s.pksGuid, new OmStemcell(s.stemcellOs, s.stemcellVersion));
    ex.setVariable(Variables.STAGING_STARTED_AT, MaintenanceWindow.now().toString());
  }
}
