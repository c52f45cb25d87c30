package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OutcomeWriter;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.StopReason;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_WriteUpgradeReport / Task_WriteAbortReport (no remote call): marks clusters that never started as skipped,
 * writes {@code upgradeReport} (JSON), {@code upgradeReportText}, {@code outcome} and {@code outcomeMessage}.
 */
@Component("writeUpgradeReportDelegate")
public class WriteUpgradeReportDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    for (ClusterEntry e : s.clusters) {
      if (e.status == ClusterStatus.PENDING || e.status == ClusterStatus.SUBMITTED) {
        e.status = ClusterStatus.SKIPPED;
      }
    }
    String stopReason = string(ex, Variables.STOP_REASON);
    OperationOutcome outcome = outcome(s, stopReason);
    UpgradeReport report = UpgradeReport.of(s, outcome, stopReason);
    UpgradeStateStore.write(ex, s);
    UpgradeStateStore.writeJson(ex, Variables.UPGRADE_REPORT, report);
    ex.setVariable(Variables.UPGRADE_REPORT_TEXT, report.text());
    OutcomeWriter.write(ex, outcome, report.upgraded() + " of " + s.clusters.size()
        + " cluster(s) upgraded to " + s.stemcellOs + " " + s.stemcellVersion + ", " + report.failed() + " failed, "
        + report.skipped() + " skipped" + (stopReason == null ? "" : "; stopped: " + stopReason));
  }

  static OperationOutcome outcome(UpgradeState s, String stopReason) {
    if (stopReason == null) {
      boolean failures = s.clusters.stream().anyMatch(c -> c.status == ClusterStatus.FAILED);
      return failures ? OperationOutcome.COMPLETED_WITH_FAILURES : OperationOutcome.UPGRADED;
    }
    return switch (stopReason) {
      case StopReason.CANARY_FAILED, StopReason.INSTALLATION_FAILED -> OperationOutcome.FAILED;
      default -> OperationOutcome.ABORTED;
    };
  }
}
