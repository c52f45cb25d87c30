package io.pksorchestrator.platform.bosh;

import java.util.List;

/**
 * One instance of a deployment, from {@code GET /deployments/{name}/instances?format=full} (a task result line).
 *
 * @param group instance group ({@code job_name}): {@code master} or {@code worker} for a PKS cluster
 * @param jobState {@code running} when healthy; also {@code starting}, {@code stopped}, {@code failing}, ...
 * @param vmCid the IaaS VM id; changes when the VM is recreated
 */
public record BoshInstance(String id, String group, Integer index, String az, List<String> ips, String jobState,
    String vmCid) {

  public boolean isRunning() {
    return "running".equals(jobState);
  }
}
