package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Documented shapes of ../shared/reference/pks-apis.md, section by section: the fields each response must
 * carry and the enum values it may use. Extra fields are allowed (clients must ignore them).
 */
final class Shapes {

  /** §2.2 UAA token response. */
  static final List<String> TOKEN = List.of("access_token", "token_type", "expires_in", "scope", "jti");
  /** §3.1 */
  static final List<String> OM_INFO = List.of("info");
  /** §3.2 staged products. */
  static final List<String> STAGED_PRODUCT = List.of("installation_name", "guid", "type", "product_version", "label",
      "service_broker", "bosh_read_creds", "license_metadata");
  /** §3.2 deployed products. */
  static final List<String> DEPLOYED_PRODUCT = List.of("installation_name", "guid", "type", "product_version", "label",
      "service_broker", "bosh_read_creds", "license_metadata", "stale");
  /** §3.3 upload response. */
  static final List<String> STEMCELL_UPLOAD = List.of("infrastructure", "hypervisor", "os", "version", "file", "name");
  /** §3.3 stemcell_assignments products. */
  static final List<String> ASSIGNMENT = List.of("guid", "identifier", "is_staged_for_deletion", "staged_stemcell_version",
      "required_stemcell_version", "available_stemcell_versions");
  /** §3.3 stemcell_associations products. */
  static final List<String> ASSOCIATION = List.of("guid", "identifier", "label", "staged_product_version",
      "deployed_product_version", "is_staged_for_deletion", "staged_stemcells", "deployed_stemcells",
      "available_stemcells", "required_stemcells");
  /** §3.3 stemcell_library entries. */
  static final List<String> LIBRARY = List.of("version", "os", "name", "infrastructure", "hypervisor", "light", "present_on_disk");
  /** §3.4 installation status. */
  static final List<String> INSTALLATION_STATUS = List.of("status", "started_at", "finished_at");
  /** §3.4 installations list items. */
  static final List<String> INSTALLATION_ITEM = List.of("id", "user_name", "status", "started_at", "finished_at");
  static final Set<String> INSTALLATION_STATES = Set.of("running", "succeeded", "failed");
  /** §3.5 diagnostic report. */
  static final List<String> DIAGNOSTIC = List.of("versions", "generation_time", "infrastructure_type", "director_configuration",
      "releases", "available_stemcells", "product_templates", "added_products");
  /** §4.1 */
  static final List<String> BOSH_INFO = List.of("name", "uuid", "version", "user", "cpi", "user_authentication", "features");
  /** §4.2 task object. */
  static final List<String> BOSH_TASK = List.of("id", "state", "description", "timestamp", "started_at", "result", "user",
      "deployment", "context_id");
  static final Set<String> BOSH_TASK_STATES = Set.of("queued", "processing", "cancelling", "cancelled", "done", "error", "timeout");
  /** §4.2 event output records. */
  static final List<String> BOSH_EVENT = List.of("time", "stage", "tags", "total", "task", "index", "state", "progress");
  /** §4.3 */
  static final List<String> BOSH_DEPLOYMENT = List.of("name", "cloud_config", "releases", "stemcells", "teams");
  static final List<String> BOSH_INSTANCE = List.of("agent_id", "cid", "job", "index", "id", "az", "ips", "expects_vm");
  /** models §3.4: every field of a {@code format=full} line (null or empty without a VM). */
  static final List<String> BOSH_INSTANCE_FULL = List.of("vm_cid", "disk_cid", "disk_cids", "ips", "agent_id",
      "job_name", "index", "job_state", "state", "vm_type", "vitals", "processes", "az", "id", "bootstrap", "ignore",
      "vm_created_at", "active", "cloud_properties", "stemcell");
  /** models §3.4: agent process objects. */
  static final List<String> BOSH_PROCESS = List.of("name", "state", "uptime", "mem", "cpu");
  static final List<String> BOSH_VM = List.of("agent_id", "cid", "job", "index", "id", "az", "ips", "vm_created_at", "active",
      "permanent_nats_credentials");
  /** §4.4 */
  static final List<String> BOSH_STEMCELL = List.of("name", "operating_system", "version", "cid", "cpi", "deployments");
  /** §5.3 Plan. */
  static final List<String> PLAN = List.of("id", "name", "description", "worker_instances", "master_instances",
      "allow-privileged-containers");
  /** §5.3 Cluster. */
  static final List<String> CLUSTER = List.of("name", "plan_name", "uuid", "last_action", "last_action_state",
      "last_action_description", "kubernetes_master_ips", "parameters");
  static final List<String> CLUSTER_PARAMETERS = List.of("kubernetes_master_host", "kubernetes_master_port",
      "kubernetes_worker_instances");
  static final Set<String> LAST_ACTIONS = Set.of("CREATE", "UPDATE", "DELETE", "UPGRADE");
  static final Set<String> LAST_ACTION_STATES = Set.of("in progress", "succeeded", "failed", "queued");
  /** §5.3 TaskInfo and ClusterUpgradeInfo. */
  static final List<String> TASK_INFO = List.of("uuid", "type", "status", "clusters", "start_time", "end_time");
  static final Set<String> TASK_STATUSES = Set.of("not started", "in progress", "canceled", "done");
  static final List<String> CLUSTER_UPGRADE_INFO = List.of("cluster_name", "last_action", "last_action_state", "start_time",
      "end_time", "is_canary");

