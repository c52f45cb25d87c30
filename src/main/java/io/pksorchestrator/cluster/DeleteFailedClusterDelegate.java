package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.platform.pks.PksGateway;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts deleting the failed cluster ({@code DELETE /v1/clusters/{name}}; a cluster that is already gone counts
 * as deleted, so a repeated run is harmless) and sets the deletion deadline. Only reached for a cluster this
 * request created: a name taken by a different cluster ends the process before any creation.
 */
@Component("deleteFailedClusterDelegate")
public class DeleteFailedClusterDelegate implements JavaDelegate {

  private final PksGateway pks;
  private final ClusterCreationSettings settings;

  public DeleteFailedClusterDelegate(PksGateway pks, ClusterCreationSettings settings) {
    this.pks = pks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    try {
      pks.deleteCluster(r.foundation(), r.clusterName());
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Deleting the failed " + r.describe(),
          "that the PKS API is reachable and the cluster is not busy with another action (tkgi cluster "
          + r.clusterName() + ").", e);
    }
    execution.setVariable(POLL_INTERVAL, settings.pollInterval(r.foundation()));
    execution.setVariable(DELETION_DEADLINE, settings.deletionDeadline(r.foundation()));
    execution.setVariable(REGISTRATION_DEADLINE, settings.registrationDeadline(r.foundation()));
  }
}
