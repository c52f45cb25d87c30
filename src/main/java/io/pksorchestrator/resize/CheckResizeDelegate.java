package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

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
 * Follows the PKS update: {@code resizeState} becomes {@code in-progress} (poll again), {@code succeeded} (the
 * cluster reports the target) or {@code failed} (PKS failed, the cluster disappeared, or a deadline passed).
 *
 * <p>PKS does not register an action at once: for a while after the PATCH the cluster may still show its
 * previous action and worker count (the Terraform provider for PKS tolerates a few such polls). Until
 * {@code resizeRegistrationDeadline} ({@code pkso.resize.registration-timeout}) the check therefore judges
 * nothing but a registered update: {@code last_action} {@code UPDATE} and either still running or reporting
 * the target worker count. Anything else (the previous action, an earlier UPDATE with another count, even an
 * earlier failed UPDATE, or a missing cluster) means "not registered yet, poll again". When the deadline
 * passes without registration the resize fails with a reason that names the action PKS still shows.
 */
@Component("checkResizeDelegate")
public class CheckResizeDelegate implements JavaDelegate {

  private final PksGateway pks;

  public CheckResizeDelegate(PksGateway pks) {
    this.pks = pks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResizeRequest r = ResizeRequest.of(execution);
    Optional<PksCluster> found = pks.cluster(r.foundation(), r.cluster());
    boolean registered = found.map(c -> registered(c, r.proposedWorkers())).orElse(false);
    String failure = null;
    String state = ResizeState.IN_PROGRESS;
    if (!registered && beforeRegistrationDeadline(execution)) {
      state = ResizeState.IN_PROGRESS; // PKS may not show the update yet: judge nothing
    } else if (found.isEmpty()) {
      failure = "cluster " + r.key() + " disappeared during the resize";
    } else if (!"UPDATE".equalsIgnoreCase(found.get().lastAction())) {
      failure = "PKS did not register the update of " + r.key() + " within the registration timeout"
          + " (pkso.resize.registration-timeout): the cluster still shows " + found.get().lastAction() + " "
          + wire(found.get()) + "; check 'tkgi cluster " + r.cluster() + "' and resize again";
    } else if (found.get().isBusy()) {
      if (pastDeadline(execution)) {
        failure = "PKS did not finish the update of " + r.key() + " before the deadline ("
            + wire(found.get()) + ": " + found.get().lastActionDescription() + ")";
      }
    } else if (found.get().lastActionState() == ActionState.FAILED) {
      failure = "PKS reports the update of " + r.key() + " failed: " + found.get().lastActionDescription();
    } else if (found.get().workerInstances() == null || found.get().workerInstances() != r.proposedWorkers()) {
      failure = "PKS reports " + found.get().workerInstances() + " workers for " + r.key() + ", expected "
          + r.proposedWorkers();
    } else {
      state = ResizeState.SUCCEEDED;
    }
    if (failure != null) {
      state = ResizeState.FAILED;
      execution.setVariable(FAILURE_REASON, failure);
    }
    execution.setVariable(RESIZE_STATE, state);
  }

  /** Our UPDATE is visible: UPDATE and still running, or finished with the target count. */
  static boolean registered(PksCluster c, int target) {
    return "UPDATE".equalsIgnoreCase(c.lastAction())
        && (c.isBusy() || (c.workerInstances() != null && c.workerInstances() == target));
  }

  private static String wire(PksCluster c) {
    return c.lastActionState() == null ? "unknown" : c.lastActionState().wire();
  }

  static boolean beforeRegistrationDeadline(DelegateExecution execution) {
    return FoundationWait.isWithin((Date) execution.getVariable(RESIZE_REGISTRATION_DEADLINE));
  }

  static boolean pastDeadline(DelegateExecution execution) {
    return FoundationWait.isPast((Date) execution.getVariable(RESIZE_DEADLINE));
  }
}
