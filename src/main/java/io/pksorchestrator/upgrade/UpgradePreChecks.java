package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.operations.WholeNumbers;
import io.pksorchestrator.platform.FoundationException;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.bosh.BoshGateway;
import io.pksorchestrator.platform.bosh.BoshInstance;
import io.pksorchestrator.platform.opsman.OmProduct;
import io.pksorchestrator.platform.opsman.OmStemcell;
import io.pksorchestrator.platform.opsman.OpsManagerGateway;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Checks an upgrade request against the foundation and collects every reason it cannot start (not only the
 * first), plus the risks an approver must accept. Engine-free; gateway failures other than Ops Manager
 * reachability propagate so the engine retries.
 */
@Service
public class UpgradePreChecks {

  private final Foundations foundations;
  private final OpsManagerGateway opsManager;
  private final PksGateway pks;
  private final BoshGateway bosh;
  private final UpgradeProperties properties;
  private final StemcellSource sources;

  public UpgradePreChecks(Foundations foundations, OpsManagerGateway opsManager, PksGateway pks, BoshGateway bosh,
      UpgradeProperties properties, StemcellSource sources) {
    this.sources = sources;
    this.foundations = foundations;
    this.opsManager = opsManager;
    this.pks = pks;
    this.bosh = bosh;
    this.properties = properties;
  }

  public PreCheckResult check(UpgradeRequest req) {
    List<String> reasons = new ArrayList<>();
    UpgradeState state = new UpgradeState();
    state.foundation = req.foundation();
    state.stemcellOs = trim(req.stemcellOs());
    state.stemcellVersion = trim(req.stemcellVersion());
    if (blank(req.foundation()) || !foundations.isConfigured(req.foundation())) {
      reasons.add("Foundation '" + req.foundation() + "' is not configured; configured: " + foundations.names());
      return new PreCheckResult(reasons, state, false);
    }
    checkInputs(req, state, reasons);
    String f = req.foundation();
    boolean onOpsManager = checkOpsManager(f, state, reasons);
    if (!onOpsManager && state.stemcellVersion != null) {
      checkSource(req.stemcellSource(), state, reasons);
    }
    checkClusters(f, req, state, reasons);
    return new PreCheckResult(reasons, state, onOpsManager);
  }

  private void checkInputs(UpgradeRequest req, UpgradeState state, List<String> reasons) {
    if (blank(req.stemcellVersion())) {
      reasons.add("stemcellVersion is missing (e.g. 1.412)");
    }
    if (blank(req.stemcellOs())) {
      reasons.add("stemcellOs is missing (e.g. ubuntu-jammy)");
    }
    Optional<RequestViolation> maxInFlight =
        UpgradeRequestRules.maxInFlight(req.maxInFlight(), properties.getWorkerMaxInFlight());
    maxInFlight.ifPresent(v -> reasons.add(v.message()));
    if (req.maxInFlight() == null || req.maxInFlight() != WholeNumbers.NOT_WHOLE) {
      state.maxInFlight = req.maxInFlight() == null ? 1 : req.maxInFlight();
    }
    try {
      Instant start = MaintenanceWindow.parse(req.windowStart());
      Instant end = MaintenanceWindow.parse(req.windowEnd());
      if (start != null && end != null && !end.isAfter(start)) {
        reasons.add("maintenanceWindowEnd " + end + " is not after maintenanceWindowStart " + start);
      } else if (end != null && !end.isAfter(MaintenanceWindow.now())) {
        reasons.add("maintenanceWindowEnd " + end + " is already past; plan a future window");
      }
    } catch (IllegalArgumentException e) {
      reasons.add("Maintenance window: " + e.getMessage());
    }
  }

  /** Returns whether Ops Manager already has the target stemcell. */
  private boolean checkOpsManager(String f, UpgradeState state, List<String> reasons) {
    String version;
    try {
      version = opsManager.version(f);
    } catch (FoundationException e) {
      reasons.add("Ops Manager of foundation '" + f + "' is not reachable: " + e.getMessage());
      return false;
    }
    try {
      if (!opsManager.supportsSelectiveDeploy(f)) {
        // this process applies the changes of the PKS tile only (deploy_products with its GUID), like om's check
        reasons.add("Ops Manager " + version + " of foundation '" + f + "' cannot apply the changes of one product"
            + " (deploy_products needs Ops Manager 2.2 or later); upgrade Ops Manager first");
      }
    } catch (IllegalArgumentException e) {
      reasons.add("Ops Manager of foundation '" + f + "': " + e.getMessage());
    }
    opsManager.runningInstallation(f).ifPresent(i -> reasons.add("An Ops Manager installation (Apply Changes) is"
        + " running (id " + i.id() + ", started " + i.startedAt() + " by " + i.userName() + "); retry when it ends"));
    Optional<OmProduct> tile = opsManager.deployedProducts(f).stream()
        .filter(p -> OmProduct.PKS_TILE_TYPE.equals(p.type())).findFirst();
    if (tile.isEmpty()) {
      reasons.add("The PKS tile (" + OmProduct.PKS_TILE_TYPE + ") is not deployed on foundation '" + f + "'");
      return false;
    }
    state.pksGuid = tile.get().guid();
    if (state.stemcellVersion == null || state.stemcellOs == null) {
      return false;
    }
    List<OmStemcell> deployed = opsManager.productStemcells(f).stream()
        .filter(p -> state.pksGuid.equals(p.guid())).findFirst()
        .map(p -> p.deployed() == null ? List.<OmStemcell>of() : p.deployed()).orElse(List.of());
    deployed.stream().filter(s -> state.stemcellOs.equals(s.os())).map(OmStemcell::version)
        .max(StemcellVersions.ORDER).ifPresentOrElse(current -> {
          state.deployedStemcell = current;
          if (!StemcellVersions.isNewer(state.stemcellVersion, current)) {
            reasons.add("Target stemcell " + state.stemcellOs + " " + state.stemcellVersion + " is not newer than"
                + " the PKS tile's deployed stemcell " + current);
          }
        }, () -> state.risks.add("The PKS tile has no deployed " + state.stemcellOs + " stemcell (deployed: "
            + deployed + "): this changes the OS line"));
    return opsManager.hasStemcell(f, new OmStemcell(state.stemcellOs, state.stemcellVersion));
  }

