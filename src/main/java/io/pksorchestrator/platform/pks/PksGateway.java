package io.pksorchestrator.platform.pks;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Domain operations on a foundation's PKS / TKGI API ({@code /v1}). Every method takes the configured foundation
 * name. Failures are {@link io.pksorchestrator.platform.FoundationException}s; nothing here retries.
 */
public interface PksGateway {

  /** {@code GET /v1/plans}. */
  List<PksPlan> plans(String foundation);

  /** {@code GET /v1/clusters}. */
  List<PksCluster> clusters(String foundation);

  /** {@code GET /v1/clusters/{name}}; empty on 404. */
  Optional<PksCluster> cluster(String foundation, String name);

  /** {@code POST /v1/clusters}: starts an asynchronous CREATE and returns the cluster as PKS answered. */
  PksCluster createCluster(String foundation, CreateClusterSpec spec);

  /** {@code PATCH /v1/clusters/{name}} with {@code kubernetes_worker_instances}: starts an asynchronous UPDATE. */
  void resizeCluster(String foundation, String name, int workerInstances);

  /** {@code DELETE /v1/clusters/{name}}: starts an asynchronous DELETE; a 404 counts as already deleted. */
  void deleteCluster(String foundation, String name);

  /** {@code PATCH /v1/clusters} ({@code UpgradeClustersRequest}): starts an upgrade task. */
  UpgradeTask upgradeClusters(String foundation, List<String> clusters, List<String> canaries, int maxInFlight);

  /** {@code GET /v1/tasks/{id}}. */
  UpgradeTask task(String foundation, String taskId);

  /** {@code GET /v1/tasks?limit=}. */
  List<UpgradeTask> tasks(String foundation, int limit);

  /** {@code PUT /v1/tasks/{id}}: cancels the clusters of the task that have not started yet. */
  UpgradeTask cancelTask(String foundation, String taskId);

  /**
   * {@code POST /v1/clusters/{name}/binds}, keeping only the API server address of the returned kubeconfig.
   * The kubeconfig (with its token) is discarded here and never leaves this call.
   */
  URI clusterApiServer(String foundation, String name);
}
