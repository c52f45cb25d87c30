package io.pksorchestrator.upgrade;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.fixtures.PksClusterBuilder;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.UnknownFoundationException;
import io.pksorchestrator.platform.bosh.BoshDeployment;
import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInfo;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.bosh.BoshStemcell;
import io.pksorchestrator.platform.bosh.BoshTask;
import io.pksorchestrator.platform.opsman.OmInstallation;
import io.pksorchestrator.platform.opsman.OmProduct;
import io.pksorchestrator.platform.opsman.OmProductStemcells;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.CreateClusterSpec;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.platform.pks.UpgradeTask;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * In-memory foundation "lab" for process tests: Ops Manager with one PKS tile, PKS clusters and their BOSH
 * deployments. Each {@code installation()} or PKS {@code task()} read advances the simulation by one step: a
 * PKS upgrade task starts queued clusters up to {@code max_in_flight}, each runs for two steps, then succeeds
 * (on the staged stemcell) or fails; cancel skips queued clusters. Records what was asked for.
 */
class FakeFoundation implements Foundations {

  static final String F = "lab";
  static final String PKS_GUID = "pivotal-container-service-0a1b2c";

  final Om om = new Om();
  final Pks pks = new Pks();
  final Bosh bosh = new Bosh();
  final Map<String, Cluster> clusters = new LinkedHashMap<>();
  final Set<OmStemcell> omStemcells = new HashSet<>();
  String deployedStemcell = "1.400";
  String stagedStemcell = "1.400";
  final List<Path> uploads = new ArrayList<>();
  /** Thrown by the next uploads (removed when thrown); empty: uploads succeed. */
  final Deque<RuntimeException> uploadFailures = new ArrayDeque<>();
  final List<List<String>> applyChangesProducts = new ArrayList<>();
  final List<Map<String, Map<String, Boolean>>> applyChangesErrands = new ArrayList<>();
  /** Final status of each installation started, in order; default succeeded. */
  final Deque<String> installationResults = new ArrayDeque<>();
  final List<OmInstallation> installations = new ArrayList<>();
  final Map<Long, Integer> installationPolls = new LinkedHashMap<>();
  final List<Task> tasks = new ArrayList<>();
  final Set<String> failUpgradeOf = new HashSet<>();
  /** Largest number of clusters upgrading at the same time, over all tasks. */
  int maxConcurrent;

  static class Cluster {
    String name;
    String uuid;
    int workers;
    int masters;
    String stemcell = "1.400";
    String k8s = "1.29.5";
    String lastAction = "CREATE";
    ActionState state = ActionState.SUCCEEDED;
    String description = "Instance provisioning completed";
    int ticksLeft;
  }

  static class Task {
    String uuid;
    int maxInFlight;
    List<String> clusters;
    List<String> canaries;
    boolean canceled;
    final Map<String, ActionState> states = new LinkedHashMap<>();
  }

  FakeFoundation cluster(String name, int workers, int masters) {
    Cluster c = new Cluster();
    c.name = name;
    c.uuid = "uuid-" + name;
    c.workers = workers;
    c.masters = masters;
    clusters.put(name, c);
    return this;
  }

  // Foundations
  private final InMemoryFoundation foundations = new InMemoryFoundation().foundation(F, 60);
  @Override public Set<String> names() { return foundations.names(); }
  @Override public boolean isConfigured(String foundation) { return foundations.isConfigured(foundation); }
  @Override public Duration toWallTime(String foundation, Duration d) { return foundations.toWallTime(foundation, d); }

  int running() {
    return (int) clusters.values().stream().filter(c -> c.state == ActionState.IN_PROGRESS).count();
  }

