package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Process start listener. Business key, when the starter gave none: the ticket id, else
 * {@code <foundation>/stemcell-<version>}, so that {@code Msg_AbortUpgrade} can be correlated by business key.
 * {@code requestedBy}, when absent: the authenticated user who started the instance (Tasklist start form), so the
 * four-eyes rule has someone to compare against.
 */
@Component("upgradeStartListener")
public class UpgradeStartListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution ex) {
    if (ex.getProcessBusinessKey() == null || ex.getProcessBusinessKey().isBlank()) {
      Object ticket = ex.getVariable(OperationVariables.TICKET_ID);
      ex.setProcessBusinessKey(ticket != null && !ticket.toString().isBlank() ? ticket.toString().trim()
          : ex.getVariable(OperationVariables.FOUNDATION) + "/stemcell-" + ex.getVariable(Variables.STEMCELL_VERSION));
    }
    Object requester = ex.getVariable(OperationVariables.REQUESTED_BY);
    if (requester == null || requester.toString().isBlank()) {
      Authentication auth = ex.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (auth != null && auth.getUserId() != null) {
        ex.setVariable(OperationVariables.REQUESTED_BY, auth.getUserId());
      }
    }
  }
}
