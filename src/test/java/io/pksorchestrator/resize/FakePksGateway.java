package io.pksorchestrator.resize;

import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.CreateClusterSpec;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.platform.pks.UpgradeTask;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory PKS for tests: clusters per foundation, PATCH records the request and starts an UPDATE. */
class FakePksGateway implements PksGateway {

  final Map<String, PksCluster> clusters = new LinkedHashMap<>();
  final List<String> resizeCalls = new ArrayList<>();
  final Set<String> downFoundations = new HashSet<>();
  String rejectResizeWith;

  static PksCluster cluster(String name, String plan, int workers, Map<String, String> tags) {
    return new PksCluster(name, plan, "uuid-" + name, "CREATE", ActionState.SUCCEEDED,
        "Instance provisioning completed", List.of("10.0.0.1"), "1.29", "1.19", name + ".lab", 8443, workers, tags);
  }

  void put(String foundation, PksCluster c) {
    clusters.put(foundation + "/" + c.name(), c);
  }

  PksCluster get(String foundation, String name) {
    return clusters.get(foundation + "/" + name);
  }

  /** Sets the cluster's last action state (e.g. the UPDATE finished). */
  void finishUpdate(String foundation, String name, ActionState state) {
    PksCluster c = get(foundation, name);
    put(foundation, new PksCluster(c.name(), c.planName(), c.uuid(), "UPDATE", state, "Instance update "
        + state.wire(), c.masterIps(), c.k8sVersion(), c.pksVersion(), c.masterHost(), c.masterPort(),
        c.workerInstances(), c.tags()));
  }

  void setWorkers(String foundation, String name, int workers) {
    PksCluster c = get(foundation, name);
    put(foundation, new PksCluster(c.name(), c.planName(), c.uuid(), c.lastAction(), c.lastActionState(),
        c.lastActionDescription(), c.masterIps(), c.k8sVersion(), c.pksVersion(), c.masterHost(), c.masterPort(),
        workers, c.tags()));
  }

  private void checkUp(String foundation) {
    if (downFoundations.contains(foundation)) {
      throw new RetryableFoundationException(foundation, 0, "GET /v1/clusters on " + foundation
          + ": connection refused", null);
    }
  }

  @Override
  public List<PksPlan> plans(String foundation) {
    checkUp(foundation);
    return List.of(new PksPlan("p1", "small", "", 3, 1, 10), new PksPlan("p2", "medium", "", 3, 1, 20),
        new PksPlan("p3", "large", "", 3, 3, 50));
  }

  @Override
  public List<PksCluster> clusters(String foundation) {
    checkUp(foundation);
    return clusters.entrySet().stream().filter(e -> e.getKey().startsWith(foundation + "/"))
        .map(Map.Entry::getValue).toList();
  }

  @Override
  public Optional<PksCluster> cluster(String foundation, String name) {
    checkUp(foundation);
    return Optional.ofNullable(get(foundation, name));
  }

  @Override
  public void resizeCluster(String foundation, String name, int workerInstances) {
    resizeCalls.add(foundation + "/" + name + "=" + workerInstances);
    if (rejectResizeWith != null) {
      throw new FoundationRejectedException(foundation, 422, "PATCH /v1/clusters/" + name + " answered 422",
          rejectResizeWith);
    }
    PksCluster c = get(foundation, name);
    put(foundation, new PksCluster(c.name(), c.planName(), c.uuid(), "UPDATE", ActionState.IN_PROGRESS,
        "Instance update in progress", c.masterIps(), c.k8sVersion(), c.pksVersion(), c.masterHost(),
        c.masterPort(), workerInstances, c.tags()));
  }

  @Override
  public PksCluster createCluster(String foundation, CreateClusterSpec spec) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteCluster(String foundation, String name) {
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

  @Override
  public URI clusterApiServer(String foundation, String name) {
    throw new UnsupportedOperationException();
  }
}
