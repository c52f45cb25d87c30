package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Verifies one upgraded cluster: PKS reports the {@code UPGRADE} {@code succeeded}, every BOSH instance that
 * expects a VM is running as bosh-cli counts it (job state and every process {@code running}; errand instances
 * without a VM are skipped), the deployment is on the target stemcell, the worker count is unchanged since the
 * cluster's upgrade started. Records the versions after; returns the problems found.
 */
@Service
public class ClusterVerifier {

  private final PksGateway pks;
  private final BoshGateway bosh;

  public ClusterVerifier(PksGateway pks, BoshGateway bosh) {
    this.pks = pks;
    this.bosh = bosh;
  }

  public List<String> verify(String f, ClusterEntry e, String targetVersion) {
    List<String> problems = new ArrayList<>();
    PksCluster c = pks.cluster(f, e.name).orElse(null);
    if (c == null) {
      problems.add("cluster no longer exists in PKS");
      return problems;
    }
    e.k8sAfter = c.k8sVersion();
    if (c.lastActionState() != ActionState.SUCCEEDED || !"UPGRADE".equalsIgnoreCase(c.lastAction())) {
      problems.add("PKS reports " + c.lastAction() + " " + (c.lastActionState() == null ? "unknown"
          : c.lastActionState().wire()) + " (expected UPGRADE succeeded): " + c.lastActionDescription());
    }
    e.stemcellAfter = bosh.deployment(f, e.deployment()).map(StemcellUpgradeSupport::stemcellVersion).orElse(null);
    if (!targetVersion.equals(e.stemcellAfter)) {
      problems.add("BOSH deployment " + e.deployment() + " is on stemcell " + e.stemcellAfter + ", not "
          + targetVersion);
    }
    List<BoshInstance> instances = bosh.instanceDetails(f, e.deployment()).stream()
        .filter(i -> !i.isErrand()).toList(); // errand instances have no VM by design
    List<String> notRunning = instances.stream().filter(i -> !i.isRunning()).map(BoshInstance::describe).toList();
    if (!notRunning.isEmpty()) {
      problems.add("instances not running: " + notRunning);
    }
    long workers = instances.stream().filter(i -> "worker".equals(i.group())).count();
    int expected = e.workersAtStart != null ? e.workersAtStart : e.workers;
    if (workers != expected) {
      problems.add("worker count " + workers + " differs from " + expected + " at the start of its upgrade");
    }
    return problems;
  }
}