  private Shapes() {}

  /** Asserts {@code node} is an object carrying every documented field. */
  static void hasFields(String what, JsonNode node, List<String> fields) {
    assertThat(node.isObject()).as(what + " is a JSON object: " + node).isTrue();
    List<String> missing = new ArrayList<>();
    for (String f : fields) {
      if (!node.has(f)) {
        missing.add(f);
      }
    }
    assertThat(missing).as(what + " lacks documented fields; got " + node).isEmpty();
  }

  /** Asserts every element of a non-empty array carries the fields. */
  static void eachHasFields(String what, JsonNode array, List<String> fields) {
    assertThat(array.isArray() && array.size() > 0).as(what + " is a non-empty array: " + array).isTrue();
    array.forEach(n -> hasFields(what, n, fields));
  }

  /** Asserts a text field holds one of the documented values. */
  static void isOneOf(String what, JsonNode value, Set<String> allowed) {
    assertThat(value != null && value.isTextual()).as(what + " is text: " + value).isTrue();
    assertThat(allowed).as(what).contains(value.asText());
  }

  /** A PKS cluster: fields, parameter fields, enums. */
  static void cluster(JsonNode c) {
    hasFields("Cluster", c, CLUSTER);
    hasFields("ClusterParameters", c.get("parameters"), CLUSTER_PARAMETERS);
    isOneOf("last_action", c.get("last_action"), LAST_ACTIONS);
    isOneOf("last_action_state", c.get("last_action_state"), LAST_ACTION_STATES);
    assertThat(c.get("kubernetes_master_ips").isArray()).isTrue();
  }

  /** A PKS TaskInfo. */
  static void taskInfo(JsonNode t) {
    hasFields("TaskInfo", t, TASK_INFO);
    isOneOf("TaskInfo.type", t.get("type"), Set.of("UPGRADE"));
    isOneOf("TaskInfo.status", t.get("status"), TASK_STATUSES);
    assertThat(t.get("start_time").isIntegralNumber()).isTrue();
    eachHasFields("ClusterUpgradeInfo", t.get("clusters"), CLUSTER_UPGRADE_INFO);
    t.get("clusters").forEach(c -> {
      isOneOf("ClusterUpgradeInfo.last_action_state", c.get("last_action_state"), LAST_ACTION_STATES);
      assertThat(c.get("is_canary").isBoolean()).isTrue();
    });
  }
}
