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
  /** The foundation's IaaS ({@code infrastructure_type}); only stemcells of it can be staged. */
  static final String INFRASTRUCTURE = "vsphere";

  private final Scheduler scheduler;
  private final String version;
  private final List<StemcellArchive.Info> library = new ArrayList<>();
  final Product pks = new Product(PKS_TYPE, "pivotal-container-service-0f3e2b1c9a8d7e6f5a4b", "1.19.2-build.10",
      "VMware Tanzu Kubernetes Grid Integrated Edition");
  final Product director = new Product(DIRECTOR_TYPE, "p-bosh-5c1d2e3f4a5b6c7d8e9f", "3.0.25-build.2", "BOSH Director");
  private final Installations applyChanges;

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
    this.version = version;
    StemcellArchive.Info initial = new StemcellArchive.Info("bosh-vsphere-esxi-ubuntu-jammy-go_agent", "ubuntu-jammy", "1.400",
        "vsphere", "esxi", "bosh-stemcell-1.400-vsphere-esxi-ubuntu-jammy-go_agent.tgz");
    library.add(initial);
    Stemcell stemcell = new Stemcell("ubuntu-jammy", "1.400");
    for (Product p : List.of(pks, director)) {
      p.staged.put(stemcell.os(), stemcell);
      p.deployed.put(stemcell.os(), stemcell);
    }
    bosh.addStemcell(stemcell);
    applyChanges = new Installations(scheduler, faults, bosh, pks, director, installationDuration,
        supportsSelectiveDeploy());
  }

  /** Connects the PKS API whose clusters the upgrade-all-service-instances errand upgrades. */
  public void connect(PksSimulation pksSimulation) {
    applyChanges.connect(pksSimulation);
  }

  /** Apply Changes: {@code /api/v0/installations}. */
  public Installations applyChanges() {
    return applyChanges;
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
    return atLeast(2, 6);
  }

  /** Whether {@code deploy_products} may list product GUIDs (2.2+, as {@code om} checks). */
  public boolean supportsSelectiveDeploy() {
    return atLeast(2, 2);
  }

  private boolean atLeast(int wantedMajor, int wantedMinor) {
    String[] parts = version.split("[.-]");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
  }

  /** Whether a library stemcell is for this foundation's IaaS. */
  private static boolean ours(StemcellArchive.Info s) {
    return INFRASTRUCTURE.equals(s.infrastructure());
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

  /** What an upload delivered, as the simulator counted it while streaming: file name, bytes, CRC-32C. */
  public record ReceivedUpload(String fileName, long bytes, long crc32c) {}

  private final List<ReceivedUpload> received = new ArrayList<>();

  /** Records an upload's byte count and checksum (tests compare them with what the client sent). */
  public void received(ReceivedUpload upload) {
    received.add(upload);
  }

  /** Every upload received since start-up or the last reset, oldest first. */
  public List<ReceivedUpload> receivedUploads() {
    return List.copyOf(received);
  }

  /** Adds an inspected stemcell to the library; {@code floating} lets staged products on its line move to it. */
  public Map<String, Object> upload(StemcellArchive.Info info, boolean floating) {
    // a stemcell is the same only on the same infrastructure; one of another IaaS is kept in the library (listed in
    // the diagnostic report) but can never be staged: what real Ops Manager does with it is [unconfirmed]
    boolean existing = library.stream().anyMatch(s -> s.os().equals(info.os()) && s.version().equals(info.version())
        && s.infrastructure().equals(info.infrastructure()));
    if (!existing) {
      library.add(info);
    }
    if (floating && ours(info)) {
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
        "generation_time", scheduler.now().toString(), "infrastructure_type", INFRASTRUCTURE,
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
            "available_stemcells", library.stream().filter(s -> p.staged.containsKey(s.os()) && ours(s))
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
          "available_stemcell_versions", library.stream().filter(s -> s.os().equals(staged.os()) && ours(s))
              .map(StemcellArchive.Info::version).toList());
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

  /** {@code GET /api/v0/deployed/director/credentials/bosh_commandline_credentials}. */
  public Map<String, Object> boshCredentials(String clientId, String clientSecret, String directorUrl) {
    return obj("credential", "BOSH_CLIENT=" + clientId + " BOSH_CLIENT_SECRET=" + clientSecret
        + " BOSH_CA_CERT=/var/tempest/workspaces/default/root_ca_certificate BOSH_ENVIRONMENT=" + directorUrl + " bosh");
  }

  private List<Map<String, Object>> reportProducts(boolean deployed) {
    return List.of(director, pks).stream().map(p -> obj("name", p.type, "version", p.version, "stemcells",
        (deployed ? p.deployed : p.staged).values().stream().map(s -> obj("filename", fileOf(s), "os", s.os(),
            "version", s.version())).toList())).toList();
  }

  private String fileOf(Stemcell s) {
    return library.stream().filter(i -> i.os().equals(s.os()) && i.version().equals(s.version()) && ours(i))
        .map(StemcellArchive.Info::file).findFirst().orElse(null);
  }

  private static List<Map<String, Object>> stemcellList(Map<String, Stemcell> stemcells) {
    return stemcells.values().stream().map(s -> obj("name", s.boshName(), "os", s.os(), "version", s.version())).toList();
  }

  private Stemcell libraryStemcell(String os, String version) {
    if (library.stream().noneMatch(s -> s.os().equals(os) && s.version().equals(version) && ours(s))) {
      throw errors(422, "Stemcell " + os + " " + version + " for " + INFRASTRUCTURE + " is not in the stemcell library:"
          + " upload it first (POST /api/v0/stemcells)");
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

  /** OM's error body {@code {"errors":["..."]}} (the 400/401/403 variant nests it: see the controller). */
  static SimException errors(int status, String message) {
    return new SimException(status, obj("errors", List.of(message)), message);
  }

}
