package io.pksorchestrator.platform.pks;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.FoundationProperties;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.WireMockSupport;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PKS client against a fake PKS API serving the documented JSON (plus unknown fields, which are ignored). */
class PksClientTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private static final String BEARER = "Bearer pks-token";
  private static final String CLUSTER_JSON = """
      {"name":"k8s1","plan_name":"small","last_action":"CREATE","last_action_state":"in progress",
       "last_action_description":"Creating cluster","uuid":"abcdefg-a123-b456-c789-1011121314",
       "kubernetes_master_ips":["In Progress"],"network_profile_name":"np-tenant-a","compute_profile_name":"",
       "future_field":{"nested":[1,2]},
       "parameters":{"kubernetes_master_host":"k8s1.example.com","kubernetes_master_port":8443,
         "worker_haproxy_ip_addresses":null,"kubernetes_worker_instances":2,"authorization_mode":null,
         "cluster_tags":[{"name":"team","value":"payments","category":"x"}]}}""";
  private static final String TASK_JSON = """
      {"uuid":"ce31a1bb-380a-453f-afa0-835ffa1ce6ac","type":"UPGRADE","status":"done","start_time":1571079600,
       "end_time":1571080794,"new_field":true,
       "clusters":[{"cluster_name":"k8-cluster-000","last_action":"UPGRADE","last_action_state":"succeeded",
          "start_time":1571079600,"end_time":1571080794,"is_canary":true},
        {"cluster_name":"k8-cluster-001","last_action":"UPGRADE","last_action_state":"failed",
          "start_time":1571080800,"end_time":0,"is_canary":false}]}""";

  private PksGateway gateway;

  @BeforeEach
  void setUp() {
    stubToken("/pks-uaa", "pks-token", 43199);
    gateway = new FeignPksGateway(TestFoundations.clients(base()));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  /**
   * Issue 14 item 5: the PKS Plan model has no worker maximum; it comes from configuration per foundation and
   * plan (default for plans not listed), and a stray {@code max_worker_instances} in the answer is ignored.
   */
  @Test
  void planMaximumComesFromConfigurationNotFromTheApi() {
    gateway = new FeignPksGateway(TestFoundations.clients(TestFoundations.with(TestFoundations.foundation(base()),
        null, new FoundationProperties.Plans(20, Map.of("small", 10))), new TestFoundations.MutableClock()));
    wm.stubFor(get("/pks/v1/plans").willReturn(okJson("""
        [{"id":"8A0E21A8-8072-4D80-B365-D1F502085560","name":"small","description":"Example: This plan will configure a lightweight kubernetes cluster.",
        "worker_instances":3,"master_instances":1,
        "allow-privileged-containers":false,"max_worker_instances":50,"unknown":"x"},
         {"id":"2","name":"medium","description":"m","worker_instances":5,"master_instances":3,
         "allow-privileged-containers":true}]""")));

    List<PksPlan> plans = gateway.plans(T);

    assertThat(plans).extracting(PksPlan::name, PksPlan::workerInstances, PksPlan::masterInstances,
        PksPlan::maxWorkerInstances).containsExactly(
        org.assertj.core.groups.Tuple.tuple("small", 3, 1, 10), org.assertj.core.groups.Tuple.tuple("medium", 5, 3, 20));
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo(BEARER))
        .withHeader("Accept", containing("application/json")));
  }

  @Test
  void clusterIsMappedAndUnknownFieldsAreIgnored() {
    wm.stubFor(get("/pks/v1/clusters/k8s1").willReturn(okJson(CLUSTER_JSON)));

    PksCluster c = gateway.cluster(T, "k8s1").orElseThrow();

    assertThat(c.name()).isEqualTo("k8s1");
    assertThat(c.uuid()).isEqualTo("abcdefg-a123-b456-c789-1011121314");
    assertThat(c.lastAction()).isEqualTo("CREATE");
    assertThat(c.lastActionState()).isEqualTo(ActionState.IN_PROGRESS);
    assertThat(c.masterIps()).containsExactly("In Progress");
    assertThat(c.masterHost()).isEqualTo("k8s1.example.com");
    assertThat(c.masterPort()).isEqualTo(8443);
    assertThat(c.workerInstances()).isEqualTo(2);
    assertThat(c.tags()).containsEntry("team", "payments");
    assertThat(c.boshDeploymentName()).isEqualTo("service-instance_abcdefg-a123-b456-c789-1011121314");
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/clusters/k8s1")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void missingClusterIsEmpty() {
    wm.stubFor(get("/pks/v1/clusters/gone").willReturn(aResponse().withStatus(404)
        .withBody("{\"body\":\"Cluster gone not found\"}")));

    assertThat(gateway.cluster(T, "gone")).isEmpty();
  }

  @Test
  void clustersList() {
    wm.stubFor(get("/pks/v1/clusters").willReturn(okJson("[" + CLUSTER_JSON + "," + CLUSTER_JSON
        .replace("k8s1", "k8s2").replace("\"in progress\"", "\"succeeded\"") + "]")));

    assertThat(gateway.clusters(T)).extracting(PksCluster::name, PksCluster::lastActionState)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("k8s1", ActionState.IN_PROGRESS),
            org.assertj.core.groups.Tuple.tuple("k8s2", ActionState.SUCCEEDED));
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/clusters")).withHeader("Authorization", equalTo(BEARER))
        .withHeader("Accept", containing("application/json")));
  }

  @Test
  void clusterDetailsThroughTheFeignClient() {
    wm.stubFor(get("/pks/v1/clusterdetails/k8s1").willReturn(okJson(CLUSTER_JSON)));
    var clients = TestFoundations.clients(base());

    PksDtos.Cluster details = clients.api(T, io.pksorchestrator.platform.http.Component.PKS, PksApi.class)
        .clusterDetails("k8s1");

    assertThat(details.parameters().kubernetesWorkerInstances()).isEqualTo(2);
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/clusterdetails/k8s1")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void createSendsTheClusterRequest() {
    wm.stubFor(post("/pks/v1/clusters").willReturn(okJson(CLUSTER_JSON)));

    PksCluster created = gateway.createCluster(T,
        new CreateClusterSpec("k8s1", "small", "k8s1.example.com", 2, Map.of("team", "payments")));

    assertThat(created.lastActionState()).isEqualTo(ActionState.IN_PROGRESS);
    wm.verify(postRequestedFor(urlEqualTo("/pks/v1/clusters"))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {"name":"k8s1","plan_name":"small","parameters":{"kubernetes_master_host":"k8s1.example.com",
             "kubernetes_master_port":8443,"kubernetes_worker_instances":2,
             "cluster_tags":[{"name":"team","value":"payments"}]}}""")));
  }

  @Test
  void createWithoutWorkerCountLetsThePlanDecide() {
    wm.stubFor(post("/pks/v1/clusters").willReturn(okJson(CLUSTER_JSON)));

    gateway.createCluster(T, new CreateClusterSpec("k8s1", "small", "k8s1.example.com", null, Map.of()));

    wm.verify(postRequestedFor(urlEqualTo("/pks/v1/clusters")).withRequestBody(equalToJson("""
        {"name":"k8s1","plan_name":"small","parameters":{"kubernetes_master_host":"k8s1.example.com",
         "kubernetes_master_port":8443}}""")));
  }

  @Test
  void resizeSendsAPatchWithTheWorkerCount() {
    wm.stubFor(patch(urlEqualTo("/pks/v1/clusters/k8s1")).willReturn(aResponse().withStatus(202)));

    gateway.resizeCluster(T, "k8s1", 5);

    wm.verify(patchRequestedFor(urlEqualTo("/pks/v1/clusters/k8s1"))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("{\"kubernetes_worker_instances\":5}")));
  }

  @Test
  void deleteIsIdempotent() {
    wm.stubFor(delete("/pks/v1/clusters/k8s1").willReturn(aResponse().withStatus(204)));
    wm.stubFor(delete("/pks/v1/clusters/gone").willReturn(aResponse().withStatus(404)));

    gateway.deleteCluster(T, "k8s1");
    gateway.deleteCluster(T, "gone");

    wm.verify(deleteRequestedFor(urlEqualTo("/pks/v1/clusters/k8s1")).withHeader("Authorization", equalTo(BEARER)));
    wm.verify(deleteRequestedFor(urlEqualTo("/pks/v1/clusters/gone")));
  }

  @Test
  void upgradeClustersStartsATask() {
    wm.stubFor(patch(urlEqualTo("/pks/v1/clusters")).willReturn(okJson(TASK_JSON)));

    UpgradeTask task = gateway.upgradeClusters(T, List.of("k8-cluster-000", "k8-cluster-001"),
        List.of("k8-cluster-000"), 2);

    assertThat(task.uuid()).isEqualTo("ce31a1bb-380a-453f-afa0-835ffa1ce6ac");
    assertThat(task.isFinished()).isTrue();
    assertThat(task.clusters()).extracting(UpgradeTask.ClusterUpgrade::clusterName,
        UpgradeTask.ClusterUpgrade::lastActionState, UpgradeTask.ClusterUpgrade::canary).containsExactly(
        org.assertj.core.groups.Tuple.tuple("k8-cluster-000", ActionState.SUCCEEDED, true),
        org.assertj.core.groups.Tuple.tuple("k8-cluster-001", ActionState.FAILED, false));
    wm.verify(patchRequestedFor(urlEqualTo("/pks/v1/clusters")).withHeader("Authorization", equalTo(BEARER))
        .withRequestBody(equalToJson("""
            {"clusters":["k8-cluster-000","k8-cluster-001"],"canaries":["k8-cluster-000"],"max_in_flight":2}""")));
  }

  @Test
  void tasksGetListAndCancel() {
    wm.stubFor(get("/pks/v1/tasks/ce31").willReturn(okJson(TASK_JSON)));
    wm.stubFor(get(urlEqualTo("/pks/v1/tasks?limit=5")).willReturn(okJson("[" + TASK_JSON + "]")));
    wm.stubFor(put("/pks/v1/tasks/ce31").willReturn(okJson(TASK_JSON.replace("\"done\"", "\"canceled\""))));

    assertThat(gateway.task(T, "ce31").status()).isEqualTo("done");
    assertThat(gateway.tasks(T, 5)).hasSize(1);
    assertThat(gateway.cancelTask(T, "ce31").status()).isEqualTo("canceled");

    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/tasks/ce31")).withHeader("Authorization", equalTo(BEARER)));
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/tasks?limit=5")).withHeader("Authorization", equalTo(BEARER)));
    wm.verify(putRequestedFor(urlEqualTo("/pks/v1/tasks/ce31")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void bindReturnsOnlyTheServerAddress() {
    wm.stubFor(post("/pks/v1/clusters/k8s1/binds").willReturn(okJson("""
        {"apiVersion":"v1","kind":"Config","current-context":"k8s1",
         "clusters":[{"name":"k8s1","cluster":{"server":"https://k8s1.example.com:8443",
           "certificate-authority-data":"LS0tLS1CRUdJTg=="}}],
         "users":[{"name":"u","user":{"token":"kubeconfig-secret-token"}}],
         "contexts":[{"name":"k8s1","context":{"cluster":"k8s1","user":"u"}}]}""")));

    URI server = gateway.clusterApiServer(T, "k8s1");

    assertThat(server).isEqualTo(URI.create("https://k8s1.example.com:8443"));
    wm.verify(postRequestedFor(urlEqualTo("/pks/v1/clusters/k8s1/binds")).withHeader("Authorization", equalTo(BEARER))
        .withRequestBody(equalToJson("{}")));
  }

  @Test
  void rejectedCreateCarriesThePksMessage() {
    wm.stubFor(post("/pks/v1/clusters").willReturn(aResponse().withStatus(400)
        .withBody("{\"body\":\"Plan 'huge' does not exist\"}")));

    assertThatThrownBy(() -> gateway.createCluster(T, new CreateClusterSpec("a", "huge", "a.example.com", 1,
        Map.of())))
        .isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
          assertThat(e.detail()).isEqualTo("Plan 'huge' does not exist");
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("Foundation 'test' pks: POST /pks/v1/clusters answered 400");
        });
  }
}
