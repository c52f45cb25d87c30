package io.pksorchestrator.cluster;

import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.CreateClusterSpec;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.platform.pks.UpgradeTask;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory PKS API of one foundation for process tests: clusters move only when the test says so. */
class FakePksGateway implements PksGateway {

  final List<PksPlan> plans = new ArrayList<>(List.of(
      new PksPlan("plan-1", "small", "Small: 1 master, 3 workers", 3, 1, 10),
      new PksPlan("plan-2", "medium", "Medium: 3 masters, 5 workers", 5, 3, null)));
  final Map<String, PksCluster> clusters = new HashMap<>();
  final AtomicInteger createCalls = new AtomicInteger();
  /** The next create reaches PKS (the cluster exists) but its response is lost. */
  boolean loseNextCreateResponse;
  /** When set, every read of plans fails with it (a foundation outage). */
  RuntimeException outage;
  /** Overrides the API server host the bind endpoint reports. */
  String apiServerHost;

  @Override
  public List<PksPlan> plans(String foundation) {
    if (outage != null) {
      throw outage;
    }
    return plans;
  }

  @Override
  public List<PksCluster> clusters(String foundation) {
    return List.copyOf(clusters.values());
  }

  @Override
  public Optional<PksCluster> cluster(String foundation, String name) {
    return Optional.ofNullable(clusters.get(name));
  }

  @Override
  public PksCluster createCluster(String foundation, CreateClusterSpec spec) {
    createCalls.incrementAndGet();
    if (clusters.containsKey(spec.name())) {
      throw new IllegalStateException("test setup: duplicate create of " + spec.name());
    }
    int workers = spec.workerInstances() != null ? spec.workerInstances()
        : plans.stream().filter(p -> p.name().equals(spec.planName())).findFirst().orElseThrow().workerInstances();
    PksCluster c = new PksCluster(spec.name(), spec.planName(), UUID.randomUUID().toString(), "CREATE",
        ActionState.IN_PROGRESS, "Creating cluster", List.of("In Progress"), null, null, spec.externalHostname(), 8443,
        workers, spec.tags());
    clusters.put(spec.name(), c);
    if (loseNextCreateResponse) {
      loseNextCreateResponse = false;
      throw new RetryableFoundationException(foundation, 0, "POST /v1/clusters on foundation '" + foundation
          + "': read timed out", null);
    }
    return c;
  }

  /** Adds a cluster nobody in this test created. */
  PksCluster addForeignCluster(String name, String plan, String host, int workers) {
    PksCluster c = new PksCluster(name, plan, UUID.randomUUID().toString(), "CREATE", ActionState.SUCCEEDED,
        "Instance provisioning completed", List.of("10.0.0.5"), null, null, host, 8443, workers, Map.of());
    clusters.put(name, c);
    return c;
  }

  void finish(String name, ActionState state, String description) {
    PksCluster c = clusters.get(name);
    clusters.put(name, new PksCluster(c.name(), c.planName(), c.uuid(), c.lastAction(), state, description,
        List.of("10.0.0.10"), c.k8sVersion(), c.pksVersion(), c.masterHost(), c.masterPort(), c.workerInstances(),
        c.tags()));
  }

  void succeed(String name) {
    finish(name, ActionState.SUCCEEDED, "Instance provisioning completed");
  }

  void fail(String name) {
    finish(name, ActionState.FAILED, "Instance provisioning failed: There was a problem completing your request.");
  }

  /** The running DELETE finished: the cluster is gone. */
  void finishDeletion(String name) {
    clusters.remove(name);
  }

  @Override
  public void deleteCluster(String foundation, String name) {
    PksCluster c = clusters.get(name);
    if (c != null) {
      clusters.put(name, new PksCluster(c.name(), c.planName(), c.uuid(), "DELETE", ActionState.IN_PROGRESS,
          "Instance deletion in progress", c.masterIps(), c.k8sVersion(), c.pksVersion(), c.masterHost(),
          c.masterPort(), c.workerInstances(), c.tags()));
    }
  }

  @Override
  public URI clusterApiServer(String foundation, String name) {
    PksCluster c = clusters.get(name);
    return URI.create("https://" + (apiServerHost != null ? apiServerHost : c.masterHost()) + ":8443");
  }

  @Override
  public void resizeCluster(String foundation, String name, int workerInstances) {
    throw new UnsupportedOperationException();
  }

  @Override
  public UpgradeTask upgradeClusters(String foundation, List<String> c, List<String> canaries, int maxInFlight) {
    throw new UnsupportedOperationException();
  }

  @Override
  public UpgradeTask task(String foundation, String taskId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<UpgradeTask> tasks(String foundation, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public UpgradeTask cancelTask(String foundation, String taskId) {
    throw new UnsupportedOperationException();
  }
}
