package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInstance;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Verifies in BOSH that the cluster's deployment has exactly the target number of {@code worker} instances and
 * all of them running: {@code workersState} {@code running}, {@code starting} (poll again) or {@code failed}
 * (deadline passed).
 */
@Component("verifyWorkersDelegate")
public class VerifyWorkersDelegate implements JavaDelegate {

  static final String WORKER_GROUP = "worker";

  private final BoshGateway bosh;

  public VerifyWorkersDelegate(BoshGateway bosh) {
    this.bosh = bosh;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResizeRequest r = ResizeRequest.of(execution);
    String deployment = (String) execution.getVariable(BOSH_DEPLOYMENT);
    List<BoshInstance> workers = bosh.instanceDetails(r.foundation(), deployment).stream()
        .filter(i -> WORKER_GROUP.equals(i.group())).toList();
    long running = workers.stream().filter(BoshInstance::isRunning).count();
    execution.setVariable(RUNNING_WORKERS, (int) running);
    String state;
    if (running == r.proposedWorkers() && workers.size() == r.proposedWorkers()) {
      state = WorkersState.RUNNING;
    } else if (CheckResizeDelegate.pastDeadline(execution)) {
      state = ResizeState.FAILED;
      execution.setVariable(FAILURE_REASON, "BOSH deployment " + deployment + " has " + running + " of "
          + workers.size() + " worker instances running, expected " + r.proposedWorkers()
          + " before the deadline; check `bosh -d " + deployment + " instances`");
    } else {
      state = WorkersState.STARTING;
    }
    execution.setVariable(WORKERS_STATE, state);
  }
}
