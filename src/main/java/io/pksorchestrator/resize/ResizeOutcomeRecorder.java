package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OutcomeWriter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Called by each end event of PredictiveResizeProcess ({@code ${resizeOutcome.end(execution, 'resized')}}): sets
 * {@code outcome} and a one-line {@code outcomeMessage}, and records the outcome for the accuracy report.
 */
@Component("resizeOutcome")
public class ResizeOutcomeRecorder {

  private final ResizeOutcomeStore store;

  public ResizeOutcomeRecorder(ResizeOutcomeStore store) {
    this.store = store;
  }

  /** Ends the resize with the given {@link OperationOutcome} value. */
  public void end(DelegateExecution execution, String outcomeValue) {
    OperationOutcome outcome = OperationOutcome.fromValue(outcomeValue);
    ResizeRequest r = ResizeRequest.of(execution);
    String message = message(outcome, r, execution);
    OutcomeWriter.write(execution, outcome, message);
    Object upper = execution.getVariable(FORECAST_UPPER_CORES);
    store.record(new ResizeOutcomeRecord(execution.getProcessInstanceId(), r.foundation(), r.cluster(),
        ClockUtil.getCurrentTime().toInstant(), r.proposedAt() == null ? null : r.proposedAt().toInstant(),
        r.currentWorkers(), r.proposedWorkers(), r.trigger(),
        upper instanceof Number n ? n.doubleValue() : null, outcome.value(), message));
  }

  private static String message(OperationOutcome outcome, ResizeRequest r, DelegateExecution ex) {
    String change = r.key() + " from " + r.currentWorkers() + " to " + r.proposedWorkers() + " workers";
    return switch (outcome) {
      case RESIZED -> "Resized " + change + "; " + ex.getVariable(RUNNING_WORKERS) + " workers running in BOSH.";
      case NOT_APPROVED -> "Resize of " + change + " was not approved"
          + comment(ex.getVariable(OperationVariables.DECISION_COMMENT)) + "; nothing changed.";
      case APPROVAL_EXPIRED -> "Nobody decided the resize of " + change
          + " in time; nothing changed (a scale-up is left to the reactive path).";
      case STALE -> "Proposal to resize " + change + " was stale: " + ex.getVariable(STALE_REASON)
          + "; nothing changed.";
      case CLUSTER_BUSY -> "Resize of " + change + " stopped waiting for "
          + ex.getVariable(ClusterLeaseModel.LEASE_HOLDER) + ", which holds the cluster; nothing changed.";
      default -> "Resize of " + change + " failed: " + ex.getVariable(FAILURE_REASON);
    };
  }

  private static String comment(Object c) {
    return c == null || c.toString().isBlank() ? "" : " (" + c + ")";
  }
}
