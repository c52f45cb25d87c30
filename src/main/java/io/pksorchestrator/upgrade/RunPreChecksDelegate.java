package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OutcomeWriter;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.RejectionReasons;
import io.pksorchestrator.operations.WholeNumbers;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RunPreChecks: validates the request against the foundation; on failure sets outcome {@code rejected}. */
@Component("runPreChecksDelegate")
public class RunPreChecksDelegate implements JavaDelegate {

  private final UpgradePreChecks preChecks;

  public RunPreChecksDelegate(UpgradePreChecks preChecks) {
    this.preChecks = preChecks;
  }

  @Override
  public void execute(DelegateExecution ex) {
    Integer maxInFlight = WholeNumbers.parse(ex.getVariable(Variables.MAX_IN_FLIGHT)); // the rule reports a fraction
    UpgradeRequest request = new UpgradeRequest(string(ex, OperationVariables.FOUNDATION),
        string(ex, Variables.STEMCELL_OS), string(ex, Variables.STEMCELL_VERSION), string(ex, Variables.STEMCELL_SOURCE),
        string(ex, Variables.CLUSTERS), string(ex, Variables.CANARIES), maxInFlight, string(ex, Variables.WINDOW_START),
        string(ex, Variables.WINDOW_END));
    PreCheckResult result = preChecks.check(request);
    ex.setVariable(Variables.PRE_CHECKS_PASSED, result.passed());
    ex.setVariable(Variables.MAX_IN_FLIGHT, result.state().maxInFlight);
    RejectionReasons.write(ex, result.reasons());
    UpgradeStateStore.write(ex, result.state());
    if (!result.passed()) {
      OutcomeWriter.write(ex, OperationOutcome.REJECTED, "Pre-checks failed: " + String.join("; ", result.reasons()));
      return;
    }
    ex.setVariable(Variables.STEMCELL_ON_OPS_MANAGER, result.stemcellOnOpsManager());
    ex.setVariable(Variables.STEMCELL_SOURCE_RESOLVED, result.state().stemcellSource);
    ex.setVariable(Variables.APPROVAL_SUMMARY, ApprovalSummary.markdown(result.state(),
        string(ex, Variables.WINDOW_START), string(ex, Variables.WINDOW_END), result.stemcellOnOpsManager()));
  }
}
