package io.pksorchestrator.simulator.opsman;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.bosh.BoshDirector;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.faults.FaultInjector;
import io.pksorchestrator.simulator.opsman.OpsManager.Product;
import io.pksorchestrator.simulator.pks.PksSimulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops Manager's Apply Changes ({@code /api/v0/installations}): one installation at a time, the Director first,
 * then the PKS tile (its staged stemcell becomes the deployed one), then the tile's upgrade-all-service-instances
 * errand, which upgrades every cluster one after another.
 */
public final class Installations {

  private final Scheduler scheduler;
  private final FaultInjector faults;
  private final BoshDirector bosh;
  private final Product pks;
  private final Product director;
  private final Duration installationDuration;
  private final Map<Long, Installation> installations = new LinkedHashMap<>();
  private PksSimulation pksApi;
  private long nextInstallation = 1;

  Installations(Scheduler scheduler, FaultInjector faults, BoshDirector bosh, Product pks, Product director,
      Duration installationDuration, boolean selectiveDeploy) {
    this.selectiveDeploy = selectiveDeploy;
    this.scheduler = scheduler;
    this.faults = faults;
    this.bosh = bosh;
    this.pks = pks;
    this.director = director;
    this.installationDuration = installationDuration;
  }

  /** Whether deploy_products may list product GUIDs (Ops Manager 2.2+). */
  private final boolean selectiveDeploy;

  void connect(PksSimulation pksSimulation) {
    this.pksApi = pksSimulation;
  }

  /**
   * {@code POST /api/v0/installations}. While one is running, another is refused with 409 Conflict and an
   * {@code errors} body: OM's exact answer is [unconfirmed] (om avoids it client-side).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> start(Map<String, Object> body) {
    if (installations.values().stream().anyMatch(i -> i.status.equals("running"))) {
      throw OpsManager.errors(409, "An installation is already in progress; wait for it to finish (GET /api/v0/installations)");
    }
    Object deployProducts = body.getOrDefault("deploy_products", "all");
    if (deployProducts instanceof List && !selectiveDeploy) {
      // om refuses --product-name below 2.2; what such an Ops Manager answers is [unconfirmed]: refused here
      throw OpsManager.errors(422, "deploy_products must be \"all\" or \"none\": deploying chosen products needs"
          + " Ops Manager 2.2 or later");
    }
    boolean deployPks = "all".equals(deployProducts)
        || deployProducts instanceof List<?> l && l.contains(pks.guid);
    if (!(deployProducts instanceof List) && !"all".equals(deployProducts) && !"none".equals(deployProducts)) {
      throw OpsManager.errors(422, "deploy_products must be \"all\", \"none\" or a list of product guids");
    }
    Object errand = "default";
    if (body.get("errands") instanceof Map<?, ?> errands && errands.get(pks.guid) instanceof Map<?, ?> e
        && e.get("run_post_deploy") instanceof Map<?, ?> post && post.containsKey("upgrade-all-service-instances")) {
      errand = post.get("upgrade-all-service-instances");
    }
    boolean pksChanged = deployPks && !pks.staged.equals(pks.deployed);
    // true always runs the errand, "default" runs it when the tile changed, false never (OM errand states).
    boolean runErrand = deployPks && (Boolean.TRUE.equals(errand) || "true".equals(errand)
        || "default".equals(errand) && pksChanged);
    List<Map<String, Object>> updates = new ArrayList<>();
    updates.add(change(director));
    if (deployPks) {
      updates.add(change(pks));
    }
    Installation inst = new Installation(nextInstallation++, "pkso-lab", scheduler.now(), updates);
    installations.put(inst.id, inst);
    inst.log(scheduler.now(), "===== Installing: " + (deployPks ? "p-bosh, pivotal-container-service" : "p-bosh"));
    inst.log(scheduler.now(), "Task 1 | Deploying director p-bosh");
    scheduler.after(installationDuration.dividedBy(3), () -> {
      director.deployed.putAll(director.staged);
      director.staged.values().forEach(bosh::addStemcell);
      inst.log(scheduler.now(), "Task 1 done: director p-bosh deployed");
      if (deployPks) {
        inst.log(scheduler.now(), "Task 2 | Deploying pivotal-container-service (stemcell "
            + pks.staged.values().iterator().next().version() + ")");
      }
    });
    scheduler.after(installationDuration, () -> {
      if (faults.takeInstallationFailure()) {
        inst.log(scheduler.now(), "Error: Injected fault: deployment of pivotal-container-service failed");
        finish(inst, "failed");
        return;
      }
      if (deployPks) {
        pks.staged.values().forEach(bosh::addStemcell);
        pks.deployed.clear();
        pks.deployed.putAll(pks.staged);
        inst.log(scheduler.now(), "Task 2 done: pivotal-container-service deployed");
      }
      if (!runErrand || pksApi == null) {
        if (deployPks) {
          inst.log(scheduler.now(), "Errand upgrade-all-service-instances skipped");
        }
        finish(inst, "succeeded");
        return;
      }
      inst.log(scheduler.now(), "Running errand upgrade-all-service-instances");
      pksApi.upgradeAllSerially(ok -> {
        inst.log(scheduler.now(), "Errand upgrade-all-service-instances " + (ok ? "completed" : "failed"));
        finish(inst, ok ? "succeeded" : "failed");
      });
    });
    return obj("install", obj("id", inst.id));
  }

  /** {@code GET /api/v0/installations/{id}}. */
  public Map<String, Object> status(long id) {
    return find(id).status();
  }

  /** {@code GET /api/v0/installations/{id}/logs}. */
  public Map<String, Object> logs(long id) {
    return obj("logs", find(id).logs.toString());
  }

  /** {@code GET /api/v0/installations}, most recent first. */
  public Map<String, Object> list() {
    List<Installation> list = new ArrayList<>(installations.values());
    list.sort(Comparator.comparingLong((Installation i) -> i.id).reversed());
    return obj("installations", list.stream().map(Installation::summary).toList());
  }

  private void finish(Installation inst, String status) {
    inst.status = status;
    inst.finishedAt = scheduler.now();
    inst.log(scheduler.now(), "===== Installation " + status);
  }

  private Map<String, Object> change(Product p) {
    return obj("identifier", p.type, "label", p.label, "product_version", p.version, "change_type", "update",
        "deployment_status", "pending", "deploy_order", p == director ? 1 : 2, "guid", p.guid,
        "started_at", null, "finished_at", null);
  }

  private Installation find(long id) {
    Installation inst = installations.get(id);
    if (inst == null) {
      throw OpsManager.errors(404, "Installation " + id + " not found");
    }
    return inst;
  }

}
