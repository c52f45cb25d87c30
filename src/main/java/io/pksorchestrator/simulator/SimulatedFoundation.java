package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.bosh.BoshDirector;
import io.pksorchestrator.simulator.bosh.SimDeployment;
import io.pksorchestrator.simulator.bosh.SimInstance;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.core.ServingRecord;
import io.pksorchestrator.simulator.faults.FaultInjector;
import io.pksorchestrator.simulator.metrics.DemandTrace;
import io.pksorchestrator.simulator.metrics.PrometheusApi;
import io.pksorchestrator.simulator.metrics.Workloads;
import io.pksorchestrator.simulator.opsman.OpsManager;
import io.pksorchestrator.simulator.pks.PksSimulation;
import io.pksorchestrator.simulator.pks.SimCluster;
import io.pksorchestrator.simulator.uaa.SimulatedUaa;
import io.pksorchestrator.simulator.uaa.SimulatedUaa.Client;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One simulated PKS foundation (plain Java, no Spring): UAAs, Ops Manager, BOSH Director, PKS API and
 * Prometheus over one simulated clock. Every access goes through {@link #call(Supplier)}, which serialises
 * callers and first plays every state change due by the simulated present.
 *
 * <p>This is also the Java API tests use: clock control, the serving record and fault injection.
 */
public final class SimulatedFoundation {

  /** Name of the lab's default demand shape (NYC taxi) among the shapes synthetic clusters draw from. */
  public static final String DEFAULT_SHAPE = "nab_nyc_taxi";

  /** UAA components by path prefix. */
  public enum Component { PKS, OPSMAN, BOSH }

  private final SimulatorProperties properties;
  private final SimulatedClock clock;
  private final Clock wallClock;
  private final FaultInjector faults = new FaultInjector();
  private final Object lock = new Object();
  private final DemandTrace trace;
  private final java.util.Map<String, DemandTrace> shapes;
  private Scheduler scheduler;
  private ServingRecord serving;
  private SimulatedUaa pksUaa;
  private SimulatedUaa opsmanUaa;
  private SimulatedUaa boshUaa;
  private BoshDirector bosh;
  private PksSimulation pks;
  private OpsManager opsman;
  private Workloads workloads;
  private PrometheusApi prometheus;
  private final String controlToken;
  private final boolean controlTokenGenerated;

  public SimulatedFoundation(SimulatorProperties properties, SimulatedClock clock, Clock wallClock) {
    this.properties = properties;
    this.clock = clock;
    this.wallClock = wallClock;
    this.trace = DemandTrace.load(DemandTrace.DEFAULT_RESOURCE, Duration.ofMinutes(30));
    java.util.Map<String, DemandTrace> named = new java.util.LinkedHashMap<>();
    for (String shape : DemandTrace.SHAPES) {
      named.put(shape, DemandTrace.loadShape("/simulator/traces/" + shape + ".shape"));
    }
    named.put(DEFAULT_SHAPE, trace);
    this.shapes = java.util.Map.copyOf(named);
    String configured = properties.getControlToken();
    this.controlTokenGenerated = configured == null || configured.isBlank();
    this.controlToken = controlTokenGenerated ? randomToken() : configured.trim();
    properties.getFaults().forEach(f -> faults.addHttpFault(f.getMethod(), f.getPath(), f.getStatus(), f.getLatency(), f.getCount()));
    build();
  }

  /** A foundation with a fresh clock at the current time and the configured speed. */
  public static SimulatedFoundation start(SimulatorProperties properties) {
    return new SimulatedFoundation(properties, new SimulatedClock(Instant.now(), properties.getSpeed()), Clock.systemUTC());
  }

  private void build() {
    Instant now = clock.instant();
    scheduler = new Scheduler(clock);
    serving = new ServingRecord();
    Duration validity = properties.getTokenValidity();
    String id = properties.getClientId();
    pksUaa = new SimulatedUaa("pks-uaa", wallClock, validity, List.of(
        new Client(id, properties.getPksClientSecret(), List.of("pks.clusters.admin"))));
    // Ops Manager's UAA also has the built-in public client opsman (empty secret, password grant) and an admin user
    opsmanUaa = new SimulatedUaa("opsman-uaa", wallClock, validity, List.of(
        new Client(id, properties.getOpsmanClientSecret(), List.of("opsman.admin")),
        new Client("opsman", "", List.of("opsman.admin"), java.util.Set.of("password"))),
        List.of(new SimulatedUaa.User(properties.getOpsmanUsername(), properties.getOpsmanPassword())));
    boshUaa = new SimulatedUaa("bosh-uaa", wallClock, validity, List.of(
        new Client(id, properties.getBoshClientSecret(), List.of("bosh.admin"))));
    bosh = new BoshDirector(scheduler, faults, properties.getDurations().getBoshTask(), this::recordServing);
    opsman = new OpsManager(scheduler, faults, bosh, properties.getOpsmanVersion(), properties.getDurations().getInstallation());
    pks = new PksSimulation(scheduler, bosh, faults, properties.getDurations(), opsman, properties.getWorkerMaxInFlight());
    opsman.connect(pks);
    workloads = new Workloads(trace, shapes, properties.getSeed(), now);
    prometheus = new PrometheusApi(workloads, scheduler, properties.getFoundation());
    pks.onCreated(c -> {
      if (workloads.profile(c.name()).isEmpty()) {
        workloads.define(c.name(), LabClusters.defaultProfile(c, scheduler.now()));
      }
    });
    pks.onDeleted(c -> workloads.remove(c.name()));
    LabClusters.provision(pks, workloads, now, properties.getHistory());
    if (properties.getSyntheticClusters() > 0) {
      SyntheticClusters.add(pks, workloads, now, properties.getSyntheticClusters(), properties.getSeed(),
          properties.getSyntheticHistory());
    }
  }

  /**
   * Adds {@code count} synthetic clusters (running, with {@code pkso.simulator.synthetic-history} of demand, see
   * {@link SyntheticClusters}) and returns their names.
   */
  public List<String> addSyntheticClusters(int count) {
    return call(() -> SyntheticClusters.add(pks, workloads, scheduler.now(), count, properties.getSeed(),
        properties.getSyntheticHistory()));
  }

  /** Synthetic clusters present. */
  public int syntheticClusters() {
    return call(() -> SyntheticClusters.count(pks));
  }

  /** Runs {@code action} against the foundation after playing every due state change. */
  public <T> T call(Supplier<T> action) {
    synchronized (lock) {
      scheduler.runDue();
      return action.get();
    }
  }

  /** Like {@link #call} without a result. */
  public void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Puts the foundation back to its start-up state (clusters, stemcells, installations, tokens, faults); keeps the clock. */
  public void reset() {
    synchronized (lock) {
      faults.clear();
      build();
    }
  }

  /** Foundation name (first path segment). */
  public String name() {
    return properties.getFoundation();
  }

  /** Configuration. */
  /** The token every {@code /_sim} control request must carry in {@code X-Sim-Token}. */
  public String controlToken() {
    return controlToken;
  }

  /** Whether {@link #controlToken()} was generated (no {@code pkso.simulator.control-token} configured). */
  public boolean controlTokenGenerated() {
    return controlTokenGenerated;
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public SimulatorProperties properties() {
    return properties;
  }

  /** Simulated time. */
  public SimulatedClock clock() {
    return clock;
  }

  /** Simulated present (after playing due events). */
  public Instant now() {
    return call(() -> scheduler.now());
  }

  /** Fault injection. */
  public FaultInjector faults() {
    return faults;
  }

  /** A UAA; thread-safe on its own. */
  public SimulatedUaa uaa(Component component) {
    synchronized (lock) {
      return switch (component) {
        case PKS -> pksUaa;
        case OPSMAN -> opsmanUaa;
        case BOSH -> boshUaa;
      };
    }
  }

  /** The PKS API (use inside {@link #call}). */
  public PksSimulation pks() {
    return pks;
  }

  /** The BOSH Director (use inside {@link #call}). */
  public BoshDirector bosh() {
    return bosh;
  }

  /** Ops Manager (use inside {@link #call}). */
  public OpsManager opsman() {
    return opsman;
  }

  /** Prometheus (use inside {@link #call}). */
  public PrometheusApi prometheus() {
    return prometheus;
  }

  /** Demand model (use inside {@link #call}). */
  public Workloads workloads() {
    return workloads;
  }

  /** The serving record (use inside {@link #call}). */
  public ServingRecord serving() {
    return serving;
  }

  /** Lowest serving worker count of {@code cluster} in [from, to] (-1 when nothing was recorded). */
  public int minServingWorkers(String cluster, Instant from, Instant to) {
    return call(() -> serving.minServingWorkers(cluster, from, to));
  }

  /** Whether {@code cluster} ever served with fewer than {@code workers} workers in [from, to]. */
  public boolean droppedBelow(String cluster, int workers, Instant from, Instant to) {
    return call(() -> serving.droppedBelow(cluster, workers, from, to));
  }

  /** Whether the control plane of {@code cluster} stayed reachable in [from, to]. */
  public boolean controlPlaneAlwaysReachable(String cluster, Instant from, Instant to) {
    return call(() -> serving.controlPlaneAlwaysReachable(cluster, from, to));
  }

  /** {@code last_action_state} of a cluster, empty once it is gone. */
  public Optional<String> clusterState(String cluster) {
    return call(() -> pks.all().stream().filter(c -> c.name().equals(cluster)).findFirst().map(SimCluster::lastActionState));
  }

  /**
   * Fault injection: a process of a cluster's BOSH instance fails (until its VM is recreated or restarted).
   *
   * @param process the process, or null for the instance's first one (e.g. containerd on a worker)
   * @return {@code group/id} of the instance
   */
  public String failProcess(String cluster, String group, int index, String process) {
    return call(() -> {
      SimCluster c = pks.all().stream().filter(x -> x.name().equals(cluster)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("No cluster '" + cluster + "'"));
      return bosh.failProcess(c.deployment().name(), group, index, process);
    });
  }

  private void recordServing(SimDeployment d) {
    if (d.clusterName() == null) {
      return;
    }
    List<SimInstance> workers = d.group("worker");
    List<SimInstance> masters = d.group("master");
    serving.record(d.clusterName(), new ServingRecord.Point(scheduler.now(),
        (int) workers.stream().filter(SimInstance::serving).count(), workers.size(),
        (int) masters.stream().filter(SimInstance::serving).count(), masters.size()));
  }
}
