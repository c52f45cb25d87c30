package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Re-reads the cluster right before applying: if its size or plan changed since the proposal, it is busy with
 * another action, or the proposal is older than {@code pkso.resize.proposal-max-age} (foundation time), the
 * proposal is stale and nothing is changed.
 */
@Component("checkProposalDelegate")
public class CheckProposalDelegate implements JavaDelegate {

  private final PksGateway pks;
  private final Foundations foundations;
  private final ResizeProperties settings;

  public CheckProposalDelegate(PksGateway pks, Foundations foundations, ResizeProperties settings) {
    this.pks = pks;
    this.foundations = foundations;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResizeRequest r = ResizeRequest.of(execution);
    String stale = staleReason(r, pks.cluster(r.foundation(), r.cluster()),
        (String) execution.getVariable(PLAN_NAME));
    execution.setVariable(PROPOSAL_CURRENT, stale == null);
    if (stale != null) {
      execution.setVariable(STALE_REASON, stale);
    }
  }

  private String staleReason(ResizeRequest r, Optional<PksCluster> found, String planAtProposal) {
    if (found.isEmpty()) {
      return "cluster " + r.key() + " no longer exists";
    }
    PksCluster c = found.get();
    if (c.workerInstances() != null && c.workerInstances() != r.currentWorkers()) {
      return "cluster size changed since the proposal: " + c.workerInstances() + " workers now, "
          + r.currentWorkers() + " when proposed";
    }
    if (!Objects.equals(c.planName(), planAtProposal)) {
      return "cluster plan changed since the proposal: " + c.planName() + " now, " + planAtProposal
          + " when proposed";
    }
    if (c.isBusy()) {
      return "PKS is busy with the cluster (" + c.lastAction() + " " + c.lastActionState().wire() + ")";
    }
    if (r.proposedAt() != null) {
      Duration maxAge = foundations.toWallTime(r.foundation(), settings.getProposalMaxAge());
      long ageMillis = ClockUtil.getCurrentTime().getTime() - r.proposedAt().getTime();
      if (ageMillis > maxAge.toMillis()) {
        return "the proposal is older than " + settings.getProposalMaxAge() + " of foundation time";
      }
    }
    return null;
  }
}
