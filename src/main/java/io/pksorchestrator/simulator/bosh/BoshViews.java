package io.pksorchestrator.simulator.bosh;

import static io.pksorchestrator.simulator.core.Json.obj;

import java.util.List;
import java.util.Map;

/** JSON views of deployments and instances, as the Director renders them (§4.3). */
final class BoshViews {

  private BoshViews() {}

  /** An item of {@code GET /deployments}. */
  static Map<String, Object> deployment(SimDeployment d) {
    return obj("name", d.name, "cloud_config", "latest",
        "releases", List.of(obj("name", "kubo", "version", "1.19.2")),
        "stemcells", List.of(obj("name", d.stemcell.boshName(), "version", d.stemcell.version())),
        "teams", List.of());
  }

  /** {@code GET /deployments/{name}}: the manifest as a YAML string. */
  static Map<String, Object> manifest(SimDeployment d) {
    StringBuilder yaml = new StringBuilder("name: ").append(d.name).append("\nstemcells:\n- alias: default\n  os: ")
        .append(d.stemcell.os()).append("\n  version: \"").append(d.stemcell.version()).append("\"\ninstance_groups:\n");
    for (String group : d.groupNames()) {
      yaml.append("- name: ").append(group).append("\n  instances: ").append(d.group(group).size()).append('\n');
      if (d.group(group).get(0).isErrand()) {
        yaml.append("  lifecycle: errand\n");
      }
    }
    yaml.append("update:\n  canaries: 1\n  max_in_flight: 1\n  canary_watch_time: 10000-300000\n  update_watch_time: 10000-300000\n");
    return obj("manifest", yaml.toString());
  }

  /** An item of {@code GET /deployments/{name}/instances}: VM fields null without a VM. */
  static Map<String, Object> instance(SimInstance i) {
    return obj("agent_id", i.agentId, "cid", i.vmCid, "job", i.group, "index", i.index, "id", i.id, "az", i.az,
        "ips", i.ips(), "vm_created_at", i.vmCreatedAt == null ? null : i.vmCreatedAt.toString(),
        "expects_vm", i.expectsVm());
  }

  /** An item of {@code GET /deployments/{name}/vms}. */
  static Map<String, Object> vm(SimInstance i) {
    return obj("agent_id", i.agentId, "cid", i.vmCid, "job", i.group, "index", i.index, "id", i.id, "az", i.az,
        "ips", i.ips(), "vm_created_at", i.vmCreatedAt == null ? null : i.vmCreatedAt.toString(),
        "active", true, "permanent_nats_credentials", true);
  }

  /**
   * One line of the {@code format=full} task result (cloudfoundry/bosh {@code jobs/vm_state.rb}): every instance,
   * also one without a VM, whose VM fields, {@code job_state}, {@code vitals} and {@code active} are null,
   * {@code ips} and {@code processes} empty and {@code stemcell} all null.
   */
  static Map<String, Object> fullDetails(SimInstance i, SimDeployment d) {
    boolean hasVm = i.vmCid != null;
    List<Map<String, Object>> processes = i.processStates().stream().map(p -> obj("name", p.getKey(),
        "state", p.getValue(), "uptime", obj("secs", 3600), "mem", obj("kb", 120000, "percent", 1.5),
        "cpu", obj("total", 0.4))).toList();
    String diskCid = hasVm && !i.isErrand() ? "disk-" + i.id : null;
    return obj("vm_cid", i.vmCid, "disk_cid", diskCid, "disk_cids", diskCid == null ? List.of() : List.of(diskCid),
        "ips", i.ips(), "agent_id", i.agentId,
        "job_name", i.group, "index", i.index, "job_state", hasVm ? i.jobState : null, "state", i.desiredState,
        "vm_type", i.group.equals("master") ? "medium.disk" : i.isErrand() ? "micro" : "large.disk",
        "cloud_properties", obj(), "active", hasVm ? Boolean.TRUE : null,
        "vitals", hasVm ? obj("cpu", obj("sys", "1.2", "user", "8.5", "wait", "0.1"), "load", List.of("0.5", "0.4", "0.3"),
            "mem", obj("kb", "4100000", "percent", "50"), "swap", obj("kb", "0", "percent", "0"),
            "disk", obj("system", obj("percent", "40", "inode_percent", "10")), "uptime", obj("secs", 3600)) : null,
        "processes", processes,
        "az", i.az, "id", i.id, "bootstrap", i.index == 0, "ignore", false,
        "vm_created_at", i.vmCreatedAt == null ? null : i.vmCreatedAt.toString(),
        "stemcell", hasVm ? obj("name", d.stemcell.boshName(), "version", d.stemcell.version(), "api_version", 3)
            : obj("name", null, "version", null, "api_version", null));
  }
}
