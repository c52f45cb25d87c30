package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.opsman.OmInstallation;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckInstallation: reads the installation's status and keeps the last log lines in
 * {@code installationLogTail}. Sets {@code installationStatus} to {@code running}, {@code succeeded} or
 * {@code failed}; past the deadline a running installation counts as failed (the operator decides).
 */
@Component("checkInstallationDelegate")
public class CheckInstallationDelegate implements JavaDelegate {

  private final OpsManagerGateway opsManager;
  private final UpgradeProperties properties;

  public CheckInstallationDelegate(OpsManagerGateway opsManager, UpgradeProperties properties) {
    this.opsManager = opsManager;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution ex) {
    String f = string(ex, OperationVariables.FOUNDATION);
    long id = ((Number) ex.getVariable(Variables.INSTALLATION_ID)).longValue();
    OmInstallation installation = opsManager.installation(f, id);
    String tail = tail(opsManager.installationLogs(f, id));
    String status = installation.status();
    if (installation.isRunning() && FoundationWait.isReached(string(ex, Variables.INSTALLATION_DEADLINE))) {
      status = "failed";
      tail = tail + "\n[pkso] Installation " + id + " still running after " + properties.getInstallationTimeout()
          + " (pkso.upgrade.installation-timeout); check it in Ops Manager before retrying.";
    }
    ex.setVariable(Variables.INSTALLATION_STATUS, status);
    ex.setVariable(Variables.INSTALLATION_LOG_TAIL, tail);
    if (!"running".equals(status) && !"succeeded".equals(status)) {
      List<String> clusters = ex.getVariable(Variables.UPGRADE_STATE) == null ? List.of()
          : UpgradeStateStore.read(ex).clusters.stream().map(c -> c.name).toList();
      ex.setVariable(Variables.INSTALLATION_FAILURE_REPORT, OperatorReports.installationFailure(f, clusters, id, status,
          tail));
    }
  }

  String tail(String logs) {
    if (logs == null || logs.isEmpty()) {
      return "";
    }
    List<String> lines = Arrays.asList(logs.split("\r?\n"));
    String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - properties.getLogTailLines()),
        lines.size()));
    int max = properties.getLogTailMaxChars();
    return tail.length() <= max ? tail : "…" + tail.substring(tail.length() - max + 1);
  }
}
