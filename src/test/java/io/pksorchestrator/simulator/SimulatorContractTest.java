package io.pksorchestrator.simulator;

import static io.pksorchestrator.simulator.Shapes.eachHasFields;
import static io.pksorchestrator.simulator.Shapes.hasFields;
import static io.pksorchestrator.simulator.Shapes.isOneOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps simulator and reference honest: every endpoint's JSON has the fields and enum values documented in
 * ../shared/reference/pks-apis.md (the section is named next to each expectation in {@link Shapes}).
 */
class SimulatorContractTest extends SimulatorHttpTestBase {


  @Test
  void uaaTokenAndError() {
    for (String[] uaa : List.of(new String[] {"pks-uaa", "lab-pks-client-secret"},
        new String[] {"opsman/uaa", "lab-opsman-client-secret"}, new String[] {"bosh-uaa", "lab-bosh-client-secret"})) {
      Reply ok = http.tokenReply(uaa[0], "pkso-lab", uaa[1]);
      hasFields("§2.2 token", ok.json(), Shapes.TOKEN);
      assertThat(ok.json().get("token_type").asText()).isEqualTo("bearer");
      Reply bad = http.tokenReply(uaa[0], "pkso-lab", "nope");
      assertThat(bad.status()).as("§2.3").isEqualTo(401);
      assertThat(bad.json().get("error").asText()).isEqualTo("invalid_client");
    }
  }

