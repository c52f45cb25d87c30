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
 * Verifies one upgraded cluster: PKS {@code succeeded}, every BOSH instance {@code running}, the deployment on
 * the target stemcell, worker count unchanged since the cluster's upgrade started. Records the versions after;
 * returns the problems found.
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
    if (c.lastActionState() != ActionState.SUCCEEDED) {
      problems.add("PKS reports " + c.lastAction() + " " + (c.lastActionState() == null ? "unknown"
          : c.lastActionState().wire()) + ": " + c.lastActionDescription());
    }
    e.stemcellAfter = bosh.deployment(f, e.deployment()).map(StemcellUpgradeSupport::stemcellVersion).orElse(null);
    if (!targetVersion.equals(e.stemcellAfter)) {
      problems.add("BOSH deployment " + e.deployment() + " is on stemcell " + e.stemcellAfter + ", not "
          + targetVersion);
    }
    List<BoshInstance> instances = bosh.instanceDetails(f, e.deployment());
    List<String> notRunning = instances.stream().filter(i -> !i.isRunning())
        .map(i -> i.group() + "/" + i.id() + " " + i.jobState()).toList();
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
