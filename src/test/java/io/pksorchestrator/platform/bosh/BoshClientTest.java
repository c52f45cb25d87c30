package io.pksorchestrator.platform.bosh;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.WireMockSupport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BOSH client against a fake Director: documented JSON, the 302-to-task pattern and the bounded wait. */
class BoshClientTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private static final String BEARER = "Bearer bosh-token";
  private static final String DEPLOYMENT = "service-instance_e032c190-4170-4851-bba4-63d2337424cf";
  private static final String TASK = """
      {"id":1180,"state":"%s","description":"retrieve vm-stats","timestamp":1447033291,"started_at":1447033280,
       "result":%s,"user":"admin","deployment":"%s","context_id":"","extra":1}""";

  private BoshGateway gateway;

  @BeforeEach
  void setUp() {
    stubToken("/bosh-uaa", "bosh-token", 43199);
    gateway = new FeignBoshGateway(TestFoundations.clients(base()));
  }

  private static String task(String state, String result) {
    return TASK.formatted(state, result == null ? "null" : "\"" + result + "\"", DEPLOYMENT);
  }

  @Test
  void infoIsUnauthenticated() {
    wm.stubFor(get("/bosh/info").willReturn(okJson("""
        {"name":"p-bosh","uuid":"2daf673a-1","version":"270.1.0 (00000000)","user":null,"cpi":"vsphere_cpi",
         "user_authentication":{"type":"uaa","options":{"url":"https://10.0.0.10:8443"}},"features":{},
         "stemcell_os":"ubuntu-jammy"}""")));

    BoshInfo info = gateway.info(T);

    assertThat(info).isEqualTo(new BoshInfo("p-bosh", "2daf673a-1", "270.1.0 (00000000)", "vsphere_cpi", "uaa"));
    wm.verify(getRequestedFor(urlEqualTo("/bosh/info")).withoutHeader("Authorization"));
    wm.verify(0, postRequestedFor(urlEqualTo("/bosh-uaa/oauth/token")));
  }

  @Test
  void deployments() {
    wm.stubFor(get("/bosh/deployments").willReturn(okJson("""
        [{"name":"%s","cloud_config":"latest","releases":[{"name":"kubo","version":"1.19.0"}],
          "stemcells":[{"name":"bosh-vsphere-esxi-ubuntu-jammy-go_agent","version":"1.123"}],"teams":[]},
         {"name":"pivotal-container-service-abc","cloud_config":"none","releases":[],"stemcells":[],"teams":[]}]
        """.formatted(DEPLOYMENT))));

    assertThat(gateway.deployments(T)).hasSize(2);
    BoshDeployment d = gateway.deployment(T, DEPLOYMENT).orElseThrow();
    assertThat(d.releases()).containsExactly(new BoshDeployment.NameVersion("kubo", "1.19.0"));
    assertThat(d.stemcells()).containsExactly(
        new BoshDeployment.NameVersion("bosh-vsphere-esxi-ubuntu-jammy-go_agent", "1.123"));
    assertThat(gateway.deployment(T, "absent")).isEmpty();
    wm.verify(getRequestedFor(urlEqualTo("/bosh/deployments")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void instanceDetailsFollowTheRedirectToTheTaskExplicitly() {
    wm.stubFor(get(urlEqualTo("/bosh/deployments/" + DEPLOYMENT + "/instances?format=full"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "https://10.0.0.10:25555/tasks/1180")));
    wm.stubFor(get("/bosh/tasks/1180").inScenario("task").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(task("queued", null))).willSetStateTo("processing"));
    wm.stubFor(get("/bosh/tasks/1180").inScenario("task").whenScenarioStateIs("processing")
        .willReturn(okJson(task("processing", null))).willSetStateTo("done"));
    wm.stubFor(get("/bosh/tasks/1180").inScenario("task").whenScenarioStateIs("done")
        .willReturn(okJson(task("done", "retrieved"))));
    // rows as the Director writes them (cloudfoundry/bosh jobs/vm_state.rb; pks-api-models.md §3.4): a healthy
    // master, a stopped worker, a worker whose job state says running while a process fails, one running without
    // processes, a VM-less errand instance and a service instance that lost its VM
    wm.stubFor(get(urlEqualTo("/bosh/tasks/1180/output?type=result")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("""
            {"vm_cid":"vm-1","disk_cid":"d-1","ips":["10.0.1.10"],"agent_id":"a1","job_name":"master","index":0,"job_state":"running","state":"started","vm_type":"medium","vitals":{"cpu":{"sys":"1"}},"processes":[{"name":"kube-apiserver","state":"running","uptime":{"secs":30},"mem":{"kb":1,"percent":0.1},"cpu":{"total":0.2}}],"az":"az1","id":"c3de3f6a-1","bootstrap":true,"ignore":false}
            {"vm_cid":"vm-2","ips":["10.0.1.11"],"job_name":"worker","index":0,"job_state":"stopped","state":"stopped","processes":[{"name":"kubelet","state":"not monitored"}],"az":"az1","id":"w-1","new":1}
            {"vm_cid":"vm-3","ips":["10.0.1.12"],"job_name":"worker","index":1,"job_state":"running","state":"started","processes":[{"name":"containerd","state":"running"},{"name":"kubelet","state":"failing"}],"az":"az2","id":"w-2"}
            {"vm_cid":"vm-4","ips":["10.0.1.13"],"job_name":"worker","index":2,"job_state":"running","state":"started","processes":[],"az":"az3","id":"w-3"}
            {"vm_cid":null,"agent_id":null,"vm_created_at":null,"active":null,"ips":[],"job_name":"apply-addons","index":0,"job_state":null,"state":"started","vitals":null,"processes":[],"stemcell":{"name":null,"version":null,"api_version":null},"az":"az1","id":"e-1"}
            {"vm_cid":null,"ips":[],"job_name":"worker","index":3,"job_state":null,"state":"started","processes":[],"az":"az1","id":"w-4"}

            """)));
    wm.stubFor(get(urlEqualTo("/bosh/deployments/" + DEPLOYMENT + "/instances")).willReturn(okJson("""
        [{"agent_id":"a1","cid":"vm-1","job":"master","index":0,"id":"c3de3f6a-1","az":"az1","ips":["10.0.1.10"],"expects_vm":true},
         {"agent_id":null,"cid":null,"job":"apply-addons","index":0,"id":"e-1","az":"az1","ips":[],"expects_vm":false},
         {"agent_id":null,"cid":null,"job":"worker","index":3,"id":"w-4","az":"az1","ips":[],"expects_vm":true}]
        """)));

    List<BoshInstance> instances = gateway.instanceDetails(T, DEPLOYMENT);

    assertThat(instances).extracting(BoshInstance::id, BoshInstance::group, BoshInstance::jobState,
        BoshInstance::isRunning, BoshInstance::isErrand).containsExactly(
        tuple("c3de3f6a-1", "master", "running", true, false),
        tuple("w-1", "worker", "stopped", false, false),
        tuple("w-2", "worker", "running", false, false),
        tuple("w-3", "worker", "running", false, false),
        tuple("e-1", "apply-addons", null, false, true),
        tuple("w-4", "worker", null, false, false));
    assertThat(instances.get(0).processes()).containsExactly(new BoshInstance.Process("kube-apiserver", "running"));
    assertThat(instances.get(2).describe()).isEqualTo("worker/w-2 running (kubelet failing)");
    assertThat(instances.get(3).describe()).isEqualTo("worker/w-3 running (no processes reported)");
    assertThat(instances.get(5).describe()).isEqualTo("worker/w-4 has no VM");
    assertThat(instances.get(1).expectsVm()).as("not in the immediate list: taken to expect a VM").isTrue();
    wm.verify(1, getRequestedFor(urlEqualTo("/bosh/deployments/" + DEPLOYMENT + "/instances?format=full"))
        .withHeader("Authorization", equalTo(BEARER)));
    wm.verify(3, getRequestedFor(urlEqualTo("/bosh/tasks/1180")).withHeader("Authorization", equalTo(BEARER)));
    wm.verify(1, getRequestedFor(urlEqualTo("/bosh/tasks/1180/output?type=result"))
        .withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void instanceDetailsGiveUpAfterTheBoundedWait() {
    Foundation base = TestFoundations.foundation(base());
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), Duration.ofMillis(300), Duration.ofMillis(50), base.pks(), base.opsman(),
        base.bosh(), base.metrics());
    gateway = new FeignBoshGateway(TestFoundations.clients(f, new MutableClock()));
    wm.stubFor(get(urlEqualTo("/bosh/deployments/" + DEPLOYMENT + "/instances?format=full"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/tasks/1180")));
    wm.stubFor(get("/bosh/tasks/1180").willReturn(okJson(task("processing", null))));

    assertThatThrownBy(() -> gateway.instanceDetails(T, DEPLOYMENT))
        .isInstanceOfSatisfying(RetryableFoundationException.class, e -> assertThat(e.getMessage())
            .contains("task 1180").contains("still processing after PT0.3S"));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/bosh/tasks/1180/output")));
  }

  @Test
  void failedInstanceTaskIsRetryable() {
    wm.stubFor(get(urlEqualTo("/bosh/deployments/" + DEPLOYMENT + "/instances?format=full"))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "/tasks/1180")));
    wm.stubFor(get("/bosh/tasks/1180").willReturn(okJson(task("error", "Director busy"))));

    assertThatThrownBy(() -> gateway.instanceDetails(T, DEPLOYMENT))
        .isInstanceOfSatisfying(RetryableFoundationException.class,
            e -> assertThat(e.getMessage()).contains("ended 'error': Director busy"));
  }

  @Test
  void missingDeploymentIsNotFound() {
    wm.stubFor(get(urlEqualTo("/bosh/deployments/nope/instances?format=full")).willReturn(aResponse()
        .withStatus(404).withBody("{\"code\":70000,\"description\":\"Deployment 'nope' doesn't exist\"}")));

    assertThatThrownBy(() -> gateway.instanceDetails(T, "nope"))
        .isInstanceOfSatisfying(FoundationNotFoundException.class,
            e -> assertThat(e.getMessage()).contains("Deployment 'nope' doesn't exist"));
  }

  @Test
  void taskAndCancelOnTheSingularPath() {
    wm.stubFor(get("/bosh/tasks/1180").willReturn(okJson(task("processing", null))));
    wm.stubFor(delete("/bosh/task/1180").willReturn(aResponse().withStatus(204)));

    BoshTask task = gateway.task(T, 1180);
    assertThat(task).isEqualTo(new BoshTask(1180, "processing", "retrieve vm-stats", 1447033291L, 1447033280L,
        null, "admin", DEPLOYMENT, ""));
    gateway.cancelTask(T, 1180);

    wm.verify(1, deleteRequestedFor(urlEqualTo("/bosh/task/1180")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void cancellingAFinishedTaskIsRejected() {
    wm.stubFor(delete("/bosh/task/7").willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":10001,\"description\":\"Cannot cancel task 7: invalid state (done)\"}")));

    assertThatThrownBy(() -> gateway.cancelTask(T, 7)).isInstanceOfSatisfying(FoundationRejectedException.class,
        e -> assertThat(e.detail()).isEqualTo("Cannot cancel task 7: invalid state (done)"));
  }

  @Test
  void stemcells() {
    wm.stubFor(get("/bosh/stemcells").willReturn(okJson("""
        [{"name":"bosh-vsphere-esxi-ubuntu-jammy-go_agent","operating_system":"ubuntu-jammy","version":"1.123",
          "cid":"sc-1","cpi":"","deployments":[{"name":"%s"}],"api_version":3},
         {"name":"old","operating_system":"ubuntu-xenial","version":"621.1","cid":"sc-0","deployments":["legacy"]}]
        """.formatted(DEPLOYMENT))));

    assertThat(gateway.stemcells(T)).containsExactly(
        new BoshStemcell("bosh-vsphere-esxi-ubuntu-jammy-go_agent", "ubuntu-jammy", "1.123", "sc-1",
            List.of(DEPLOYMENT)),
        new BoshStemcell("old", "ubuntu-xenial", "621.1", "sc-0", List.of("legacy")));
    wm.verify(getRequestedFor(urlEqualTo("/bosh/stemcells")).withHeader("Authorization", equalTo(BEARER)));
  }
}
