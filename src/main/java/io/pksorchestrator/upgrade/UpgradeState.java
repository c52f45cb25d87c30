package io.pksorchestrator.upgrade;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Working state of one stemcell upgrade, kept as the JSON variable {@code upgradeState} (readable in Cockpit and
 * over REST). Plain mutable fields: it is a serialization document that the delegates load, change and store.
 */
public class UpgradeState {

  public String foundation;
  public String stemcellOs;
  public String stemcellVersion;
  /** Guid of the PKS tile on Ops Manager. */
  public String pksGuid;
  /** The PKS tile's deployed stemcell version of the same OS before the upgrade (may be null). */
  public String deployedStemcell;
  public int maxInFlight = 1;
  /** The stemcell source as resolved by the pre-checks (real path or URL): exactly what will be uploaded. */
  public String stemcellSource;
  public List<ClusterEntry> clusters = new ArrayList<>();
  public List<String> risks = new ArrayList<>();
  /** Clusters of the PKS upgrade task being followed, and whether they are canaries. */
  public List<String> batch = new ArrayList<>();
  public boolean batchIsCanary;
  /** Whether the current PKS task was cancelled (maintenance window closed or abort). */
  public String cancelReason;
  /** Whether "canaries healthy, continue?" has been asked already. */
  public boolean continuationAsked;

  @JsonIgnore
  public Optional<ClusterEntry> cluster(String name) {
    return clusters.stream().filter(c -> c.name.equals(name)).findFirst();
  }

  /** One cluster's part in the upgrade. */
  public static class ClusterEntry {
    public String name;
    public String uuid;
    public boolean canary;
    /** Workers when the pre-checks ran (shown in the approval). */
    public int workers;
    /**
     * Workers when this cluster's upgrade was submitted to PKS; verification compares with it (null before). The
     * cluster is leased from approval on, but a change made outside the orchestrator (PKS CLI) must not fail it.
     */
    public Integer workersAtStart;
    public int masters;
    public String stemcellBefore;
    public String k8sBefore;
    public String stemcellAfter;
    public String k8sAfter;
    public ClusterStatus status = ClusterStatus.PENDING;
    /** Last {@code last_action_state} seen in the PKS upgrade task. */
    public String taskState;
    public String startedAt;
    public String finishedAt;
    public String detail;

    @JsonIgnore
    public String deployment() {
      return "service-instance_" + uuid;
    }
  }

  /** Where a cluster stands in this upgrade. */
  public enum ClusterStatus {
    /** Not started yet (also after its queued upgrade was cancelled). */
    PENDING,
    /** Handed to a PKS upgrade task. */
    SUBMITTED,
    UPGRADED,
    FAILED,
    /** Never started: the upgrade stopped before its turn. */
    SKIPPED
  }
}
