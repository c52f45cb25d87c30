package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.NotRetryableException;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUploadStore.Upload;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_CheckStemcellUpload: one look at the upload (no waiting). Succeeded: done. Running on a live node: check
 * again after the timer. Lost (its node stopped heartbeating) or never recorded: started again here. Failed: the
 * failure is thrown once (a not-retryable one, e.g. Ops Manager refusing the file, is an incident at once; others
 * use the retry cycle), and the next run of this job, a retry or an operator's retry of the incident, starts the
 * upload again.
 */
@Component("checkStemcellUploadDelegate")
public class CheckStemcellUploadDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CheckStemcellUploadDelegate.class);

  private final OpsManagerGateway opsManager;
  private final StemcellSource sources;
  private final StemcellUploads uploads;

  public CheckStemcellUploadDelegate(OpsManagerGateway opsManager, StemcellSource sources, StemcellUploads uploads) {
    this.opsManager = opsManager;
    this.sources = sources;
    this.uploads = uploads;
  }

  @Override
  public void execute(DelegateExecution ex) {
    String f = string(ex, OperationVariables.FOUNDATION);
    OmStemcell target = new OmStemcell(string(ex, Variables.STEMCELL_OS), string(ex, Variables.STEMCELL_VERSION));
    String key = ex.getProcessInstanceId();
    StemcellUploads.Observed observed = uploads.status(key);
    switch (observed.status()) {
      case SUCCEEDED -> {
        ex.setVariable(Variables.STEMCELL_UPLOADED, true);
        ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "done");
      }
      case RUNNING -> ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "running");
      case NONE -> {
        if (opsManager.hasStemcell(f, target)) {
          ex.setVariable(Variables.STEMCELL_UPLOADED, false);
          ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "done");
        } else {
          resubmit(ex, f, target);
        }
      }
      case LOST -> {
        Upload u = observed.upload().orElseThrow();
        LOG.warn("PKSO-UPG034 Stemcell upload {} attempt {} on node {} has had no heartbeat since {}: the node"
            + " stopped; starting it again", key, u.attempt(), u.node(), u.heartbeatAt());
        resubmit(ex, f, target);
      }
      case FAILED -> {
        Upload u = observed.upload().orElseThrow();
        if (u.reported()) {
          resubmit(ex, f, target);
          return;
        }
        uploads.reported(u);
        String message = "Stemcell upload of " + target.os() + " " + target.version() + " to foundation '" + f
            + "' failed (attempt " + u.attempt() + "): " + u.message();
        if (Boolean.FALSE.equals(u.retryable())) {
          throw new NotRetryableException(message + ". Correct the cause, then retry this incident: the upload"
              + " starts again");
        }
        throw new IllegalStateException(message + ". The engine retries: the next run starts the upload again");
      }
      default -> throw new IllegalStateException("unexpected upload status " + observed.status());
    }
  }

  private void resubmit(DelegateExecution ex, String f, OmStemcell target) {
    String source = StartStemcellUploadDelegate.approvedSource(ex);
    sources.resolve(source);
    uploads.submit(ex.getProcessInstanceId(), f, source, target);
    ex.setVariable(Variables.STEMCELL_UPLOAD_STATUS, "running");
  }
}
