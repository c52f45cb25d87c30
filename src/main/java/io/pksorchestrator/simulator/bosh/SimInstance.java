package io.pksorchestrator.simulator.bosh;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One instance of a BOSH deployment: a VM, a VM-less service instance while it is being created, or an instance
 * of an errand group ({@code lifecycle: errand}), which has no VM between errand runs.
 */
public final class SimInstance {

  /** BOSH job states used by the simulation ({@code running} = healthy). */
  public static final String RUNNING = "running";
  public static final String STARTING = "starting";
  public static final String STOPPED = "stopped";
  public static final String FAILING = "failing";
  /** Instance group lifecycles. */
  public static final String SERVICE = "service";
  public static final String ERRAND = "errand";

  final String group;
  final String lifecycle;
  /** Desired state: started, stopped or detached. */
  String desiredState = "started";
  /** Processes made to fail by a fault (until the VM is recreated). */
  final Set<String> failedProcesses = new LinkedHashSet<>();
  final String id = UUID.randomUUID().toString();
  final int index;
  final String az;
  final String ip;
  String vmCid;
  String agentId;
  String jobState;
  Instant vmCreatedAt;
  /** Drained/cordoned: the VM still runs but serves no workloads. */
  boolean cordoned;

  SimInstance(String group, String lifecycle, int index, String az, String ip) {
    this.group = group;
    this.lifecycle = lifecycle;
    this.jobState = ERRAND.equals(lifecycle) ? null : STOPPED;
    this.index = index;
    this.az = az;
    this.ip = ip;
  }

  /** Instance group, e.g. master or worker. */
  public String group() {
    return group;
  }

  /** BOSH job state. */
  public String jobState() {
    return jobState;
  }

  /** Current VM CID, null without a VM. */
  public String vmCid() {
    return vmCid;
  }

  /** Whether the instance serves workloads (running, every process running, not drained). */
  public boolean serving() {
    return RUNNING.equals(jobState) && failedProcesses.isEmpty() && !cordoned;
  }

  /** Whether this is an instance of an errand group (no VM expected). */
  public boolean isErrand() {
    return ERRAND.equals(lifecycle);
  }

  /** The Director's {@code expects_vm}: a service instance that is started or stopped (not detached). */
  boolean expectsVm() {
    return SERVICE.equals(lifecycle) && ("started".equals(desiredState) || "stopped".equals(desiredState));
  }

  /** Gives the instance a fresh VM (new CID and agent); failed processes are gone with the old VM. */
  void newVm(Instant now) {
    vmCid = "vm-" + UUID.randomUUID();
    agentId = UUID.randomUUID().toString();
    vmCreatedAt = now;
    failedProcesses.clear();
  }

  /** The monit processes of the instance's jobs; none without a VM. */
  List<String> processNames() {
    if (vmCid == null) {
      return List.of();
    }
    return switch (group) {
      case "master" -> List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler");
      case "worker" -> List.of("containerd", "kubelet", "kube-proxy");
      default -> List.of(group);
    };
  }

  /**
   * Each process's state as the agent reports it. A process made to fail is {@code failing}; the others follow
   * the job state ({@code failing}: the first process fails). The job state is NOT derived from the processes:
   * the agent reads them in two separate monit calls, so a flapping process can be {@code failing} while the job
   * state still says {@code running} (the harsher combination, kept on purpose).
   */
  List<Map.Entry<String, String>> processStates() {
    List<String> names = processNames();
    List<Map.Entry<String, String>> states = new java.util.ArrayList<>();
    for (int k = 0; k < names.size(); k++) {
      String name = names.get(k);
      String state = failedProcesses.contains(name) ? FAILING
          : FAILING.equals(jobState) ? (k == 0 ? FAILING : RUNNING)
          : STOPPED.equals(jobState) ? "not monitored"
          : jobState == null ? "unknown" : jobState;
      states.add(Map.entry(name, state));
    }
    return states;
  }

  /** Instance id (uuid). */
  public String id() {
    return id;
  }

  /** Index within the group. */
  public int index() {
    return index;
  }

  /** The instance's static IP. */
  public String ip() {
    return ip;
  }

  List<String> ips() {
    return vmCid == null ? List.of() : List.of(ip);
  }
}