  void step(Task t) {
    for (String name : t.clusters) {
      Cluster c = clusters.get(name);
      if (t.states.get(name) == ActionState.IN_PROGRESS && --c.ticksLeft <= 0) {
        boolean fail = failUpgradeOf.contains(name);
        c.state = fail ? ActionState.FAILED : ActionState.SUCCEEDED;
        c.description = fail ? "Instance upgrade failed: drain timed out" : "Instance upgrade completed";
        if (!fail) {
          c.stemcell = stagedStemcell;
          c.k8s = "1.30.2";
        }
        t.states.put(name, c.state);
      }
    }
    for (String name : t.clusters) {
      long inProgress = t.states.values().stream().filter(s -> s == ActionState.IN_PROGRESS).count();
      if (t.canceled || inProgress >= t.maxInFlight) {
        break;
      }
      if (t.states.get(name) == ActionState.QUEUED) {
        Cluster c = clusters.get(name);
        c.state = ActionState.IN_PROGRESS;
        c.lastAction = "UPGRADE";
        c.ticksLeft = 2;
        t.states.put(name, ActionState.IN_PROGRESS);
      }
    }
    maxConcurrent = Math.max(maxConcurrent, running());
  }

  UpgradeTask view(Task t) {
    boolean running = t.states.values().stream().anyMatch(s -> s == ActionState.IN_PROGRESS);
    boolean queued = t.states.values().stream().anyMatch(s -> s == ActionState.QUEUED);
    String status = running || (queued && !t.canceled) ? "in progress" : t.canceled && queued ? "canceled" : "done";
    return new UpgradeTask(t.uuid, "UPGRADE", status, t.clusters.stream()
        .map(n -> new UpgradeTask.ClusterUpgrade(n, "UPGRADE", t.states.get(n), null, null, t.canaries.contains(n)))
        .toList(), null, null);
  }

  class Om implements OpsManagerGateway {
    @Override public String version(String f) { return "3.0.25-build.2"; }
    @Override public List<OmProduct> stagedProducts(String f) { return deployedProducts(f); }
    @Override public List<OmProduct> deployedProducts(String f) {
      return List.of(new OmProduct("p-bosh", "p-bosh-1", "p-bosh", "3.0.25"),
          new OmProduct(PKS_GUID, PKS_GUID, OmProduct.PKS_TILE_TYPE, "1.19.2-build.10"));
    }
    @Override public List<OmProductStemcells> productStemcells(String f) {
      return List.of(new OmProductStemcells(PKS_GUID, OmProduct.PKS_TILE_TYPE,
          List.of(new OmStemcell("ubuntu-jammy", stagedStemcell)), List.of(new OmStemcell("ubuntu-jammy",
          deployedStemcell)), List.copyOf(omStemcells)));
    }
    @Override public boolean hasStemcell(String f, OmStemcell s) { return omStemcells.contains(s); }
    @Override public OmStemcell uploadStemcell(String f, Path file) {
      uploads.add(file);
      if (!uploadFailures.isEmpty()) {
        throw uploadFailures.poll();
      }
      OmStemcell s = new OmStemcell("ubuntu-jammy", "1.412");
      omStemcells.add(s);
      return s;
    }
    @Override public void assignStemcell(String f, String guid, OmStemcell s) { stagedStemcell = s.version(); }
    @Override public long applyChanges(String f, List<String> guids, Map<String, Map<String, Boolean>> errands) {
      applyChangesProducts.add(guids);
      applyChangesErrands.add(errands);
      long id = installations.size() + 1;
      installations.add(0, new OmInstallation(id, "running", "pkso", ClockUtil.getCurrentTime().toInstant(), null));
      return id;
    }
    @Override public OmInstallation installation(String f, long id) {
      int polls = installationPolls.merge(id, 1, Integer::sum);
      OmInstallation i = installations.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
      if (i.isRunning() && polls >= 2) {
        String result = installationResults.isEmpty() ? "succeeded" : installationResults.poll();
        OmInstallation done = new OmInstallation(id, result, i.userName(), i.startedAt(), Instant.now());
        installations.set(installations.indexOf(i), done);
        if ("succeeded".equals(result)) {
          deployedStemcell = stagedStemcell;
        }
        return done;
      }
      return i;
    }
    @Override public String installationLogs(String f, long id) {
      return IntStream.rangeClosed(1, 30).mapToObj(n -> "Task " + id + " | line " + n)
          .reduce((a, b) -> a + "\n" + b).orElse("");
    }
    @Override public List<OmInstallation> installations(String f) { return List.copyOf(installations); }
  }

