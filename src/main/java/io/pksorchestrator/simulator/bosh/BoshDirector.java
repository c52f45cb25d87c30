package io.pksorchestrator.simulator.bosh;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.core.SimException;
import io.pksorchestrator.simulator.core.Stemcell;
import io.pksorchestrator.simulator.faults.FaultInjector;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The simulated BOSH Director: deployments with instances, tasks, stemcells. PKS cluster operations drive
 * their deployments through the package-level methods; HTTP callers see the Director API of the reference (§4).
 */
public final class BoshDirector {


  private final Scheduler scheduler;
  private final Consumer<SimDeployment> onChange;
  private final String uuid = UUID.randomUUID().toString();
  private final Map<String, SimDeployment> deployments = new LinkedHashMap<>();
  private final BoshTasks tasks;
  private final Set<Stemcell> stemcells = new LinkedHashSet<>();
  private int nextSubnet = 1;

  /** @param onChange called after every instance state change (feeds the serving record) */
  public BoshDirector(Scheduler scheduler, FaultInjector faults, Duration taskDuration, Consumer<SimDeployment> onChange) {
    this.scheduler = scheduler;
    this.tasks = new BoshTasks(scheduler, faults, taskDuration);
    this.onChange = onChange;
  }

  // ---- Director API ------------------------------------------------------------------------------------

  /** {@code GET /info} (unauthenticated). */
  public Map<String, Object> info(String uaaUrl) {
    Stemcell latest = stemcells.stream().max(Comparator.comparing(Stemcell::version, Stemcell.VERSION_ORDER)).orElse(null);
    return obj("name", "p-bosh", "uuid", uuid, "version", "280.1.10 (00000000)", "user", null, "cpi", "vsphere_cpi",
        "stemcell_os", latest == null ? null : latest.os(), "stemcell_version", latest == null ? null : latest.version(),
        "user_authentication", obj("type", "uaa", "options", obj("url", uaaUrl)),
        "features", obj("config_server", obj("status", true), "local_dns", obj("status", true)));
  }

  /** {@code GET /deployments}. */
  public List<Map<String, Object>> deployments() {
    return deployments.values().stream().map(BoshViews::deployment).toList();
  }

  /** {@code GET /deployments/{name}}: the manifest as a YAML string. */
  public Map<String, Object> manifest(String name) {
    return BoshViews.manifest(deployment(name));
  }

  /** {@code GET /deployments/{name}/instances} (immediate form). */
  public List<Map<String, Object>> instances(String name) {
    return deployment(name).instances.stream().map(BoshViews::instance).toList();
  }

  /** {@code GET /deployments/{name}/vms} (immediate form). */
  public List<Map<String, Object>> vms(String name) {
    return deployment(name).instances.stream().filter(i -> i.vmCid != null).map(BoshViews::vm).toList();
  }

  /** {@code GET /deployments/{name}/instances?format=full} or {@code vms?format=full}: a task whose result is one JSON line per instance. */
  public SimTask detailsTask(String name, boolean vmsOnly) {
    deployment(name);
    return tasks.run("retrieve vm-stats", name, task -> {
      SimDeployment d = deployments.get(name);
      if (d == null) {
        throw new IllegalStateException("Deployment '" + name + "' doesn't exist");
      }
      StringBuilder lines = new StringBuilder();
      d.instances.stream().filter(i -> !vmsOnly || i.vmCid != null).forEach(i -> lines.append(BoshTasks.line(BoshViews.fullDetails(i, d))).append('\n'));
      task.resultOutput = lines.toString();
      return "retrieved vm-info";
    });
  }

  /** {@code POST /deployments} with a manifest: creates or updates (no-op) the named deployment. */
  public SimTask deploy(String manifest) {
    String name = manifest == null ? null : manifest.lines().filter(l -> l.startsWith("name:"))
        .map(l -> l.substring(5).trim().replace("\"", "")).findFirst().orElse(null);
    if (name == null || name.isEmpty()) {
      throw error(400, 40001, "Deployment manifest doesn't have a top-level 'name' (send Content-Type: text/yaml)");
    }
    return tasks.run("create deployment", name, task -> {
      deployments.computeIfAbsent(name, n -> new SimDeployment(n, null, latestStemcell(), nextSubnet++));
      return "/deployments/" + name;
    });
  }

  /** {@code DELETE /deployments/{name}}. */
  public SimTask deleteDeployment(String name) {
    deployment(name);
    return tasks.run("delete deployment " + name, name, task -> {
      deployments.remove(name);
      return "/deployments/" + name;
    });
  }

  /** {@code PUT /deployments/{name}/jobs/{group}[/{id}]?state=started|stopped|restart|recreate}. */
  public SimTask changeJobState(String name, String group, String indexOrId, String state) {
    SimDeployment d = deployment(name);
    if (!Set.of("started", "stopped", "detached", "restart", "recreate").contains(String.valueOf(state))) {
      throw error(400, 40000, "Unknown state '" + state + "': use started, stopped, detached, restart or recreate");
    }
    List<SimInstance> targets = d.instances.stream()
        .filter(i -> !i.isErrand()) // errand instances have no VM to start or stop
        .filter(i -> group.equals("*") || i.group.equals(group))
        .filter(i -> indexOrId == null || i.id.equals(indexOrId) || String.valueOf(i.index).equals(indexOrId)).toList();
    if (targets.isEmpty()) {
      throw error(404, 70001, "Instance '" + group + "/" + indexOrId + "' doesn't exist");
    }
    return tasks.run(state + " instances", name, task -> {
      for (SimInstance i : targets) {
        i.desiredState = switch (state) {
          case "stopped", "detached" -> state;
          default -> "started";
        };
        switch (state) {
          case "stopped", "detached" -> i.jobState = SimInstance.STOPPED;
          case "recreate" -> {
            i.newVm(scheduler.now());
            i.jobState = SimInstance.RUNNING;
          }
          default -> {
            i.jobState = SimInstance.RUNNING;
            i.failedProcesses.clear(); // restart / start: monit restarts the processes
          }
        }
        i.cordoned = false;
      }
      onChange.accept(d);
      return "/deployments/" + name;
    });
  }





