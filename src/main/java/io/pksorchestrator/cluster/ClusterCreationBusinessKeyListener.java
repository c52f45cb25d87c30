package io.pksorchestrator.cluster;

import io.pksorchestrator.operations.OperationVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process start listener: gives the instance its business key (the ticket id when given, else the cluster name)
 * when the starter did not set one, so Cockpit, Tasklist and the ticketing API find it by that key. When the
 * request names no requester but was started by a logged-in user (Tasklist start form), that user is the
 * requester, so the four-eyes rule applies to them.
 */
@Component("clusterCreationBusinessKeyListener")
public class ClusterCreationBusinessKeyListener implements ExecutionListener {

  /** Variable the start event's {@code camunda:initiator} fills with the authenticated starter. */
  static final String STARTED_BY = "startedBy";

  @Override
  public void notify(DelegateExecution execution) {
    Object starter = execution.getVariable(STARTED_BY);
    Object requester = execution.getVariable(OperationVariables.REQUESTED_BY);
    if ((requester == null || requester.toString().isBlank()) && starter != null) {
      execution.setVariable(OperationVariables.REQUESTED_BY, starter.toString());
    }
    if (execution.getProcessBusinessKey() != null && !execution.getProcessBusinessKey().isBlank()) {
      return;
    }
    String key = ClusterRequest.from(execution).businessKey();
    if (key != null) {
      execution.setProcessBusinessKey(key);
    }
  }
}
