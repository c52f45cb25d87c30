package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess.Variables;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartClusterUpgrade: hands the planned batch to one PKS upgrade task ({@code PATCH /v1/clusters}), a canary
 * alone with {@code max_in_flight} 1, the rest with the requested {@code maxInFlight}: PKS queues the rest,
 * continues past failures, and cancelling the task skips queued clusters. Idempotent: an unfinished PKS task for
 * exactly these clusters (a retry after a lost response) is followed instead of starting another.
 */
@Component("startClusterUpgradeDelegate")
public class StartClusterUpgradeDelegate implements JavaDelegate {

  /** How many recent PKS tasks are searched for one this process already started. */
  private static final int RECENT_TASKS = 20;

  private final PksGateway pks;
  private final Foundations foundations;
  private final UpgradeProperties properties;

  public StartClusterUpgradeDelegate(PksGateway pks, Foundations foundations, UpgradeProperties properties) {
    this.pks = pks;
    this.foundations = foundations;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution ex) {
    UpgradeState s = UpgradeStateStore.read(ex);
    int maxInFlight = s.batchIsCanary ? 1 : s.maxInFlight;
    // the verification baseline: the worker count when the cluster's upgrade starts (read before submitting; the
    // cluster is leased, so nothing of ours changes it in between)
    s.batch.forEach(name -> s.cluster(name).ifPresent(c -> c.workersAtStart = pks.cluster(s.foundation, name)
        .map(PksCluster::workerInstances).orElse(null)));
    UpgradeTask task = ours(s).orElseGet(() -> pks.upgradeClusters(s.foundation, s.batch, List.of(), maxInFlight));
    s.batch.forEach(name -> s.cluster(name).ifPresent(c -> {
      c.status = ClusterStatus.SUBMITTED;
      c.taskState = "queued";
    }));
    int rounds = (s.batch.size() + maxInFlight - 1) / maxInFlight;
    ex.setVariable(Variables.UPGRADE_TASK_ID, task.uuid());
    ex.setVariable(Variables.BATCH_SETTLED, false);
    ex.setVariable(Variables.BATCH_DEADLINE, FoundationWait.deadline(foundations, s.foundation,
        properties.getClusterUpgradeTimeout().multipliedBy(rounds)).toString());
    ex.setVariable(Variables.CLUSTER_POLL_WAIT,
        FoundationWait.pollWait(foundations, s.foundation, properties.getClusterPollInterval()));
    UpgradeStateStore.write(ex, s);
  }

  private Optional<UpgradeTask> ours(UpgradeState s) {
    var wanted = new HashSet<>(s.batch);
    return pks.tasks(s.foundation, RECENT_TASKS).stream()
        .filter(t -> !t.isFinished() && t.clusters() != null)
        .filter(t -> wanted.equals(new HashSet<>(t.clusters().stream().map(UpgradeTask.ClusterUpgrade::clusterName)
            .toList())))
        .findFirst();
  }
}
