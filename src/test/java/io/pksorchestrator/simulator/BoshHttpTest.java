package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BOSH Director: 302-to-task, task states and output, cancel, injected task errors. */
class BoshHttpTest extends SimulatorHttpTestBase {

  private String token;
  private String deployment;

  @BeforeEach
  void setUp() {
    token = boshToken();
    deployment = http.get("/lab/bosh/deployments", token).json().get(0).get("name").asText();
  }

  @Test
  void infoIsOpenAndDeploymentsAreServiceInstances() {
    JsonNode info = http.get("/lab/bosh/info", null).json();
    assertThat(info.get("user_authentication").get("type").asText()).isEqualTo("uaa");
    assertThat(http.get("/lab/bosh/deployments", null).status()).isEqualTo(401);
    assertThat(deployment).matches("service-instance_[0-9a-f-]{36}");
    JsonNode stemcells = http.get("/lab/bosh/stemcells", token).json();
    assertThat(stemcells.get(0).get("operating_system").asText()).isEqualTo("ubuntu-jammy");
    assertThat(stemcells.get(0).get("version").asText()).isEqualTo("1.400");
  }

  @Test
  void instancesFullGoesThroughATaskWhoseLocationResolves() {
    Reply redirect = http.get("/lab/bosh/deployments/" + deployment + "/instances?format=full", token);
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.location()).startsWith(http.base + "/lab/bosh/tasks/");
    JsonNode queued = http.get(redirect.location(), token).json();
    assertThat(queued.get("state").asText()).isEqualTo("queued");
    sim.advance(Duration.ofSeconds(2));
    assertThat(http.get(redirect.location(), token).json().get("state").asText()).isEqualTo("processing");
    JsonNode task = http.followTask(redirect, token, () -> sim.advance(Duration.ofSeconds(10)));
    assertThat(task.get("state").asText()).isEqualTo("done");
    String result = http.get(redirect.location() + "/output?type=result", token).body();
    String[] lines = result.strip().split("\n");
    assertThat(lines).as("3 masters, 6 workers and the VM-less errand instance").hasSize(10);
    JsonNode first = new Reply(200, null, lines[0]).json();
    assertThat(first.get("job_name").asText()).isEqualTo("master");
    assertThat(first.get("job_state").asText()).isEqualTo("running");
    assertThat(first.get("processes")).isNotEmpty().allMatch(p -> p.get("state").asText().equals("running"));
    // pks-api-models.md §3.3-3.5: instances without a VM are listed with job_state null and no processes
    JsonNode errand = java.util.Arrays.stream(lines).map(l -> new Reply(200, null, l).json())
        .filter(l -> l.get("job_name").asText().equals("apply-addons")).findFirst().orElseThrow();
    assertThat(errand.get("vm_cid").isNull()).isTrue();
    assertThat(errand.get("job_state").isNull()).isTrue();
    assertThat(errand.get("processes")).isEmpty();
    assertThat(errand.get("ips")).isEmpty();
    assertThat(errand.get("stemcell").get("version").isNull()).isTrue();
    JsonNode immediate = http.get("/lab/bosh/deployments/" + deployment + "/instances", token).json();
    assertThat(java.util.stream.StreamSupport.stream(immediate.spliterator(), false)
        .filter(i -> i.get("job").asText().equals("apply-addons")).findFirst().orElseThrow()
        .get("expects_vm").asBoolean()).isFalse();
    assertThat(http.get("/lab/bosh/deployments/" + deployment + "/vms", token).json().findValuesAsText("job"))
        .doesNotContain("apply-addons");
    assertThat(http.get(redirect.location() + "/output?type=event", token).body()).contains("\"state\":\"finished\"");
  }

  @Test
  void cancelOnTheSingularTaskPathAndInjectedErrors() {
    Reply redirect = http.get("/lab/bosh/deployments/" + deployment + "/vms?format=full", token);
    String id = redirect.location().substring(redirect.location().lastIndexOf('/') + 1);
    assertThat(http.send("DELETE", "/lab/bosh/task/" + id, token, null).status()).isEqualTo(204);
    sim.advance(Duration.ofSeconds(2));
    assertThat(http.get("/lab/bosh/tasks/" + id, token).json().get("state").asText()).isEqualTo("cancelled");
    Reply again = http.send("DELETE", "/lab/bosh/task/" + id, token, null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("description").asText()).contains("Cannot cancel task " + id);

    sim.foundation.faults().failNextBoshTasks(1);
    JsonNode failed = http.followTask(http.get("/lab/bosh/deployments/" + deployment + "/instances?format=full", token),
        token, () -> sim.advance(Duration.ofSeconds(10)));
    assertThat(failed.get("state").asText()).isEqualTo("error");
    assertThat(http.get("/lab/bosh/tasks/424242", token).json().get("code").asInt()).isEqualTo(10000);
    assertThat(http.get("/lab/bosh/deployments/nope/instances", token).status()).isEqualTo(404);
  }

  @Test
  void taskEventOutputHonoursRange() {
    Reply redirect = http.get("/lab/bosh/deployments/" + deployment + "/instances?format=full", token);
    http.followTask(redirect, token, () -> sim.advance(Duration.ofSeconds(10)));
    Reply all = http.sendRaw(HttpRequest.newBuilder(URI.create(redirect.location() + "/output?type=event"))
        .header("Authorization", "Bearer " + token).header("Range", "bytes=0-"));
    assertThat(all.status()).isEqualTo(206);
    int length = all.body().length();
    Reply none = http.sendRaw(HttpRequest.newBuilder(URI.create(redirect.location() + "/output?type=event"))
        .header("Authorization", "Bearer " + token).header("Range", "bytes=" + length + "-"));
    assertThat(none.status()).isEqualTo(416);
  }
}
