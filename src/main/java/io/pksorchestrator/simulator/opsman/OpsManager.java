package io.pksorchestrator.simulator.opsman;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.bosh.BoshDirector;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.core.SimException;
import io.pksorchestrator.simulator.core.Stemcell;
import io.pksorchestrator.simulator.faults.FaultInjector;
import io.pksorchestrator.simulator.pks.ControlPlane;
import io.pksorchestrator.simulator.pks.PksSimulation;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated Ops Manager (§3): the Director and PKS tiles, the stemcell library and staging, and Apply
 * Changes. It is also the PKS {@link ControlPlane}: clusters upgrade to the PKS tile's deployed stemcell.
 */
public final class OpsManager implements ControlPlane {

  static final String PKS_TYPE = "pivotal-container-service";
  static final String DIRECTOR_TYPE = "p-bosh";

  private final Scheduler scheduler;
  private final FaultInjector faults;
  private final BoshDirector bosh;
  private final String version;
  private final Duration installationDuration;
  private final List<StemcellArchive.Info> library = new ArrayList<>();
  private final Map<Long, Installation> installations = new LinkedHashMap<>();
  final Product pks = new Product(PKS_TYPE, "pivotal-container-service-0f3e2b1c9a8d7e6f5a4b", "1.19.2-build.10",
      "VMware Tanzu Kubernetes Grid Integrated Edition");
  final Product director = new Product(DIRECTOR_TYPE, "p-bosh-5c1d2e3f4a5b6c7d8e9f", "3.0.25-build.2", "BOSH Director");
  private PksSimulation pksApi;
  private long nextInstallation = 1;

  /** A tile with its staged and deployed stemcells (one per OS line). */
  static final class Product {
    final String type;
    final String guid;
    final String version;
    final String label;
    final Map<String, Stemcell> staged = new LinkedHashMap<>();
    final Map<String, Stemcell> deployed = new LinkedHashMap<>();

    Product(String type, String guid, String version, String label) {
      this.type = type;
      this.guid = guid;
      this.version = version;
      this.label = label;
    }
  }

  public OpsManager(Scheduler scheduler, FaultInjector faults, BoshDirector bosh, String version, Duration installationDuration) {
    this.scheduler = scheduler;
    this.faults = faults;
    this.bosh = bosh;
    this.version = version;
    this.installationDuration = installationDuration;
    StemcellArchive.Info initial = new StemcellArchive.Info("bosh-vsphere-esxi-ubuntu-jammy-go_agent", "ubuntu-jammy", "1.400",
        "vsphere", "esxi", "bosh-stemcell-1.400-vsphere-esxi-ubuntu-jammy-go_agent.tgz");
    library.add(initial);
    Stemcell stemcell = new Stemcell("ubuntu-jammy", "1.400");
    for (Product p : List.of(pks, director)) {
      p.staged.put(stemcell.os(), stemcell);
      p.deployed.put(stemcell.os(), stemcell);
    }
    bosh.addStemcell(stemcell);
  }

  /** Connects the PKS API whose clusters the upgrade-all-service-instances errand upgrades. */
  public void connect(PksSimulation pksSimulation) {
    this.pksApi = pksSimulation;
  }

  @Override
  public String pksVersion() {
    return pks.version;
  }

  @Override
  public String kubernetesVersion() {
    return "1.28.7";
  }

  @Override
  public Stemcell deployedStemcell() {
    return pks.deployed.values().iterator().next();
  }

  /** Whether this Ops Manager version has multi-stemcell associations (2.6+). */
  public boolean supportsAssociations() {
    String[] parts = version.split("[.-]");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return major > 2 || (major == 2 && minor >= 6);
  }

  /** {@code GET /api/v0/info} (unauthenticated). */
  public Map<String, Object> info() {
    return obj("info", obj("version", version));
  }

  /** {@code GET /api/v0/staged/products} or {@code /deployed/products}. */
  public List<Map<String, Object>> products(boolean deployed) {
    return List.of(director, pks).stream().map(p -> {
      Map<String, Object> json = obj("installation_name", p.guid, "guid", p.guid, "type", p.type,
          "product_version", p.version, "label", p.label, "service_broker", p == pks, "bosh_read_creds", false,
          "license_metadata", List.of());
      if (deployed) {
        json.put("stale", obj("parent_products_deployed_more_recently", List.of()));
      }
      return json;
    }).toList();
  }

  /** {@code POST /api/v0/stemcells}, step 1 (outside the foundation lock: the file may be large): read the tarball. */
  public static StemcellArchive.Info inspect(InputStream content, String fileName) throws IOException {
    try {
      return StemcellArchive.read(content, fileName);
    } catch (IllegalArgumentException e) {
      throw errors(422, e.getMessage());
    }
  }

