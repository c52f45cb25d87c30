package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartStemcellUpload: starts the upload of the approved stemcell source outside the engine's jobs (see
 * {@link StemcellUploads}) unless Ops Manager has the stemcell already. Checks the source against the policy first:
 * a source the policy refuses is a not-retryable failure (an incident at once), and nothing is read.
 */
@Component("startStemcellUploadDelegate")
public class StartStemcellUploadDelegate implements JavaDelegate {

  private final OpsManagerGateway opsManager;
  private final StemcellSource sources;
  private final StemcellUploads uploads;

  public StartStemcellUploadDelegate(OpsManagerGateway opsManager, StemcellSource sources, StemcellUploads uploads) {
    this.opsManager = opsManager;
    this.sources = sources;
    this.uploads = uploads;
  }

  @Override
  public void execute(DelegateExecution ex) {
    String f = string(ex, OperationVariables.FOUNDATION);
    OmStemcell target = new OmStemcell(string(ex, Variables.STEMCELL_OS), string(ex, Variables.STEMCELL_VERSION));
    ex.setVariable(Variables.STEMCELL_UPLOAD_POLL_WAIT, pollWait(uploads));
    if (opsManager.hasStemcell(f, target)) {
      ex.setVariable(Variables.STEMCELL_UPLOADED, false);
      ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "done");
      return;
    }
    String source = approvedSource(ex);
    sources.resolve(source); // the rule again, before anything is read (the approved value may have been changed)
    uploads.submit(ex.getProcessInstanceId(), f, source, target);
    ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "running");
  }

  /** The source the approver saw (resolved by the pre-checks), else the requested one. */
  static String approvedSource(DelegateExecution ex) {
    String resolved = string(ex, Variables.STEMCELL_SOURCE_RESOLVED);
    return resolved != null ? resolved : string(ex, Variables.STEMCELL_SOURCE);
  }

  static String pollWait(StemcellUploads uploads) {
    return FoundationWait.wallWait(uploads.pollInterval());
  }
}