  class Pks implements PksGateway {
    @Override public List<PksPlan> plans(String f) { return List.of(); }
    @Override public List<PksCluster> clusters(String f) {
      return clusters.values().stream().map(this::view).toList();
    }
    @Override public Optional<PksCluster> cluster(String f, String name) {
      return Optional.ofNullable(clusters.get(name)).map(this::view);
    }
    private PksCluster view(Cluster c) {
      return PksClusterBuilder.cluster(c.name).uuid(c.uuid).lastAction(c.lastAction, c.state, c.description)
          .versions(c.k8s, "1.19.2").host(c.name + ".pks.local").workers(c.workers).build();
    }
    @Override public PksCluster createCluster(String f, CreateClusterSpec spec) { throw new UnsupportedOperationException(); }
    @Override public void resizeCluster(String f, String name, int workers) { throw new UnsupportedOperationException(); }
    @Override public void deleteCluster(String f, String name) { throw new UnsupportedOperationException(); }
    @Override public UpgradeTask upgradeClusters(String f, List<String> names, List<String> canaries, int maxInFlight) {
      Task t = new Task();
      t.uuid = "task-" + (tasks.size() + 1);
      t.clusters = List.copyOf(names);
      t.canaries = List.copyOf(canaries);
      t.maxInFlight = maxInFlight;
      names.forEach(n -> {
        t.states.put(n, ActionState.QUEUED);
        clusters.get(n).state = ActionState.QUEUED;
        clusters.get(n).lastAction = "UPGRADE";
      });
      tasks.add(t);
      return FakeFoundation.this.view(t);
    }
    @Override public UpgradeTask task(String f, String id) {
      Task t = tasks.stream().filter(x -> x.uuid.equals(id)).findFirst().orElseThrow();
      step(t);
      return FakeFoundation.this.view(t);
    }
    @Override public List<UpgradeTask> tasks(String f, int limit) {
      return tasks.stream().map(FakeFoundation.this::view).toList();
    }
    @Override public UpgradeTask cancelTask(String f, String id) {
      Task t = tasks.stream().filter(x -> x.uuid.equals(id)).findFirst().orElseThrow();
      t.canceled = true;
      t.states.forEach((n, s) -> {
        if (s == ActionState.QUEUED) {
          clusters.get(n).state = ActionState.SUCCEEDED;
        }
      });
      return FakeFoundation.this.view(t);
    }
    @Override public URI clusterApiServer(String f, String name) { throw new UnsupportedOperationException(); }
  }

  class Bosh implements BoshGateway {
    @Override public BoshInfo info(String f) { return new BoshInfo("p-bosh", "u", "280.0.0", "vsphere_cpi", "uaa"); }
    @Override public List<BoshDeployment> deployments(String f) {
      return clusters.values().stream().map(this::deployment).toList();
    }
    private BoshDeployment deployment(Cluster c) {
      return new BoshDeployment("service-instance_" + c.uuid, List.of(),
          List.of(new BoshDeployment.NameVersion("bosh-vsphere-esxi-ubuntu-jammy-go_agent", c.stemcell)));
    }
    @Override public Optional<BoshDeployment> deployment(String f, String name) {
      return clusters.values().stream().filter(c -> name.equals("service-instance_" + c.uuid)).findFirst()
          .map(this::deployment);
    }
    @Override public List<BoshInstance> instanceDetails(String f, String deployment) {
      Cluster c = clusters.values().stream().filter(x -> deployment.equals("service-instance_" + x.uuid))
          .findFirst().orElseThrow();
      String state = c.state == ActionState.FAILED ? "failing" : "running";
      List<BoshInstance> out = new ArrayList<>();
      for (int i = 0; i < c.masters; i++) {
        out.add(new BoshInstance("m" + i, "master", i, "az1", List.of(), "running", "vm-m" + i));
      }
      for (int i = 0; i < c.workers; i++) {
        out.add(new BoshInstance("w" + i, "worker", i, "az1", List.of(), i == 0 ? state : "running", "vm-w" + i));
      }
      return out;
    }
    @Override public BoshTask task(String f, long id) { throw new UnsupportedOperationException(); }
    @Override public void cancelTask(String f, long id) { throw new UnsupportedOperationException(); }
    @Override public List<BoshStemcell> stemcells(String f) { return List.of(); }
  }
}
