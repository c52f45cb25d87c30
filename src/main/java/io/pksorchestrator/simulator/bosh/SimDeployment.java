package io.pksorchestrator.simulator.bosh;

import io.pksorchestrator.simulator.core.Stemcell;
import java.util.ArrayList;
import java.util.List;

/** A BOSH deployment; for a PKS cluster {@code service-instance_<uuid>} with instance groups master and worker. */
public final class SimDeployment {

  final String name;
  /** Name of the PKS cluster this deployment is, or null. */
  final String clusterName;
  final List<SimInstance> instances = new ArrayList<>();
  Stemcell stemcell;
  private int nextIp = 10;
  private final int subnet;

  SimDeployment(String name, String clusterName, Stemcell stemcell, int subnet) {
    this.name = name;
    this.clusterName = clusterName;
    this.stemcell = stemcell;
    this.subnet = subnet;
  }

  /** Deployment name. */
  public String name() {
    return name;
  }

  /** The PKS cluster behind the deployment, or null. */
  public String clusterName() {
    return clusterName;
  }

  /** The stemcell the deployment runs on. */
  public Stemcell stemcell() {
    return stemcell;
  }

  /** Moves the deployment to another stemcell (after an upgrade). */
  public void stemcell(Stemcell newStemcell) {
    this.stemcell = newStemcell;
  }

  /** Instances, masters first. */
  public List<SimInstance> instances() {
    return instances;
  }

  /** Instances of one group, by index. */
  public List<SimInstance> group(String group) {
    return instances.stream().filter(i -> i.group.equals(group)).toList();
  }

  /** Instances of service groups (with VMs), masters first; errand instances left out. */
  public List<SimInstance> serviceInstances() {
    return instances.stream().filter(i -> !i.isErrand()).toList();
  }

  /** Names of the instance groups in manifest order. */
  List<String> groupNames() {
    return instances.stream().map(i -> i.group).distinct().toList();
  }

  /** Adds a VM-less service instance to {@code group} with the next free index. */
  public SimInstance addInstance(String group) {
    return add(group, SimInstance.SERVICE);
  }

  /** Adds an instance of an errand group ({@code lifecycle: errand}): it never has a VM here. */
  public SimInstance addErrandInstance(String group) {
    return add(group, SimInstance.ERRAND);
  }

  private SimInstance add(String group, String lifecycle) {
    int index = (int) instances.stream().filter(i -> i.group.equals(group)).count();
    String az = "az" + (index % 3 + 1);
    SimInstance instance = new SimInstance(group, lifecycle, index, az, "10.100." + subnet + "." + nextIp++);
    instances.add(instance);
    return instance;
  }
}
