package io.pksorchestrator.simulator.pks;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.SimulatorProperties.Durations;
import io.pksorchestrator.simulator.bosh.BoshDirector;
import io.pksorchestrator.simulator.core.ChangeRecord;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.core.SimException;
import io.pksorchestrator.simulator.faults.FaultInjector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The simulated PKS API (§5): plans, clusters, multi-cluster upgrades and their tasks. */
public final class PksSimulation {

  private final Scheduler scheduler;
  private final ControlPlane controlPlane;
  private final ClusterLifecycle lifecycle;
  private final int workerMaxInFlight;
  private final java.time.Duration registration;
  private final Map<String, SimCluster> clusters = new LinkedHashMap<>();
  private final UpgradeOrchestrator upgrades;
  private final List<Consumer<SimCluster>> createdListeners = new ArrayList<>();
  private final List<Consumer<SimCluster>> deletedListeners = new ArrayList<>();
  private final ChangeRecord changes;

  public PksSimulation(Scheduler scheduler, BoshDirector bosh, FaultInjector faults, Durations durations,
      ControlPlane controlPlane, int workerMaxInFlight) {
    this.scheduler = scheduler;
    this.controlPlane = controlPlane;
    this.workerMaxInFlight = workerMaxInFlight;
    this.registration = durations.getRegistration();
    this.changes = new ChangeRecord(scheduler);
    this.lifecycle = new ClusterLifecycle(scheduler, bosh, faults, durations, controlPlane);
    this.upgrades = new UpgradeOrchestrator(scheduler, lifecycle, clusters, workerMaxInFlight, changes);
  }

  /** Every change accepted or refused since start-up (or the last reset). */
  public ChangeRecord changes() {
    return changes;
  }

  /** Called with every new cluster (the workload model gives it demand). */
  public void onCreated(Consumer<SimCluster> listener) {
    createdListeners.add(listener);
  }

  /** Called with every cluster whose deletion finished. */
  public void onDeleted(Consumer<SimCluster> listener) {
    deletedListeners.add(listener);
  }

  /** Adds a running cluster at start-up, on an older tile version so an upgrade visibly bumps it. */
  public SimCluster provision(String name, String planName, int workers, Map<String, String> tags,
      String pksVersion, String k8sVersion) {
    SimCluster c = new SimCluster(name, plan(planName), name + ".lab.pks.local", 8443, workers, scheduler.now());
    tags.forEach((k, v) -> c.tags.add(obj("name", k, "value", v)));
    lifecycle.provisioned(c, pksVersion, k8sVersion);
    c.changes = changes;
    clusters.put(name, c);
    createdListeners.forEach(l -> l.accept(c));
    return c;
  }

  /** {@code GET /v1/plans}. */
  public List<Map<String, Object>> plans() {
    return Plan.LAB.stream().map(Plan::toJson).toList();
  }

  /** {@code GET /v1/clusters}: clusters whose creation is not registered yet are not listed. */
  public List<Map<String, Object>> clusters() {
    return clusters.values().stream().filter(c -> !c.hidden()).map(c -> c.toJson(controlPlane, false)).toList();
  }

  /** {@code GET /v1/clusters/{name}} or {@code /v1/clusterdetails/{name}}. */
  public Map<String, Object> cluster(String name, boolean details) {
    return find(name).toJson(controlPlane, details);
  }

  /** Simulation-side view of the clusters (Java API). */
  public Collection<SimCluster> all() {
    return clusters.values();
  }

  /**
   * {@code POST /v1/clusters}. An existing name is refused with 409 Conflict: the status is [unconfirmed]; a
   * name clash is a conflict with current state rather than a malformed request.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> create(Map<String, Object> request) {
    String name = text(request.get("name"));
    String planName = text(request.get("plan_name"));
    Object rawParams = request.get("parameters");
    if (name == null || planName == null || !(rawParams instanceof Map)) {
      throw error(400, "A cluster request needs name, plan_name and parameters (with kubernetes_master_host)");
    }
    if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}")) {
      throw error(422, "Cluster name '" + name + "' is invalid: use letters, digits, '-', '_' or '.', at most 64 characters");
    }
    Map<String, Object> params = (Map<String, Object>) rawParams;
    String host = text(params.get("kubernetes_master_host"));
    if (host == null) {
      throw error(400, "parameters.kubernetes_master_host (the cluster's external hostname) is required");
    }
    Plan plan = plan(planName);
    if (clusters.containsKey(name)) {
      String why = "Cluster name '" + name + "' is already taken: choose another name or delete the existing cluster";
      changes.refused(name, SimCluster.CREATE, 409, why);
      throw error(409, why);
    }
    int workers = params.get("kubernetes_worker_instances") == null ? plan.workers() : workerCount(params.get("kubernetes_worker_instances"), plan);
    int port = params.get("kubernetes_master_port") instanceof Number n ? n.intValue() : 8443;
    SimCluster c = new SimCluster(name, plan, host, port, workers, scheduler.now());
    if (params.get("cluster_tags") instanceof List<?> tags) {
      tags.forEach(t -> c.tags.add((Map<String, Object>) t));
    }
    // The answer shows CREATE in progress; PKS registers the action only after `durations.registration`: until
    // then GET answers 404 and the list omits the cluster (the name stays taken).
    c.action(SimCluster.CREATE, SimCluster.IN_PROGRESS, "Creating cluster");
    Map<String, Object> answer = c.toJson(controlPlane, false);
    c.pendingAction = SimCluster.CREATE;
    c.changes = changes;
    changes.accepted(name, SimCluster.CREATE);
    clusters.put(name, c);
    createdListeners.forEach(l -> l.accept(c));
    registered(c, () -> lifecycle.create(c));
    return answer;
  }

  /** Runs {@code action} once PKS has registered the pending action of {@code c}. */
  private void registered(SimCluster c, Runnable action) {
    scheduler.after(registration, () -> {
      c.pendingAction = null;
      action.run();
    });
  }

