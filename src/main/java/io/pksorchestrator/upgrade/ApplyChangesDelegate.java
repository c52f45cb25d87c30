package io.pksorchestrator.upgrade;

import static io.pksorchestrator.upgrade.StemcellUpgradeSupport.string;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.opsman.OmInstallation;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyChanges: Apply Changes for the PKS tile only, with the upgrade-all-clusters errand off (this process
 * upgrades the clusters itself). Idempotent: an installation running since staging started is ours (a retry after
 * a lost response) and is followed instead of starting another; one that started earlier is someone else's and
 * raises an incident.
 */
@Component("applyChangesDelegate")
public class ApplyChangesDelegate implements JavaDelegate {

  static final String UPGRADE_ALL_ERRAND = "upgrade-all-service-instances";
  /** Tolerated clock difference between this engine and Ops Manager. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final OpsManagerGateway opsManager;
  private final Foundations foundations;
  private final UpgradeProperties properties;

  public ApplyChangesDelegate(OpsManagerGateway opsManager, Foundations foundations, UpgradeProperties properties) {
    this.opsManager = opsManager;
    this.foundations = foundations;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    String f = s.foundation;
    Optional<OmInstallation> running = opsManager.runningInstallation(f);
    long id;
    if (running.isPresent()) {
      OmInstallation i = running.get();
      Instant since = Instant.parse(string(ex, Variables.STAGING_STARTED_AT)).minus(CLOCK_SKEW);
      if (i.startedAt() == null || i.startedAt().isBefore(since)) {
        throw new IllegalStateException("Ops Manager of '" + f + "' runs installation " + i.id() + " started "
            + i.startedAt() + " by " + i.userName() + ", before this upgrade staged its stemcell; wait for it to"
            + " end, then retry this job");
      }
      id = i.id();
    } else {
      id = opsManager.applyChanges(f, List.of(s.pksGuid), Map.of(s.pksGuid, Map.of(UPGRADE_ALL_ERRAND, false)));
    }
    ex.setVariable(Variables.INSTALLATION_ID, id);
    ex.setVariable(Variables.INSTALLATION_STATUS, "running");
    ex.setVariable(Variables.INSTALLATION_DEADLINE,
        FoundationWait.deadline(foundations, f, properties.getInstallationTimeout()).toString());
    ex.setVariable(Variables.INSTALLATION_POLL_WAIT,
        FoundationWait.pollWait(foundations, f, properties.getInstallationPollInterval()));
  }
}
