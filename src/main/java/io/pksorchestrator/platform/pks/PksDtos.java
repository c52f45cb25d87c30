package io.pksorchestrator.platform.pks;

import java.util.List;

/** Wire shapes of the PKS API (snake_case; unknown fields are ignored by the mapper). */
final class PksDtos {

  private PksDtos() {}

  /** {@code Plan} (pks-api-models.md §1.3): no worker maximum; {@code allow-privileged-containers} is unused. */
  record Plan(String id, String name, String description, Integer workerInstances, Integer masterInstances) {}

  record Cluster(String name, String planName, String uuid, String lastAction, String lastActionState,
      String lastActionDescription, List<String> kubernetesMasterIps, String k8sVersion, String pksVersion,
      Parameters parameters) {}

  record Parameters(String kubernetesMasterHost, Integer kubernetesMasterPort, Integer kubernetesWorkerInstances,
      List<Tag> clusterTags) {}

  record Tag(String name, String value) {}

  record ClusterRequest(String name, String planName, Parameters parameters) {}

  record UpdateCluster(Integer kubernetesWorkerInstances) {}

  record UpgradeClusters(List<String> clusters, List<String> canaries, int maxInFlight) {}

  record Task(String uuid, String type, String status, List<ClusterUpgrade> clusters, Long startTime,
      Long endTime) {}

  record ClusterUpgrade(String clusterName, String lastAction, String lastActionState, Long startTime, Long endTime,
      Boolean isCanary) {}
}
