package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks PKS for the new worker count ({@code PATCH /v1/clusters/{name}}) and sets the deadline and poll interval
 * of the follow-up loop. Idempotent: when the cluster already has, or is being updated to, the target, it does
 * not PATCH again (the job may run twice). PKS refusing the request is the modelled error
 * {@code RESIZE_REJECTED}; anything else is left to job retries.
 */
@Component("resizeClusterDelegate")
public class ResizeClusterDelegate implements JavaDelegate {

  private final PksGateway pks;
  private final Foundations foundations;
  private final ResizeProperties settings;

  public ResizeClusterDelegate(PksGateway pks, Foundations foundations, ResizeProperties settings) {
    this.pks = pks;
    this.foundations = foundations;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResizeRequest r = ResizeRequest.of(execution);
    Optional<PksCluster> cluster = pks.cluster(r.foundation(), r.cluster());
    if (!alreadyRequested(cluster, r.proposedWorkers())) {
      try {
        pks.resizeCluster(r.foundation(), r.cluster(), r.proposedWorkers());
      } catch (FoundationRejectedException e) {
        String why = "PKS refused to resize " + r.key() + " to " + r.proposedWorkers() + " workers (HTTP "
            + e.status() + "): " + (e.detail() == null || e.detail().isBlank() ? e.getMessage() : e.detail());
        execution.setVariable(FAILURE_REASON, why);
        throw new BpmnError(Errors.RESIZE_REJECTED, why);
      }
    }
    execution.setVariable(RESIZE_REGISTRATION_DEADLINE,
        FoundationWait.deadlineDate(foundations, r.foundation(), settings.getRegistrationTimeout()));
    execution.setVariable(RESIZE_DEADLINE,
        FoundationWait.deadlineDate(foundations, r.foundation(), settings.getResizeTimeout()));
    execution.setVariable(RESIZE_POLL_WAIT,
        FoundationWait.pollWait(foundations, r.foundation(), settings.getResizePollInterval()));
  }

  private static boolean alreadyRequested(Optional<PksCluster> cluster, int target) {
    return cluster.filter(c -> Objects.equals(c.workerInstances(), target))
        .filter(c -> c.lastActionState() != ActionState.FAILED)
        .isPresent();
  }
}
