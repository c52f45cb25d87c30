package io.pksorchestrator.cluster;

import static io.pksorchestrator.cluster.ClusterCreationProcess.Variables.*;

import io.pksorchestrator.cluster.ClusterCreationProcess.Elements;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OutcomeWriter;
import io.pksorchestrator.operations.RejectionReasons;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the process' end events: writes {@code outcome} and a one-line {@code outcomeMessage} that a
 * ticketing system can show, chosen by the end event that was reached.
 */
@Component("clusterCreationOutcomeListener")
public class ClusterCreationOutcomeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ClusterRequest r = ClusterRequest.from(execution);
    String what = "Cluster '" + r.clusterName() + "' on foundation '" + r.foundation() + "'";
    switch (execution.getCurrentActivityId()) {
      case Elements.END_CREATED -> set(execution, OperationOutcome.CREATED, what + " created with "
          + execution.getVariable(EXPECTED_WORKER_COUNT) + " workers (plan " + r.planName() + ", uuid "
          + execution.getVariable(CLUSTER_UUID) + ", API " + r.externalHostname() + ").");
      case Elements.END_REJECTED -> set(execution, OperationOutcome.REJECTED, what + " rejected: "
          + String.join("; ", RejectionReasons.read(execution.getVariable(REJECTION_REASONS))));
      case Elements.END_NOT_APPROVED -> set(execution, OperationOutcome.NOT_APPROVED, what + " not approved"
          + comment(execution));
      case Elements.END_EXPIRED -> set(execution, OperationOutcome.APPROVAL_EXPIRED, what
          + " not approved in time; the request expired without a decision.");
      case Elements.END_NAME_TAKEN -> set(execution, OperationOutcome.FAILED, what + " not created: "
          + oneLine(execution.getVariable(FAILURE_REASON)));
      case Elements.END_CLUSTER_BUSY -> set(execution, OperationOutcome.CLUSTER_BUSY, what + " not created: "
          + execution.getVariable(ClusterLeaseModel.LEASE_HOLDER) + " held the name and an operator stopped"
          + " waiting; nothing was changed.");
      case Elements.END_KEPT -> set(execution, OperationOutcome.FAILED, what + " creation failed; the cluster is"
          + " kept for investigation: " + oneLine(execution.getVariable(FAILURE_REASON)));
      case Elements.END_DELETED -> set(execution, OperationOutcome.FAILED, what + " creation failed; the failed"
          + " cluster was deleted: " + oneLine(execution.getVariable(FAILURE_REASON)));
      default -> throw new IllegalStateException("No outcome is defined for end event '"
          + execution.getCurrentActivityId() + "' of " + ClusterCreationProcess.KEY);
    }
  }

  private static void set(DelegateExecution execution, OperationOutcome outcome, String message) {
    OutcomeWriter.write(execution, outcome, message);
  }

  private static String comment(DelegateExecution execution) {
    Object comment = execution.getVariable(OperationVariables.DECISION_COMMENT);
    return comment == null || comment.toString().isBlank() ? "." : ": " + oneLine(comment);
  }

  /** Joins lines with "; " so the message stays on one line. */
  static String oneLine(Object text) {
    return text == null ? "" : text.toString().trim().replaceAll("\\s*\\R\\s*", "; ");
  }
}