  private void checkSource(String source, UpgradeState state, List<String> reasons) {
    if (blank(source)) {
      reasons.add("Ops Manager does not have the stemcell and no stemcellSource (file path or http(s) URL) is given");
      return;
    }
    try {
      StemcellSourcePolicy.Resolved resolved = sources.resolve(source);
      state.stemcellSource = resolved instanceof StemcellSourcePolicy.LocalFile file ? file.realPath().toString()
          : ((StemcellSourcePolicy.RemoteUrl) resolved).url().toString();
    } catch (StemcellSourceRejectedException e) {
      reasons.add(e.getMessage());
    }
  }

  private void checkClusters(String f, UpgradeRequest req, UpgradeState state, List<String> reasons) {
    Map<String, PksCluster> all = pks.clusters(f).stream()
        .collect(Collectors.toMap(PksCluster::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    List<String> selected = blank(req.clusters()) || "all".equalsIgnoreCase(req.clusters().trim())
        ? new ArrayList<>(all.keySet()) : names(req.clusters());
    if (selected.isEmpty()) {
      reasons.add("No clusters selected (foundation '" + f + "' has none, or 'clusters' is empty)");
      return;
    }
    for (String name : selected) {
      PksCluster c = all.get(name);
      if (c == null) {
        reasons.add("Cluster '" + name + "' does not exist in PKS on foundation '" + f + "'");
        continue;
      }
      state.clusters.add(entry(f, c, reasons));
    }
    chooseCanaries(req.canaries(), state, reasons);
    for (ClusterEntry e : state.clusters) {
      if (e.workers < 3) {
        state.risks.add("Cluster '" + e.name + "' has " + e.workers + " worker(s): its workloads lose service while"
            + " a worker is recreated (3 or more recommended)");
      }
      if (e.masters == 1) {
        state.risks.add("Cluster '" + e.name + "' has a single master: its Kubernetes API is unreachable while the"
            + " master is recreated");
      }
    }
  }

  private ClusterEntry entry(String f, PksCluster c, List<String> reasons) {
    ClusterEntry e = new ClusterEntry();
    e.name = c.name();
    e.uuid = c.uuid();
    e.k8sBefore = c.k8sVersion();
    if (c.lastActionState() != ActionState.SUCCEEDED) {
      reasons.add("Cluster '" + c.name() + "' is " + c.lastAction() + " " + (c.lastActionState() == null ? "unknown"
          : c.lastActionState().wire()) + " in PKS, not succeeded (" + c.lastActionDescription() + ")");
    }
    // errand instances have no VM by design; every other instance must be running with all its processes
    List<BoshInstance> instances = bosh.instanceDetails(f, c.boshDeploymentName()).stream()
        .filter(i -> !i.isErrand()).toList();
    List<String> notRunning = instances.stream().filter(i -> !i.isRunning()).map(BoshInstance::describe).toList();
    if (!notRunning.isEmpty()) {
      reasons.add("Cluster '" + c.name() + "' has BOSH instances not running: " + notRunning
          + "; check 'bosh -d " + c.boshDeploymentName() + " instances --ps'");
    }
    e.workers = (int) instances.stream().filter(i -> "worker".equals(i.group())).count();
    e.masters = (int) instances.stream().filter(i -> "master".equals(i.group())).count();
    if (e.workers == 0 && c.workerInstances() != null) {
      e.workers = c.workerInstances();
    }
    e.stemcellBefore = bosh.deployment(f, c.boshDeploymentName()).map(StemcellUpgradeSupport::stemcellVersion)
        .orElse(null);
    return e;
  }

  private void chooseCanaries(String canaries, UpgradeState state, List<String> reasons) {
    if (blank(canaries)) {
      state.clusters.stream().min(Comparator.comparingInt((ClusterEntry e) -> e.workers).thenComparing(e -> e.name))
          .ifPresent(e -> e.canary = true);
      return;
    }
    List<String> named = names(canaries);
    UpgradeRequestRules.canariesAmongSelected(state.clusters.stream().map(e -> e.name).toList(), named)
        .forEach(v -> reasons.add(v.message()));
    named.forEach(name -> state.cluster(name).ifPresent(e -> e.canary = true));
  }

  static List<String> names(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return blank(s) ? null : s.trim();
  }
}
