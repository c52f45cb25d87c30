package io.pksorchestrator.platform.bosh;

import java.util.List;

/**
 * One instance of a deployment: a line of {@code GET /deployments/{name}/instances?format=full} (a task result),
 * with {@code expects_vm} from the immediate {@code GET /deployments/{name}/instances}.
 *
 * <p>The Director lists every instance, including those without a VM (errand instance groups, detached
 * instances): {@code vm_cid} and {@code job_state} are null and {@code processes} is empty there
 * (cloudfoundry/bosh {@code jobs/vm_state.rb}).
 *
 * @param group instance group ({@code job_name}): {@code master} or {@code worker} for a PKS cluster, or an
 *     errand group such as {@code apply-addons}
 * @param jobState the agent's {@code running}, {@code starting}, {@code stopped}, {@code failing}, {@code unknown},
 *     {@code unresponsive agent}; {@code null} without a VM
 * @param vmCid the IaaS VM id, {@code null} without a VM; changes when the VM is recreated
 * @param state the desired state: {@code started}, {@code stopped} or {@code detached}
 * @param processes the agent's processes (monit services) with their states; empty without a VM
 * @param expectsVm whether the Director expects a VM ({@code lifecycle: service} and started or stopped);
 *     {@code false} for errand instances and detached ones; {@code null} when not known
 */
public record BoshInstance(String id, String group, Integer index, String az, List<String> ips, String jobState,
    String vmCid, String state, List<Process> processes, Boolean expectsVm) {

  /** An agent process: {@code running} when healthy. */
  public record Process(String name, String state) {}

  public BoshInstance {
    ips = ips == null ? List.of() : List.copyOf(ips);
    processes = processes == null ? List.of() : List.copyOf(processes);
  }

  /**
   * A started service instance with one process in the job state (what a healthy or a plainly failing VM
   * reports); for callers and tests that only know a job state.
   */
  public BoshInstance(String id, String group, Integer index, String az, List<String> ips, String jobState,
      String vmCid) {
    this(id, group, index, az, ips, jobState, vmCid, "started",
        vmCid == null || jobState == null ? List.of() : List.of(new Process(group, jobState)), true);
  }

  /**
   * bosh-cli's {@code IsRunning()}: {@code job_state} is {@code running} AND there is at least one process AND
   * every process is {@code running}. An instance without a VM is never running.
   */
  public boolean isRunning() {
    return "running".equals(jobState) && !processes.isEmpty()
        && processes.stream().allMatch(p -> "running".equals(p.state()));
  }

  /**
   * An instance of an errand instance group: the Director expects no VM for it and it is not detached. Health
   * checks skip it (BOSH's health monitor alerts only on instances that expect a VM and have none).
   */
  public boolean isErrand() {
    return Boolean.FALSE.equals(expectsVm) && !"detached".equals(state);
  }

  /** Why the instance is not running, for messages: {@code worker/ab12 failing (kubelet failing)}. */
  public String describe() {
    String name = group + "/" + id;
    if (vmCid == null) {
      return name + " has no VM" + ("detached".equals(state) ? " (detached)" : "");
    }
    List<String> bad = processes.stream().filter(p -> !"running".equals(p.state()))
        .map(p -> p.name() + " " + p.state()).toList();
    if (processes.isEmpty()) {
      return name + " " + jobState + " (no processes reported)";
    }
    return name + " " + jobState + (bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")");
  }
}
