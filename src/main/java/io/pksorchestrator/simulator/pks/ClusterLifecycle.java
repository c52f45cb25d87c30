package io.pksorchestrator.simulator.pks;

import static io.pksorchestrator.simulator.pks.SimCluster.CREATE;
import static io.pksorchestrator.simulator.pks.SimCluster.DELETE;
import static io.pksorchestrator.simulator.pks.SimCluster.FAILED;
import static io.pksorchestrator.simulator.pks.SimCluster.IN_PROGRESS;
import static io.pksorchestrator.simulator.pks.SimCluster.SUCCEEDED;
import static io.pksorchestrator.simulator.pks.SimCluster.UPDATE;
import static io.pksorchestrator.simulator.pks.SimCluster.UPGRADE;

import io.pksorchestrator.simulator.SimulatorProperties.Durations;
import io.pksorchestrator.simulator.bosh.BoshDirector;
import io.pksorchestrator.simulator.bosh.SimDeployment;
import io.pksorchestrator.simulator.bosh.SimInstance;
import io.pksorchestrator.simulator.bosh.SimTask;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.faults.FaultInjector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How PKS operations play out on a cluster's BOSH deployment over simulated time: creation, resize,
 * deletion and the rolling upgrade (masters first, then workers, one VM at a time: drain, recreate, start).
 */
final class ClusterLifecycle {

  static final String FAILED_DESCRIPTION = "Instance provisioning failed: There was a problem completing your request.";
  private static final String BROKER = "pivotal-container-service";
  /** The errand instance group of a cluster deployment (applies the plan's add-ons). */
  static final String ERRAND_GROUP = "apply-addons";

  private final Scheduler scheduler;
  private final BoshDirector bosh;
  private final FaultInjector faults;
  private final Durations durations;
  private final ControlPlane controlPlane;

  ClusterLifecycle(Scheduler scheduler, BoshDirector bosh, FaultInjector faults, Durations durations, ControlPlane controlPlane) {
    this.scheduler = scheduler;
    this.bosh = bosh;
    this.faults = faults;
    this.durations = durations;
    this.controlPlane = controlPlane;
  }

  /** A cluster already running at start-up (pre-provisioned lab clusters). */
  void provisioned(SimCluster c, String pksVersion, String k8sVersion) {
    c.action(CREATE, SUCCEEDED, "Instance provisioning completed");
    c.pksVersion = pksVersion;
    c.k8sVersion = k8sVersion;
    SimDeployment d = newDeployment(c);
    for (SimInstance i : d.serviceInstances()) {
      bosh.recreateVm(i);
      bosh.setState(d, i, SimInstance.RUNNING, false);
    }
    c.masterIps = d.group("master").stream().map(SimInstance::ip).toList();
  }

  void create(SimCluster c) {
    c.action(CREATE, IN_PROGRESS, "Creating cluster");
    c.pksVersion = controlPlane.pksVersion();
    c.k8sVersion = controlPlane.kubernetesVersion();
    SimDeployment d = newDeployment(c);
    SimTask task = bosh.beginTask("create deployment", d.name(), BROKER);
    Duration total = durations.getCreate();
    scheduler.after(total.multipliedBy(6).dividedBy(10), () -> d.serviceInstances().forEach(i -> {
      bosh.recreateVm(i);
      bosh.setState(d, i, SimInstance.STARTING, false);
    }));
    scheduler.after(total, () -> {
      boolean fail = faults.takeClusterFailure(c.name);
      d.serviceInstances().forEach(i -> bosh.setState(d, i, fail && i.group().equals("worker") ? SimInstance.FAILING : SimInstance.RUNNING, false));
      c.masterIps = d.group("master").stream().map(SimInstance::ip).toList();
      c.action(CREATE, fail ? FAILED : SUCCEEDED, fail ? FAILED_DESCRIPTION : "Instance provisioning completed");
      bosh.endTask(task, !fail, fail ? "Injected fault: creation failed" : "/deployments/" + d.name());
    });
  }

  void resize(SimCluster c, int newWorkers) {
    c.action(UPDATE, IN_PROGRESS, "Instance update in progress");
    SimDeployment d = c.deployment;
    SimTask task = bosh.beginTask("create deployment", d.name(), BROKER);
    List<SimInstance> workers = d.group("worker");
    List<SimInstance> added = new ArrayList<>();
    List<SimInstance> removed = new ArrayList<>();
    for (int n = workers.size(); n < newWorkers; n++) {
      SimInstance i = d.addInstance("worker");
      bosh.recreateVm(i);
      bosh.setState(d, i, SimInstance.STARTING, false);
      added.add(i);
    }
    for (int n = workers.size() - 1; n >= newWorkers; n--) {
      SimInstance i = workers.get(n);
      bosh.setState(d, i, SimInstance.RUNNING, true);
      removed.add(i);
    }
    c.workers = newWorkers;
    Duration total = durations.getUpdate();
    scheduler.after(total.dividedBy(2), () -> removed.forEach(i -> bosh.setState(d, i, SimInstance.STOPPED, true)));
    scheduler.after(total, () -> {
      boolean fail = faults.takeClusterFailure(c.name);
      added.forEach(i -> bosh.setState(d, i, fail ? SimInstance.FAILING : SimInstance.RUNNING, false));
      if (!fail) {
        d.instances().removeAll(removed);
        bosh.changed(d);
      }
      c.action(UPDATE, fail ? FAILED : SUCCEEDED, fail ? FAILED_DESCRIPTION : "Instance update completed");
      bosh.endTask(task, !fail, fail ? "Injected fault: update failed" : "/deployments/" + d.name());
    });
  }

