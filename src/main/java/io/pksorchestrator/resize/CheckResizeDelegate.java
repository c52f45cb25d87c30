package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeModel.*;

import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Follows the PKS update: {@code resizeState} becomes {@code in-progress} (poll again), {@code succeeded} (the
 * cluster reports the target) or {@code failed} (PKS failed, the cluster disappeared, or the deadline passed).
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
    String failure = null;
    String state;
    if (found.isEmpty()) {
      failure = "cluster " + r.key() + " disappeared during the resize";
    } else if (found.get().isBusy()) {
      if (pastDeadline(execution)) {
        failure = "PKS did not finish the update of " + r.key() + " before the deadline ("
            + found.get().lastActionState().wire() + ": " + found.get().lastActionDescription() + ")";
      }
    } else if (found.get().lastActionState() == ActionState.FAILED) {
      failure = "PKS reports the update of " + r.key() + " failed: " + found.get().lastActionDescription();
    } else if (found.get().workerInstances() == null || found.get().workerInstances() != r.proposedWorkers()) {
      failure = "PKS reports " + found.get().workerInstances() + " workers for " + r.key() + ", expected "
          + r.proposedWorkers();
    }
    if (failure != null) {
      state = STATE_FAILED;
      execution.setVariable(FAILURE_REASON, failure);
    } else {
      state = found.get().isBusy() ? STATE_IN_PROGRESS : STATE_SUCCEEDED;
    }
    execution.setVariable(RESIZE_STATE, state);
  }

  static boolean pastDeadline(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(RESIZE_DEADLINE);
    return deadline != null && ClockUtil.getCurrentTime().after(deadline);
  }
}
