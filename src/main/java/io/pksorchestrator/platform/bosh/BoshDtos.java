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

  /** One line of the {@code instances?format=full} task result. */
  record InstanceDetails(String id, String jobName, Integer index, String az, List<String> ips, String jobState,
      String vmCid) {}

  /** One VM of {@code GET /deployments/{name}/vms}. */
  record Vm(String agentId, String cid, String job, Integer index, String id, String az, List<String> ips,
      String vmCreatedAt, Boolean active) {}
}