  /** Adds an inspected stemcell to the library; {@code floating} lets staged products on its line move to it. */
  public Map<String, Object> upload(StemcellArchive.Info info, boolean floating) {
    boolean existing = library.stream().anyMatch(s -> s.os().equals(info.os()) && s.version().equals(info.version()));
    if (!existing) {
      library.add(info);
    }
    if (floating) {
      // Floating: products on this OS line take the newest version at their next staging (OM's "floating" stemcells).
      for (Product p : List.of(pks, director)) {
        Stemcell staged = p.staged.get(info.os());
        if (staged != null && Stemcell.VERSION_ORDER.compare(info.version(), staged.version()) > 0) {
          p.staged.put(info.os(), new Stemcell(info.os(), info.version()));
        }
      }
    }
    return obj("stemcell", obj("infrastructure", info.infrastructure(), "hypervisor", info.hypervisor(), "os", info.os(),
        "version", info.version(), "file", info.file(), "name", info.name()), "existing", existing);
  }

  /** {@code GET /api/v0/diagnostic_report}. */
  public Map<String, Object> diagnosticReport() {
    List<Map<String, Object>> available = library.stream()
        .map(s -> obj("filename", s.file(), "os", s.os(), "version", s.version())).toList();
    return obj("versions", obj("installation_schema_version", "3.0", "metadata_version", "3.0", "release_version", version,
            "javascript_migrations_version", "v1"),
        "generation_time", scheduler.now().toString(), "infrastructure_type", "vsphere",
        "director_configuration", obj("bosh_recreate_on_next_deploy", false, "resurrector_enabled", true,
            "blobstore_type", "local", "database_type", "internal", "ntp_servers", List.of("pool.ntp.org"),
            "hm_pager_duty_enabled", false, "hm_emailer_enabled", false, "vm_password_type", "generate"),
        "releases", List.of("kubo-1.19.2", "pks-api-1.19.2"), "available_stemcells", available,
        "product_templates", List.of(),
        "added_products", obj("deployed", reportProducts(true), "staged", reportProducts(false)));
  }

  /** {@code GET /api/v0/stemcell_associations} (OM 2.6+). */
  public Map<String, Object> associations() {
    requireAssociations();
    return obj("products", List.of(director, pks).stream().map(p -> obj("guid", p.guid, "identifier", p.type,
            "label", p.label, "staged_product_version", p.version, "deployed_product_version", p.version,
            "is_staged_for_deletion", false, "staged_stemcells", stemcellList(p.staged),
            "deployed_stemcells", stemcellList(p.deployed),
            "available_stemcells", library.stream().filter(s -> p.staged.containsKey(s.os()))
                .map(s -> obj("name", s.name(), "os", s.os(), "version", s.version())).toList(),
            "required_stemcells", p.staged.keySet().stream().map(os -> obj("os", os, "version", "1.400")).toList()))
            .toList(),
        "stemcell_library", library.stream().map(s -> obj("version", s.version(), "os", s.os(), "name", s.name(),
            "infrastructure", s.infrastructure(), "hypervisor", s.hypervisor(), "light", false, "present_on_disk", true))
            .toList());
  }

  /** {@code PATCH /api/v0/stemcell_associations}: replaces the staged stemcell of each named OS line. */
  @SuppressWarnings("unchecked")
  public void patchAssociations(Map<String, Object> body) {
    requireAssociations();
    for (Map<String, Object> entry : productEntries(body)) {
      Product p = product(entry.get("guid"));
      if (!(entry.get("staged_stemcells") instanceof List<?> list) || list.isEmpty()) {
        throw errors(422, "staged_stemcells is required and cannot be used to unassign, only replace or add");
      }
      for (Object o : list) {
        Map<String, Object> s = (Map<String, Object>) o;
        p.staged.put(String.valueOf(s.get("os")), libraryStemcell(String.valueOf(s.get("os")), String.valueOf(s.get("version"))));
      }
    }
  }

  /** {@code GET /api/v0/stemcell_assignments} (legacy single-stemcell model). */
  public Map<String, Object> assignments() {
    return obj("products", List.of(director, pks).stream().map(p -> {
      Stemcell staged = p.staged.values().iterator().next();
      return obj("guid", p.guid, "identifier", p.type, "is_staged_for_deletion", false,
          "staged_stemcell_version", staged.version(), "required_stemcell_version", "1.400",
          "available_stemcell_versions", library.stream().filter(s -> s.os().equals(staged.os())).map(StemcellArchive.Info::version).toList());
    }).toList());
  }

