package io.pksorchestrator.platform.pks;

import java.util.List;
import java.util.Map;

/**
 * A cluster as served by {@code GET /v1/clusters/{name}}, with the fields the orchestrator uses.
 *
 * @param lastAction {@code CREATE}, {@code UPDATE}, {@code UPGRADE} or {@code DELETE}
 * @param masterIps {@code kubernetes_master_ips}; {@code ["In Progress"]} while creating
 * @param masterHost {@code parameters.kubernetes_master_host} (the external hostname)
 * @param workerInstances {@code parameters.kubernetes_worker_instances}
 * @param tags {@code parameters.cluster_tags} as name to value
 */
public record PksCluster(
    String name, String planName, String uuid, String lastAction, ActionState lastActionState,
    String lastActionDescription, List<String> masterIps, String k8sVersion, String pksVersion,
    String masterHost, Integer masterPort, Integer workerInstances, Map<String, String> tags) {

  /** Name of the BOSH deployment that holds this cluster's VMs. */
  public String boshDeploymentName() {
    return "service-instance_" + uuid;
  }

  public boolean isBusy() {
    return lastActionState == ActionState.IN_PROGRESS || lastActionState == ActionState.QUEUED;
  }
}
