package io.pksorchestrator.simulator.bosh;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One instance of a BOSH deployment (a VM, or a VM-less instance while it is being created). */
public final class SimInstance {

  /** BOSH job states used by the simulation ({@code running} = healthy). */
  public static final String RUNNING = "running";
  public static final String STARTING = "starting";
  public static final String STOPPED = "stopped";
  public static final String FAILING = "failing";

  final String group;
  final String id = UUID.randomUUID().toString();
  final int index;
  final String az;
  final String ip;
  String vmCid;
  String agentId;
  String jobState = STOPPED;
  Instant vmCreatedAt;
  /** Drained/cordoned: the VM still runs but serves no workloads. */
  boolean cordoned;

  SimInstance(String group, int index, String az, String ip) {
    this.group = group;
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

  /** Whether the instance serves workloads (running and not drained). */
  public boolean serving() {
    return RUNNING.equals(jobState) && !cordoned;
  }

  /** Gives the instance a fresh VM (new CID and agent). */
  void newVm(Instant now) {
    vmCid = "vm-" + UUID.randomUUID();
    agentId = UUID.randomUUID().toString();
    vmCreatedAt = now;
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
