package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.cluster.ClusterCreationProcess.DeletionStatus;
import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks whether the deleted cluster is gone ({@code GET /v1/clusters/{name}} answers 404). A failed deletion, one
 * past its deadline, or one PKS never registered (still another action after {@code registrationDeadline}) is
 * {@code stuck}: the operator is asked again, with the reason in {@code failureReason}. Before the registration
 * deadline the previous action (even an earlier failed DELETE) is not judged.
 */
@Component("checkClusterDeletionDelegate")
public class CheckClusterDeletionDelegate implements JavaDelegate {

  private final PksGateway pks;

  public CheckClusterDeletionDelegate(PksGateway pks) {
    this.pks = pks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    Optional<PksCluster> cluster;
    try {
      cluster = pks.cluster(r.foundation(), r.clusterName());
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Checking the deletion progress of " + r.describe(),
          "that the PKS API is reachable and its client credentials are valid.", e);
    }
    if (cluster.isEmpty()) {
      execution.setVariable(DELETION_STATUS, DeletionStatus.GONE);
      return;
    }
    PksCluster c = cluster.get();
    execution.setVariable(LAST_ACTION_DESCRIPTION, c.lastActionDescription());
    boolean deleting = "DELETE".equals(c.lastAction()) && c.isBusy();
    if (!deleting && CheckClusterCreationDelegate.beforeRegistrationDeadline(execution)) {
      // PKS may show the previous action (even an earlier failed DELETE) for a while: judge nothing yet
      execution.setVariable(DELETION_STATUS, DeletionStatus.IN_PROGRESS);
    } else if (!"DELETE".equals(c.lastAction()) && execution.getVariable(REGISTRATION_DEADLINE) != null) {
      stuck(execution, "PKS did not register the deletion within pkso.cluster-creation.registration-timeout: the"
          + " cluster still shows " + c.lastAction() + " " + (c.lastActionState() == null ? "unknown"
          : c.lastActionState().wire()) + "; delete it again or check 'tkgi cluster " + r.clusterName() + "'");
    } else if (c.lastActionState() == ActionState.FAILED) {
      stuck(execution, "Deleting the failed cluster failed: " + c.lastActionDescription());
    } else if (FoundationWait.isPast((Date) execution.getVariable(DELETION_DEADLINE))) {
      stuck(execution, "Deleting the failed cluster did not finish before its deadline "
          + execution.getVariable(DELETION_DEADLINE) + "; last action " + c.lastAction() + ": "
          + c.lastActionDescription());
    } else {
      execution.setVariable(DELETION_STATUS, DeletionStatus.IN_PROGRESS);
    }
  }

  private static void stuck(DelegateExecution execution, String reason) {
    execution.setVariable(DELETION_STATUS, DeletionStatus.STUCK);
    execution.setVariable(FAILURE_REASON, reason);
  }
}
