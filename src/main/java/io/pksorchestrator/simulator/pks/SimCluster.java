package io.pksorchestrator.simulator.pks;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.bosh.SimDeployment;
import io.pksorchestrator.simulator.core.ChangeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A PKS cluster: its API view (last action, parameters, versions) and its BOSH deployment. */
public final class SimCluster {

  /** {@code last_action} values. */
  public static final String CREATE = "CREATE";
  public static final String UPDATE = "UPDATE";
  public static final String DELETE = "DELETE";
  public static final String UPGRADE = "UPGRADE";
  /** {@code last_action_state} values. */
  public static final String IN_PROGRESS = "in progress";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String QUEUED = "queued";

  final String name;
  final String uuid = UUID.randomUUID().toString();
  final Plan plan;
  final String host;
  final int port;
  final Instant createdAt;
  int workers;
  String lastAction;
  String lastActionState;
  String lastActionDescription;
  List<String> masterIps = List.of("In Progress");
  String k8sVersion;
  String pksVersion;
  List<Map<String, Object>> tags = new ArrayList<>();
  SimDeployment deployment;
  /** An action accepted but not registered yet (CREATE, UPDATE or DELETE), or null. */
  String pendingAction;
  /** Where every change of this cluster is recorded (set by the PKS simulation). */
  ChangeRecord changes;

  SimCluster(String name, Plan plan, String host, int port, int workers, Instant createdAt) {
    this.name = name;
    this.plan = plan;
    this.host = host;
    this.port = port;
    this.workers = workers;
    this.createdAt = createdAt;
  }

  /** Cluster name. */
  public String name() {
    return name;
  }

  /** Plan of the cluster. */
  public Plan plan() {
    return plan;
  }

  /** Requested worker count. */
  public int workers() {
    return workers;
  }

  /** When the cluster was created (simulated time). */
  public Instant createdAt() {
    return createdAt;
  }

  /** Current {@code last_action_state}. */
  public String lastActionState() {
    return lastActionState;
  }

  /** The BOSH deployment {@code service-instance_<uuid>}. */
  public SimDeployment deployment() {
    return deployment;
  }

  boolean busy() {
    return pendingAction != null || IN_PROGRESS.equals(lastActionState) || QUEUED.equals(lastActionState);
  }

  /** A cluster whose creation PKS has not registered yet: not listed, GET answers 404. */
  boolean hidden() {
    return CREATE.equals(pendingAction);
  }

  void action(String action, String state, String description) {
    lastAction = action;
    lastActionState = state;
    lastActionDescription = description;
    if (changes != null) {
      changes.transition(name, action, state);
    }
  }

  /** The Cluster model of §5.3; {@code details} adds the kubernetes_setting_* fields (clusterdetails). */
  Map<String, Object> toJson(ControlPlane controlPlane, boolean details) {
    Map<String, Object> parameters = obj(
        "kubernetes_master_host", host,
        "kubernetes_master_port", port,
        "worker_haproxy_ip_addresses", null,
        "kubernetes_worker_instances", workers,
        "authorization_mode", null,
        "cluster_tags", tags);
    if (details) {
      Map<String, Object> drain = obj("kubelet_drain_timeout", "0", "kubelet_drain_grace_period", "10",
          "kubelet_drain_force", "true", "kubelet_drain_ignore_daemonsets", "true",
          "kubelet_drain_delete_local_data", "true", "kubelet_drain_force_node", "false");
      parameters.put("kubernetes_setting_plan_details", drain);
      parameters.put("kubernetes_setting_cluster_details", drain);
      parameters.put("nsxt_network_details", null);
    }
    // available_upgrades' exact contents are [unconfirmed]; we list the component versions the control plane
    // would bring when the cluster lags it.
    List<Map<String, Object>> upgrades = new ArrayList<>();
    if (!controlPlane.pksVersion().equals(pksVersion)) {
      upgrades.add(obj("component", "pks", "version", controlPlane.pksVersion()));
    }
    if (!controlPlane.kubernetesVersion().equals(k8sVersion)) {
      upgrades.add(obj("component", "kubernetes", "version", controlPlane.kubernetesVersion()));
    }
    return obj(
        "name", name,
        "plan_name", plan.name(),
        "last_action", lastAction,
        "last_action_state", lastActionState,
        "last_action_description", lastActionDescription,
        "uuid", uuid,
        "kubernetes_master_ips", masterIps,
        "network_profile_name", "",
        "compute_profile_name", "",
        "kubernetes_profile_name", "",
        "k8s_version", k8sVersion,
        "pks_version", pksVersion,
        "parameters", parameters,
        "available_upgrades", upgrades);
  }
}