  @Test
  void opsManager() {
    String t = opsmanToken();
    JsonNode info = http.get("/lab/opsman/api/v0/info", null).json();
    hasFields("§3.1 info", info, Shapes.OM_INFO);
    assertThat(info.get("info").get("version").asText()).matches("\\d+\\.\\d+(\\.\\d+)?-build\\.\\d+");
    eachHasFields("§3.2 staged product", http.get("/lab/opsman/api/v0/staged/products", t).json(), Shapes.STAGED_PRODUCT);
    JsonNode deployed = http.get("/lab/opsman/api/v0/deployed/products", t).json();
    eachHasFields("§3.2 deployed product", deployed, Shapes.DEPLOYED_PRODUCT);
    assertThat(deployed.findValuesAsText("type")).contains("pivotal-container-service", "p-bosh");

    Reply upload = http.sendRaw(Stemcells.upload(http.base, t, "s.tgz", Stemcells.tarball("ubuntu-jammy", "1.500")));
    hasFields("§3.3 upload", upload.json().get("stemcell"), Shapes.STEMCELL_UPLOAD);
    assertThat(upload.json().has("existing")).isTrue();
    eachHasFields("§3.3 assignments", http.get("/lab/opsman/api/v0/stemcell_assignments", t).json().get("products"), Shapes.ASSIGNMENT);
    JsonNode associations = http.get("/lab/opsman/api/v0/stemcell_associations", t).json();
    eachHasFields("§3.3 associations", associations.get("products"), Shapes.ASSOCIATION);
    eachHasFields("§3.3 stemcell_library", associations.get("stemcell_library"), Shapes.LIBRARY);
    associations.get("products").get(0).get("staged_stemcells")
        .forEach(s -> hasFields("§3.3 staged_stemcells", s, List.of("name", "os", "version")));

    JsonNode report = http.get("/lab/opsman/api/v0/diagnostic_report", t).json();
    hasFields("§3.5 diagnostic report", report, Shapes.DIAGNOSTIC);
    eachHasFields("§3.5 available_stemcells", report.get("available_stemcells"), List.of("filename", "os", "version"));
    hasFields("§3.5 added_products", report.get("added_products"), List.of("deployed", "staged"));
    eachHasFields("§3.5 deployed products", report.get("added_products").get("deployed"), List.of("name", "version", "stemcells"));

    JsonNode install = http.send("POST", "/lab/opsman/api/v0/installations", t,
        Map.of("ignore_warnings", "false", "deploy_products", "all")).json();
    hasFields("§3.4 POST installations", install.get("install"), List.of("id"));
    long id = install.get("install").get("id").asLong();
    JsonNode status = http.get("/lab/opsman/api/v0/installations/" + id, t).json();
    hasFields("§3.4 status", status, Shapes.INSTALLATION_STATUS);
    isOneOf("§3.4 status", status.get("status"), Shapes.INSTALLATION_STATES);
    assertThat(status.get("finished_at").isNull()).isTrue();
    hasFields("§3.4 logs", http.get("/lab/opsman/api/v0/installations/" + id + "/logs", t).json(), List.of("logs"));
    JsonNode list = http.get("/lab/opsman/api/v0/installations", t).json();
    eachHasFields("§3.4 list", list.get("installations"), Shapes.INSTALLATION_ITEM);
    list.get("installations").forEach(i -> isOneOf("§3.4 list status", i.get("status"), Shapes.INSTALLATION_STATES));
    JsonNode change = list.get("installations").get(0).get("updates").get(0);
    hasFields("§3.4 InstallationChange", change, List.of("identifier", "label", "product_version", "change_type",
        "deployment_status", "deploy_order", "guid", "started_at", "finished_at"));
    isOneOf("§3.4 change_type", change.get("change_type"), java.util.Set.of("addition", "update", "deletion", "unchanged"));
    isOneOf("§3.4 deployment_status", change.get("deployment_status"),
        java.util.Set.of("pending", "running", "successful", "failed", "skipped"));
    String cred = http.get("/lab/opsman/api/v0/deployed/director/credentials/bosh_commandline_credentials", t)
        .json().get("credential").asText();
    assertThat(cred).as("§1 credential string").matches("BOSH_CLIENT=\\S+ BOSH_CLIENT_SECRET=\\S+ BOSH_CA_CERT=\\S+ BOSH_ENVIRONMENT=\\S+ bosh");
    Reply notFound = http.get("/lab/opsman/api/v0/installations/4711", t);
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.json().get("errors").isArray()).as("§3 error body").isTrue();
  }

  @Test
  void boshDirector() {
    String t = boshToken();
    JsonNode info = http.get("/lab/bosh/info", null).json();
    hasFields("§4.1 info", info, Shapes.BOSH_INFO);
    isOneOf("§4.1 user_authentication.type", info.get("user_authentication").get("type"), java.util.Set.of("basic", "uaa"));
    JsonNode deployments = http.get("/lab/bosh/deployments", t).json();
    eachHasFields("§4.3 deployments", deployments, Shapes.BOSH_DEPLOYMENT);
    String name = deployments.get(0).get("name").asText();
    hasFields("§4.3 deployment", http.get("/lab/bosh/deployments/" + name, t).json(), List.of("manifest"));
    eachHasFields("§4.3 instances", http.get("/lab/bosh/deployments/" + name + "/instances", t).json(), Shapes.BOSH_INSTANCE);
    eachHasFields("§4.3 vms", http.get("/lab/bosh/deployments/" + name + "/vms", t).json(), Shapes.BOSH_VM);
    eachHasFields("§4.4 stemcells", http.get("/lab/bosh/stemcells", t).json(), Shapes.BOSH_STEMCELL);

    Reply redirect = http.get("/lab/bosh/deployments/" + name + "/instances?format=full", t);
    assertThat(redirect.status()).as("§4 302 to task").isEqualTo(302);
    JsonNode running = http.get(redirect.location(), t).json();
    hasFields("§4.2 task", running, Shapes.BOSH_TASK);
    isOneOf("§4.2 state", running.get("state"), Shapes.BOSH_TASK_STATES);
    JsonNode task = http.followTask(redirect, t, () -> sim.advance(Duration.ofSeconds(10)));
    isOneOf("§4.2 state", task.get("state"), Shapes.BOSH_TASK_STATES);
    for (String line : http.get(redirect.location() + "/output?type=result", t).body().strip().split("\n")) {
      JsonNode instance = new Reply(200, null, line).json();
      hasFields("§4.3 instance details", instance, Shapes.BOSH_INSTANCE_FULL);
      if (instance.get("vm_cid").isNull()) {
        // models §3.4: an instance without a VM has job_state null, no processes, no ips, all-null stemcell
        assertThat(instance.get("job_state").isNull()).isTrue();
        assertThat(instance.get("processes")).isEmpty();
        assertThat(instance.get("ips")).isEmpty();
        assertThat(instance.get("vitals").isNull()).isTrue();
      } else {
        isOneOf("job_state", instance.get("job_state"), java.util.Set.of("running", "starting", "stopped", "failing"));
        instance.get("processes").forEach(p -> hasFields("models §3.4 process", p, Shapes.BOSH_PROCESS));
      }
      isOneOf("state", instance.get("state"), java.util.Set.of("started", "stopped", "detached"));
    }
    for (String line : http.get(redirect.location() + "/output?type=event", t).body().strip().split("\n")) {
      JsonNode event = new Reply(200, null, line).json();
      hasFields("§4.2 event", event, Shapes.BOSH_EVENT);
      isOneOf("§4.2 event state", event.get("state"), java.util.Set.of("started", "finished", "failed"));
    }
    eachHasFields("§4.2 tasks", http.get("/lab/bosh/tasks?limit=5", t).json(), Shapes.BOSH_TASK);
    JsonNode error = http.get("/lab/bosh/deployments/missing", t).json();
    hasFields("§4 error body", error, List.of("code", "description"));
    assertThat(error.get("code").asInt()).isEqualTo(70000);
  }

  // PKS: PksContractTest checks every answer and every client request field by field against
  // pks-api-models.md §1 (contract/pks-api-models.json), stricter than the shapes here.

  @Test
  void prometheus() {
    JsonNode range = http.get("/lab/prometheus/api/v1/query_range?query=" + SimHttp.enc("x{cluster=\"analytics\"}")
        + "&start=" + (sim.foundation.now().getEpochSecond() - 3600) + "&end=" + sim.foundation.now().getEpochSecond()
        + "&step=60", null).json();
    assertThat(range.get("status").asText()).isEqualTo("success");
    JsonNode series = range.get("data").get("result").get(0);
    hasFields("matrix series", series, List.of("metric", "values"));
    assertThat(series.get("values").get(0).get(0).isNumber()).isTrue();
    assertThat(series.get("values").get(0).get(1).isTextual()).isTrue();
  }
}
