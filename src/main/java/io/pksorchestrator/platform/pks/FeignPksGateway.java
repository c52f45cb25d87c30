package io.pksorchestrator.platform.pks;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.http.Component;
import io.pksorchestrator.platform.http.FoundationClients;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PksGateway} over the PKS API. */
@org.springframework.stereotype.Component
public class FeignPksGateway implements PksGateway {

  /** ClusterParameters.kubernetes_master_port default of the PKS API. */
  static final int MASTER_PORT = 8443;

  private final FoundationClients clients;

  public FeignPksGateway(FoundationClients clients) {
    this.clients = clients;
  }

  private PksApi api(String foundation) {
    return clients.api(foundation, Component.PKS, PksApi.class);
  }

  @Override
  public List<PksPlan> plans(String foundation) {
    // the PKS Plan model has no worker maximum: it is the tile's setting, configured per foundation and plan
    var limits = clients.config(foundation).plans();
    return api(foundation).plans().stream().map(p -> toPlan(p, limits.maxWorkers(p.name()))).toList();
  }

  @Override
  public List<PksCluster> clusters(String foundation) {
    return api(foundation).clusters().stream().map(FeignPksGateway::toCluster).toList();
  }

  @Override
  public Optional<PksCluster> cluster(String foundation, String name) {
    try {
      return Optional.of(toCluster(api(foundation).cluster(name)));
    } catch (FoundationNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public PksCluster createCluster(String foundation, CreateClusterSpec spec) {
    List<PksDtos.Tag> tags = spec.tags() == null || spec.tags().isEmpty() ? null
        : spec.tags().entrySet().stream().map(t -> new PksDtos.Tag(t.getKey(), t.getValue())).toList();
    var parameters = new PksDtos.Parameters(spec.externalHostname(), MASTER_PORT, spec.workerInstances(), tags);
    return toCluster(api(foundation).createCluster(
        new PksDtos.ClusterRequest(spec.name(), spec.planName(), parameters)));
  }

  @Override
  public void resizeCluster(String foundation, String name, int workerInstances) {
    api(foundation).updateCluster(name, new PksDtos.UpdateCluster(workerInstances));
  }

  @Override
  public void deleteCluster(String foundation, String name) {
    try {
      api(foundation).deleteCluster(name);
    } catch (FoundationNotFoundException alreadyGone) {
      // idempotent: a job that runs twice finds the cluster deleted already
    }
  }

  @Override
  public UpgradeTask upgradeClusters(String foundation, List<String> clusters, List<String> canaries,
      int maxInFlight) {
    return toTask(api(foundation).upgradeClusters(new PksDtos.UpgradeClusters(clusters,
        canaries == null ? List.of() : canaries, maxInFlight)));
  }

  @Override
  public UpgradeTask task(String foundation, String taskId) {
    return toTask(api(foundation).task(taskId));
  }

  @Override
  public List<UpgradeTask> tasks(String foundation, int limit) {
    return api(foundation).tasks(limit).stream().map(FeignPksGateway::toTask).toList();
  }

  @Override
  public UpgradeTask cancelTask(String foundation, String taskId) {
    return toTask(api(foundation).cancelTask(taskId));
  }

  @Override
  public URI clusterApiServer(String foundation, String name) {
    JsonNode kubeconfig = api(foundation).bind(name, Map.of());
    // only the server address leaves this method; the kubeconfig (with its token) is dropped here
    String server = kubeconfig == null ? null
        : kubeconfig.path("clusters").path(0).path("cluster").path("server").asText(null);
    if (server == null) {
      throw new FoundationRejectedException(foundation, 200, "Foundation '" + foundation + "' pks: POST /v1/clusters/"
          + name + "/binds answered a kubeconfig without clusters[0].cluster.server", "no server in kubeconfig");
    }
    return URI.create(server);
  }

  static PksPlan toPlan(PksDtos.Plan p, int maxWorkers) {
    return new PksPlan(p.id(), p.name(), p.description(), orZero(p.workerInstances()), orZero(p.masterInstances()),
        maxWorkers);
  }

  static PksCluster toCluster(PksDtos.Cluster c) {
    PksDtos.Parameters p = c.parameters();
    Map<String, String> tags = new LinkedHashMap<>();
    if (p != null && p.clusterTags() != null) {
      p.clusterTags().forEach(t -> tags.put(t.name(), t.value() == null ? "" : t.value()));
    }
    return new PksCluster(c.name(), c.planName(), c.uuid(), c.lastAction(),
        ActionState.fromWire(c.lastActionState()), c.lastActionDescription(),
        c.kubernetesMasterIps() == null ? List.of() : c.kubernetesMasterIps(), c.k8sVersion(), c.pksVersion(),
        p == null ? null : p.kubernetesMasterHost(), p == null ? null : p.kubernetesMasterPort(),
        p == null ? null : p.kubernetesWorkerInstances(), Map.copyOf(tags));
  }

  static UpgradeTask toTask(PksDtos.Task t) {
    List<UpgradeTask.ClusterUpgrade> clusters = t.clusters() == null ? List.of() : t.clusters().stream()
        .map(c -> new UpgradeTask.ClusterUpgrade(c.clusterName(), c.lastAction(),
            ActionState.fromWire(c.lastActionState()), c.startTime(), c.endTime(), Boolean.TRUE.equals(c.isCanary())))
        .toList();
    return new UpgradeTask(t.uuid(), t.type(), t.status(), clusters, t.startTime(), t.endTime());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
