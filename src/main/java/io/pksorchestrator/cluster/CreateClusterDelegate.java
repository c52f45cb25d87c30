package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.platform.pks.CreateClusterSpec;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the creation ({@code POST /v1/clusters}) idempotently. The job may run more than once (a retry after a
 * lost response, a job that outlived its lock), so it first looks the cluster up: if it exists and is ours (our
 * request tag, or, when the foundation returns no tags, our plan, hostname and worker count) it continues with
 * it; if a different cluster has the name it throws {@value ClusterCreationProcess.Errors#NAME_TAKEN} and never
 * touches that cluster; only when no cluster has the name does it create one. Writes the cluster uuid, the poll
 * interval and the creation deadline.
 */
@Component("createClusterDelegate")
public class CreateClusterDelegate implements JavaDelegate {

  /** Cluster tag naming the process instance that created the cluster. */
  public static final String REQUEST_TAG = "pkso-request";
  /** Cluster tag marking clusters created by this orchestrator. */
  public static final String CREATED_BY_TAG = "created-by";

  private final PksGateway pks;
  private final ClusterCreationSettings settings;

  public CreateClusterDelegate(PksGateway pks, ClusterCreationSettings settings) {
    this.pks = pks;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    int expectedWorkers = ((Number) execution.getVariable(EXPECTED_WORKER_COUNT)).intValue();
    String marker = execution.getProcessInstanceId();
    PksCluster cluster;
    try {
      Optional<PksCluster> existing = pks.cluster(r.foundation(), r.clusterName());
      if (existing.isPresent()) {
        if (!isOurs(existing.get(), r, expectedWorkers, marker)) {
          throw new BpmnError(ClusterCreationProcess.Errors.NAME_TAKEN, describeConflict(existing.get(), r));
        }
        cluster = existing.get(); // an earlier attempt created it; its response was lost
      } else {
        cluster = pks.createCluster(r.foundation(), new CreateClusterSpec(r.clusterName(), r.planName(),
            r.externalHostname(), r.workerCount(), Map.of(REQUEST_TAG, marker, CREATED_BY_TAG, "pks-orchestrator")));
      }
    } catch (BpmnError e) {
      throw e;
    } catch (RuntimeException e) {
      throw ClusterCreationIncident.of("Creating " + r.describe() + " (plan " + r.planName() + ")",
          "that the PKS API is reachable, the client may create clusters and the plan's quota allows another"
          + " cluster.", e);
    }
    execution.setVariable(CLUSTER_UUID, cluster.uuid());
    execution.setVariable(CLUSTER_STATE, cluster.lastActionState() == null ? null : cluster.lastActionState().wire());
    execution.setVariable(LAST_ACTION_DESCRIPTION, cluster.lastActionDescription());
    execution.setVariable(POLL_INTERVAL, settings.pollInterval(r.foundation()));
    execution.setVariable(CREATION_DEADLINE, settings.creationDeadline(r.foundation()));
    execution.setVariable(REGISTRATION_DEADLINE, settings.registrationDeadline(r.foundation()));
  }

  /** Ours when it carries our request tag; without tags, when it matches our request exactly. */
  static boolean isOurs(PksCluster c, ClusterRequest r, int expectedWorkers, String marker) {
    if (c.tags() != null && c.tags().containsKey(REQUEST_TAG)) {
      return marker.equals(c.tags().get(REQUEST_TAG));
    }
    return r.planName().equals(c.planName())
        && r.externalHostname().equalsIgnoreCase(c.masterHost())
        && (c.workerInstances() == null || c.workerInstances() == expectedWorkers)
        && "CREATE".equals(c.lastAction());
  }

  private static String describeConflict(PksCluster c, ClusterRequest r) {
    return "A different cluster named '" + r.clusterName() + "' exists on foundation '" + r.foundation()
        + "' (uuid " + c.uuid() + ", plan " + c.planName() + ", host " + c.masterHost() + ", workers "
        + c.workerInstances() + ", last action " + c.lastAction() + "); it was not created by this request and is"
        + " left untouched. Choose another name.";
  }
}