  /**
   * {@code PATCH /v1/clusters/{name}}. A busy cluster (an operation in progress or queued) is refused with 409
   * (status [unconfirmed]); worker counts outside 1..plan maximum with 422.
   */
  @SuppressWarnings("unchecked")
  public void update(String name, Map<String, Object> params) {
    SimCluster c = find(name);
    if (c.busy()) {
      String why = "Cluster " + name + " has an operation in progress (" + (c.pendingAction != null
          ? c.pendingAction + " not yet registered" : c.lastAction + " " + c.lastActionState)
          + "): wait until it has finished, then try again";
      changes.refused(name, SimCluster.UPDATE, 409, why);
      throw error(409, why);
    }
    int workers = params.containsKey("kubernetes_worker_instances")
        ? workerCount(params.get("kubernetes_worker_instances"), c.plan) : c.workers;
    changes.accepted(name, SimCluster.UPDATE);
    // until PKS registers the update the cluster shows its previous action, parameters and tags
    c.pendingAction = SimCluster.UPDATE;
    registered(c, () -> {
      if (params.get("cluster_tags") instanceof List<?> tags) {
        c.tags = new ArrayList<>();
        tags.forEach(t -> c.tags.add((Map<String, Object>) t));
      } else if (Boolean.TRUE.equals(params.get("delete_all_tags"))) {
        c.tags = new ArrayList<>();
      }
      lifecycle.resize(c, workers);
    });
  }

  /** {@code DELETE /v1/clusters/{name}}; the cluster answers 404 once the deletion has finished. */
  public void delete(String name) {
    SimCluster c = find(name);
    if (SimCluster.DELETE.equals(c.pendingAction) || (SimCluster.DELETE.equals(c.lastAction) && c.busy())) {
      return; // already being deleted: idempotent
    }
    if (c.busy()) {
      String why = "Cluster " + name + " has an operation in progress (" + (c.pendingAction != null
          ? c.pendingAction : c.lastAction) + "): wait until it has finished";
      changes.refused(name, SimCluster.DELETE, 409, why);
      throw error(409, why);
    }
    changes.accepted(name, SimCluster.DELETE);
    c.pendingAction = SimCluster.DELETE;
    registered(c, () -> lifecycle.delete(c, gone -> {
      clusters.remove(gone.name);
      changes.gone(gone.name);
      deletedListeners.forEach(l -> l.accept(gone));
    }));
  }

  /** {@code POST /v1/clusters/{name}/binds}: a kubeconfig for the caller. */
  public Map<String, Object> bind(String name, String user) {
    SimCluster c = find(name);
    String server = "https://" + c.host + ":" + c.port;
    return obj("apiVersion", "v1", "kind", "Config", "current-context", name,
        "clusters", List.of(obj("name", name, "cluster", obj("server", server,
            "certificate-authority-data", "TFMwdExTMUNSVWRKVGlCRFJWSlVTVVpKUTBGVVJTMHRMUzB0Q2c9PQ=="))),
        "users", List.of(obj("name", user, "user", obj("token", "simulated-" + c.uuid))),
        "contexts", List.of(obj("name", name, "context", obj("cluster", name, "user", user))));
  }

  /**
   * {@code PATCH /v1/clusters}: upgrades clusters to the control plane's version and deployed stemcell (see
   * {@link UpgradeOrchestrator}).
   */
  public Map<String, Object> upgrade(Map<String, Object> request) {
    return upgrades.upgrade(request);
  }

  /** {@code GET /v1/tasks?limit=}, most recent first. */
  public List<Map<String, Object>> tasks(Integer limit) {
    return upgrades.tasks(limit);
  }

  /** {@code GET /v1/tasks/{id}}. */
  public Map<String, Object> task(String id) {
    return upgrades.task(id);
  }

  /** {@code PUT /v1/tasks/{id}}: cancels the clusters not started yet. */
  public Map<String, Object> cancel(String id) {
    return upgrades.cancel(id);
  }

  /** The tile's upgrade-all-service-instances errand: every cluster, one after another. */
  public void upgradeAllSerially(Consumer<Boolean> done) {
    upgrades.upgradeAllSerially(done);
  }

  private int workerCount(Object raw, Plan plan) {
    if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw error(400, "kubernetes_worker_instances must be a whole number, not " + raw);
    }
    int workers = n.intValue();
    if (workers < 1 || workers > plan.maxWorkers()) {
      throw error(422, "kubernetes_worker_instances " + workers + " is out of range: plan " + plan.name()
          + " allows 1 to " + plan.maxWorkers() + " workers");
    }
    return workers;
  }

  private Plan plan(String name) {
    return Plan.LAB.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> error(422, "Plan '" + name + "' does not exist: use one of small, medium, large"));
  }

  SimCluster find(String name) {
    SimCluster c = clusters.get(name);
    if (c == null || c.hidden()) {
      throw error(404, "Cluster " + name + " not found");
    }
    return c;
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /** PKS error body: the swagger ErrorResponse {@code {"body": "..."}} (on-the-wire shape [unconfirmed]). */
  static SimException error(int status, String message) {
    return new SimException(status, obj("body", message), message);
  }

  /** Forgets everything (simulator reset). */
  public void clear() {
    clusters.clear();
  }
}