  /** {@code GET /tasks} with optional filters, most recent first. */
  public List<Map<String, Object>> tasks(Set<String> states, String deployment, Integer limit) {
    return tasks.list(states, deployment, limit);
  }

  /** {@code GET /tasks/{id}}. */
  public Map<String, Object> task(long id) {
    return tasks.get(id);
  }

  /** {@code GET /tasks/{id}/output?type=event|result|debug|cpi}. */
  public String taskOutput(long id, String type) {
    return tasks.output(id, type);
  }

  /** {@code DELETE /task/{id}}. */
  public void cancel(long id) {
    tasks.cancel(id);
  }

  /** Starts a task driven by another simulation (processing at once; it decides when it ends). */
  public SimTask beginTask(String description, String deployment, String user) {
    return tasks.begin(description, deployment, user);
  }

  /** Ends a task begun with {@link #beginTask}. */
  public void endTask(SimTask task, boolean ok, String result) {
    tasks.end(task, ok, result);
  }

  /** {@code GET /stemcells}. */
  public List<Map<String, Object>> stemcells() {
    return stemcells.stream().map(s -> obj("name", s.boshName(), "operating_system", s.os(), "version", s.version(),
        "cid", "sc-" + UUID.nameUUIDFromBytes((s.os() + s.version()).getBytes()), "cpi", "",
        "deployments", deployments.values().stream().filter(d -> d.stemcell.equals(s)).map(d -> obj("name", d.name)).toList()))
        .toList();
  }

  // ---- used by the PKS and Ops Manager simulations --------------------------------------------------

  /** Creates an empty deployment for a PKS cluster. */
  public SimDeployment createDeployment(String name, String clusterName, Stemcell stemcell) {
    SimDeployment d = new SimDeployment(name, clusterName, stemcell, nextSubnet++);
    deployments.put(name, d);
    return d;
  }

  /** Removes a deployment. */
  public void removeDeployment(String name) {
    deployments.remove(name);
  }

  /** A deployment by name, or null. */
  public SimDeployment find(String name) {
    return deployments.get(name);
  }

  /** Makes a stemcell known to the Director (uploaded by Ops Manager during an installation). */
  public void addStemcell(Stemcell stemcell) {
    stemcells.add(stemcell);
  }



  /** Sets an instance's job state (and drain flag) and tells the serving record. */
  public void setState(SimDeployment d, SimInstance i, String jobState, boolean cordoned) {
    i.jobState = jobState;
    i.cordoned = cordoned;
    onChange.accept(d);
  }

  /**
   * Makes a process of an instance fail (fault injection): the agent reports it {@code failing} until the VM is
   * recreated, while the job state may still read {@code running} (see {@link SimInstance#processStates()}).
   *
   * @param process a process name, or null for the instance's first process
   * @return the instance's group/id
   */
  public String failProcess(String deployment, String group, int index, String process) {
    SimDeployment d = deployment(deployment);
    SimInstance i = d.group(group).stream().filter(x -> x.index == index).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Deployment " + deployment + " has no instance " + group + "/" + index));
    if (i.vmCid == null) {
      throw new IllegalArgumentException(group + "/" + index + " has no VM, hence no processes");
    }
    String name = process == null ? i.processNames().get(0) : process;
    if (!i.processNames().contains(name)) {
      throw new IllegalArgumentException(group + "/" + index + " has no process '" + name + "'; it runs " + i.processNames());
    }
    i.failedProcesses.add(name);
    onChange.accept(d);
    return group + "/" + i.id;
  }

  /** Gives an instance a fresh VM. */
  public void recreateVm(SimInstance i) {
    i.newVm(scheduler.now());
  }

  /** Tells the serving record about a structural change (instances added or removed). */
  public void changed(SimDeployment d) {
    onChange.accept(d);
  }

  /** Forgets everything (simulator reset). */
  public void clear() {
    deployments.clear();
    tasks.clear();
    stemcells.clear();
  }

  // ---- internals ---------------------------------------------------------------------------------------




  private Stemcell latestStemcell() {
    return stemcells.stream().max(Comparator.comparing(Stemcell::version, Stemcell.VERSION_ORDER))
        .orElse(new Stemcell("ubuntu-jammy", "1.400"));
  }

  private SimDeployment deployment(String name) {
    SimDeployment d = deployments.get(name);
    if (d == null) {
      throw error(404, 70000, "Deployment '" + name + "' doesn't exist");
    }
    return d;
  }


  /** A Director error: {"code":..., "description":...} with the given HTTP status. */
  static SimException error(int status, int code, String description) {
    return new SimException(status, obj("code", code, "description", description), description);
  }

}