  void delete(SimCluster c, Consumer<SimCluster> gone) {
    c.action(DELETE, IN_PROGRESS, "Instance deletion in progress");
    SimDeployment d = c.deployment;
    SimTask task = bosh.beginTask("delete deployment " + d.name(), d.name(), BROKER);
    d.serviceInstances().forEach(i -> bosh.setState(d, i, i.jobState(), true));
    scheduler.after(durations.getDelete().dividedBy(2), () -> d.serviceInstances().forEach(i -> bosh.setState(d, i, SimInstance.STOPPED, true)));
    scheduler.after(durations.getDelete(), () -> {
      if (faults.takeClusterFailure(c.name)) {
        c.action(DELETE, FAILED, "Instance deletion failed: There was a problem completing your request.");
        bosh.endTask(task, false, "Injected fault: deletion failed");
        return;
      }
      bosh.endTask(task, true, "/deployments/" + d.name());
      bosh.removeDeployment(d.name());
      gone.accept(c);
    });
  }

  /** Rolling upgrade; {@code done} receives whether it succeeded. */
  void upgrade(SimCluster c, Consumer<Boolean> done) {
    c.action(UPGRADE, IN_PROGRESS, "Instance upgrade in progress");
    SimDeployment d = c.deployment;
    SimTask task = bosh.beginTask("create deployment", d.name(), BROKER);
    List<SimInstance> order = new ArrayList<>(d.group("master"));
    order.addAll(d.group("worker"));
    // An injected failure strikes the first worker (or the last VM): the VM does not come back.
    int failAt = faults.takeClusterFailure(c.name) ? Math.min(d.group("master").size(), order.size() - 1) : -1;
    upgradeVm(c, d, order, 0, failAt, task, done);
  }

  private void upgradeVm(SimCluster c, SimDeployment d, List<SimInstance> order, int k, int failAt, SimTask task,
      Consumer<Boolean> done) {
    if (k == order.size()) {
      d.stemcell(controlPlane.deployedStemcell());
      c.pksVersion = controlPlane.pksVersion();
      c.k8sVersion = controlPlane.kubernetesVersion();
      c.action(UPGRADE, SUCCEEDED, "Instance upgrade completed");
      bosh.endTask(task, true, "/deployments/" + d.name());
      done.accept(true);
      return;
    }
    SimInstance vm = order.get(k);
    Duration quarter = durations.getVmRecreate().dividedBy(4);
    bosh.setState(d, vm, vm.jobState(), true); // cordon + drain
    scheduler.after(quarter, () -> {
      bosh.setState(d, vm, SimInstance.STOPPED, true);
      scheduler.after(quarter.multipliedBy(2), () -> {
        bosh.recreateVm(vm);
        bosh.setState(d, vm, SimInstance.STARTING, true);
        scheduler.after(quarter, () -> {
          if (k == failAt) {
            bosh.setState(d, vm, SimInstance.FAILING, true);
            c.action(UPGRADE, FAILED, "Instance upgrade failed: There was a problem completing your request.");
            bosh.endTask(task, false, "Injected fault: " + vm.group() + "/" + vm.id() + " failed to start");
            done.accept(false);
            return;
          }
          bosh.setState(d, vm, SimInstance.RUNNING, false);
          upgradeVm(c, d, order, k + 1, failAt, task, done);
        });
      });
    });
  }

  private SimDeployment newDeployment(SimCluster c) {
    SimDeployment d = bosh.createDeployment("service-instance_" + c.uuid, c.name, controlPlane.deployedStemcell());
    for (int m = 0; m < c.plan.masters(); m++) {
      d.addInstance("master");
    }
    for (int w = 0; w < c.workers; w++) {
      d.addInstance("worker");
    }
    // PKS cluster deployments carry errand instance groups (the plan's "Errand VM Type"): listed by the
    // Director without a VM between runs (pks-api-models.md §3.5)
    d.addErrandInstance(ERRAND_GROUP);
    c.deployment = d;
    bosh.changed(d);
    return d;
  }
}
