package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.upgrade.StemcellUpgradeProcess.NextStep;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanNextStep (no remote call): decides what comes next. Canaries go first, one per batch (a failed canary
 * that the operator chose to retry is taken again); then, once, "canaries healthy, continue?"; then all remaining
 * clusters in one batch that PKS runs with {@code max_in_flight}. Nothing new starts once the maintenance window
 * has closed.
 */
@Component("planNextStepDelegate")
public class PlanNextStepDelegate implements JavaDelegate {

  private final UpgradeProperties properties;

  public PlanNextStepDelegate(UpgradeProperties properties) {
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    String next = next(s, string(ex, Variables.WINDOW_END));
    ex.setVariable(Variables.NEXT_STEP, next);
    if (NextStep.CONFIRM.equals(next)) {
      ex.setVariable(Variables.CANARY_REPORT, OperatorReports.canaryResults(s));
    }
    UpgradeStateStore.write(ex, s);
  }

  String next(UpgradeState s, String windowEnd) {
    List<ClusterEntry> canaries = s.clusters.stream()
        .filter(c -> c.canary && c.status != ClusterStatus.UPGRADED).toList();
    List<ClusterEntry> rest = s.clusters.stream()
        .filter(c -> !c.canary && c.status == ClusterStatus.PENDING).toList();
    if (canaries.isEmpty() && rest.isEmpty()) {
      return NextStep.DONE;
    }
    boolean hadCanaries = s.clusters.stream().anyMatch(c -> c.canary);
    if (canaries.isEmpty() && hadCanaries && properties.isConfirmAfterCanaries() && !s.continuationAsked) {
      s.continuationAsked = true;
      return NextStep.CONFIRM;
    }
    if (MaintenanceWindow.hasClosed(windowEnd)) {
      return NextStep.WINDOW_CLOSED;
    }
    List<ClusterEntry> batch = canaries.isEmpty() ? rest : List.of(canaries.get(0));
    s.batch = batch.stream().map(c -> c.name).toList();
    s.batchIsCanary = !canaries.isEmpty();
    s.cancelReason = null;
    return NextStep.UPGRADE;
  }
}
