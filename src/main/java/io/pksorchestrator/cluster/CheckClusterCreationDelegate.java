package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.cluster.ClusterCreationProcess.CreationStatus;
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
 * Reads the cluster's {@code last_action_state} ({@code GET /v1/clusters/{name}}) and classifies the creation as
 * in progress, succeeded, failed, or past its deadline ({@code creationStatus}); on failure or deadline it
 * writes {@code failureReason} for the operator. A 404 before {@code registrationDeadline} is "not registered
 * yet" (PKS may not show a new cluster at once), after it "the cluster no longer exists".
 */
@Component("checkClusterCreationDelegate")
public class CheckClusterCreationDelegate implements JavaDelegate {

  private final PksGateway pks;

  public CheckClusterCreationDelegate(PksGateway pks) {
    this.pks = pks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    Optional<PksCluster> cluster;
    try {
      cluster = pks.cluster(r.foundation(), r.clusterName());
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Checking the creation progress of " + r.describe(),
          "that the PKS API is reachable and its client credentials are valid.", e);
    }
    if (cluster.isEmpty() && beforeRegistrationDeadline(execution)) {
      // PKS may answer 404 for a few polls after the create request (not registered yet): poll again
      execution.setVariable(CREATION_STATUS, CreationStatus.IN_PROGRESS);
      return;
    }
    if (cluster.isEmpty()) {
      execution.setVariable(CLUSTER_STATE, null);
      fail(execution, CreationStatus.FAILED, "The cluster no longer exists on the foundation (someone deleted it"
          + " while it was being created).");
      return;
    }
    PksCluster c = cluster.get();
    execution.setVariable(CLUSTER_STATE, c.lastActionState() == null ? null : c.lastActionState().wire());
    execution.setVariable(LAST_ACTION_DESCRIPTION, c.lastActionDescription());
    if (c.lastActionState() == ActionState.SUCCEEDED) {
      execution.setVariable(CREATION_STATUS, CreationStatus.SUCCEEDED);
    } else if (c.lastActionState() == ActionState.FAILED) {
      fail(execution, CreationStatus.FAILED, "PKS reports the creation failed: " + c.lastActionDescription());
    } else if (FoundationWait.isPast((Date) execution.getVariable(CREATION_DEADLINE))) {
      fail(execution, CreationStatus.DEADLINE_PASSED, "The creation did not finish before its deadline "
          + execution.getVariable(CREATION_DEADLINE) + "; last state '" + execution.getVariable(CLUSTER_STATE) + "': "
          + c.lastActionDescription());
    } else {
      execution.setVariable(CREATION_STATUS, CreationStatus.IN_PROGRESS);
    }
  }

  /** Whether PKS may still not show the action just requested ({@code registrationDeadline}). */
  static boolean beforeRegistrationDeadline(DelegateExecution execution) {
    return FoundationWait.isWithin((Date) execution.getVariable(REGISTRATION_DEADLINE));
  }

  private static void fail(DelegateExecution execution, String status, String reason) {
    execution.setVariable(CREATION_STATUS, status);
    execution.setVariable(FAILURE_REASON, reason);
  }
}
