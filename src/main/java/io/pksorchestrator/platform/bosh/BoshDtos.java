package io.pksorchestrator.platform.bosh;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Wire shapes of the BOSH Director API (snake_case; unknown fields ignored). */
final class BoshDtos {

  private BoshDtos() {}

  record Info(String name, String uuid, String version, String cpi, UserAuthentication userAuthentication) {}

  record UserAuthentication(String type) {}

  record NameVersion(String name, String version) {}

  record Deployment(String name, List<NameVersion> releases, List<NameVersion> stemcells) {}

  /** {@code deployments} holds {@code {"name":..}} objects (older Directors: plain names), hence JsonNode. */
  record Stemcell(String name, String operatingSystem, String version, String cid, List<JsonNode> deployments) {}

  /** One line of the {@code instances?format=full} task result (the fields used). */
  record InstanceDetails(String id, String jobName, Integer index, String az, List<String> ips, String jobState,
      String vmCid, String state, List<Process> processes) {}

  /** An agent process of a {@code format=full} line. */
  record Process(String name, String state) {}

  /** An item of the immediate {@code GET /deployments/{name}/instances}: whether the Director expects a VM. */
  record Instance(String id, String job, Boolean expectsVm) {}
}
