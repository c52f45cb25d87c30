package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_UploadStemcell: uploads the stemcell to Ops Manager unless it is already there (idempotent: a retry after
 * a lost response finds it present). A URL source is downloaded to a temporary file that is deleted afterwards.
 */
@Component("uploadStemcellDelegate")
public class UploadStemcellDelegate implements JavaDelegate {

  private final OpsManagerGateway opsManager;
  private final StemcellSource sources;

  public UploadStemcellDelegate(OpsManagerGateway opsManager, StemcellSource sources) {
    this.opsManager = opsManager;
    this.sources = sources;
  }

  @Override
  public void execute(DelegateExecution ex) throws Exception {
    String f = string(ex, OperationVariables.FOUNDATION);
    OmStemcell target = new OmStemcell(string(ex, Vars.STEMCELL_OS), string(ex, Vars.STEMCELL_VERSION));
    if (opsManager.hasStemcell(f, target)) {
      ex.setVariable(Vars.STEMCELL_UPLOADED, false);
      return;
    }
    // the source the approver saw; resolved and checked against the policy again before anything is read
    String resolved = string(ex, Vars.STEMCELL_SOURCE_RESOLVED);
    String source = resolved != null ? resolved : string(ex, Vars.STEMCELL_SOURCE);
    try (StemcellSource.Local file = sources.fetch(source)) {
      OmStemcell uploaded = opsManager.uploadStemcell(f, file.path());
      if (uploaded != null && !(target.os().equals(uploaded.os()) && target.version().equals(uploaded.version()))) {
        throw new IllegalStateException("Stemcell file " + source + " is " + uploaded.os() + " " + uploaded.version()
            + ", not the requested " + target.os() + " " + target.version() + " (uploaded to Ops Manager of '" + f
            + "'); correct stemcellSource or the requested version");
      }
    }
    ex.setVariable(Vars.STEMCELL_UPLOADED, true);
  }
}