  /** {@code PATCH /api/v0/stemcell_assignments}. */
  public void patchAssignments(Map<String, Object> body) {
    for (Map<String, Object> entry : productEntries(body)) {
      Product p = product(entry.get("guid"));
      String os = p.staged.keySet().iterator().next();
      p.staged.put(os, libraryStemcell(os, String.valueOf(entry.get("staged_stemcell_version"))));
    }
  }

  /**
   * {@code POST /api/v0/installations}. While one is running, another is refused with 409 Conflict and an
   * {@code errors} body: OM's exact answer is [unconfirmed] (om avoids it client-side).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> startInstallation(Map<String, Object> body) {
    if (installations.values().stream().anyMatch(i -> i.status.equals("running"))) {
      throw errors(409, "An installation is already in progress; wait for it to finish (GET /api/v0/installations)");
    }
    Object deployProducts = body.getOrDefault("deploy_products", "all");
    boolean deployPks = "all".equals(deployProducts)
        || deployProducts instanceof List<?> l && l.contains(pks.guid);
    if (!(deployProducts instanceof List) && !"all".equals(deployProducts) && !"none".equals(deployProducts)) {
      throw errors(422, "deploy_products must be \"all\", \"none\" or a list of product guids");
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
  public Map<String, Object> installation(long id) {
    return find(id).status();
  }

  /** {@code GET /api/v0/installations/{id}/logs}. */
  public Map<String, Object> logs(long id) {
    return obj("logs", find(id).logs.toString());
  }

  /** {@code GET /api/v0/installations}, most recent first. */
  public Map<String, Object> installations() {
    List<Installation> list = new ArrayList<>(installations.values());
    list.sort(Comparator.comparingLong((Installation i) -> i.id).reversed());
    return obj("installations", list.stream().map(Installation::summary).toList());
  }

  /** {@code GET /api/v0/deployed/director/credentials/bosh_commandline_credentials}. */
  public Map<String, Object> boshCredentials(String clientId, String clientSecret, String directorUrl) {
    return obj("credential", "BOSH_CLIENT=" + clientId + " BOSH_CLIENT_SECRET=" + clientSecret
        + " BOSH_CA_CERT=/var/tempest/workspaces/default/root_ca_certificate BOSH_ENVIRONMENT=" + directorUrl + " bosh");
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

  private List<Map<String, Object>> reportProducts(boolean deployed) {
    return List.of(director, pks).stream().map(p -> obj("name", p.type, "version", p.version, "stemcells",
        (deployed ? p.deployed : p.staged).values().stream().map(s -> obj("filename", fileOf(s), "os", s.os(),
            "version", s.version())).toList())).toList();
  }

  private String fileOf(Stemcell s) {
    return library.stream().filter(i -> i.os().equals(s.os()) && i.version().equals(s.version()))
        .map(StemcellArchive.Info::file).findFirst().orElse(null);
  }

  private static List<Map<String, Object>> stemcellList(Map<String, Stemcell> stemcells) {
    return stemcells.values().stream().map(s -> obj("name", s.boshName(), "os", s.os(), "version", s.version())).toList();
  }

  private Stemcell libraryStemcell(String os, String version) {
    if (library.stream().noneMatch(s -> s.os().equals(os) && s.version().equals(version))) {
      throw errors(422, "Stemcell " + os + " " + version + " is not in the stemcell library: upload it first (POST /api/v0/stemcells)");
    }
    return new Stemcell(os, version);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> productEntries(Map<String, Object> body) {
    if (!(body.get("products") instanceof List<?> list) || list.isEmpty()) {
      throw errors(422, "products is required: [{\"guid\": \"...\", ...}]");
    }
    return (List<Map<String, Object>>) list;
  }

  private Product product(Object guid) {
    for (Product p : List.of(pks, director)) {
      if (p.guid.equals(guid)) {
        return p;
      }
    }
    throw errors(422, "Product " + guid + " is not staged: use a guid from GET /api/v0/staged/products");
  }

  private void requireAssociations() {
    if (!supportsAssociations()) {
      // The endpoint does not exist before OM 2.6.
      throw errors(404, "Route not found: stemcell associations need Ops Manager 2.6 or later (this is " + version + ")");
    }
  }

  private Installation find(long id) {
    Installation inst = installations.get(id);
    if (inst == null) {
      throw errors(404, "Installation " + id + " not found");
    }
    return inst;
  }

  /** OM's error body {@code {"errors":["..."]}} (the 400/401/403 variant nests it: see the controller). */
  static SimException errors(int status, String message) {
    return new SimException(status, obj("errors", List.of(message)), message);
  }

  /** Forgets installations (simulator reset rebuilds the Ops Manager). */
  public void clear() {
    installations.clear();
  }
}
