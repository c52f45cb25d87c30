package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.CLUSTER_NAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.EXTERNAL_HOSTNAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.PLAN_NAME;
import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.WORKER_COUNT;

import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.WholeNumbers;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A cluster creation request as given by the start variables.
 *
 * @param workerCount {@code null} means the plan's default
 */
public record ClusterRequest(String foundation, String clusterName, String planName, Integer workerCount,
    String externalHostname, String requestedBy, String ticketId) {

  /** Reads the request from the process variables; a malformed worker count is kept as a rejection reason later. */
  public static ClusterRequest from(VariableScope scope) {
    return new ClusterRequest(text(scope, OperationVariables.FOUNDATION), text(scope, CLUSTER_NAME),
        text(scope, PLAN_NAME), workerCount(scope.getVariable(WORKER_COUNT)), text(scope, EXTERNAL_HOSTNAME),
        text(scope, OperationVariables.REQUESTED_BY), text(scope, OperationVariables.TICKET_ID));
  }

  /** Business key of the process instance: the ticket id when given, else the cluster name. */
  public String businessKey() {
    return ticketId != null ? ticketId : clusterName;
  }

  /** Short description for messages: {@code cluster 'x' on foundation 'y'}. */
  public String describe() {
    return "cluster '" + clusterName + "' on foundation '" + foundation + "'";
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }

  /**
   * Accepts whole numbers of any type (REST clients send Long or Integer; forms send Long or Double) and numeric
   * strings ({@link WholeNumbers}); anything else becomes {@link Integer#MIN_VALUE} so validation reports it.
   */
  static Integer workerCount(Object value) {
    return WholeNumbers.parse(value);
  }
}
