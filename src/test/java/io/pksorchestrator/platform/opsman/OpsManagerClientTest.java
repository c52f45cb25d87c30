package io.pksorchestrator.platform.opsman;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.WireMockSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Ops Manager client against a fake Ops Manager serving the documented JSON. */
class OpsManagerClientTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private static final String BEARER = "Bearer om-token";
  private static final String PKS_GUID = "pivotal-container-service-0f4bde0bf1e2b1d7a3b9";

  @TempDir
  Path dir;

  private OpsManagerGateway gateway;

  @BeforeEach
  void setUp() {
    stubToken("/opsman/uaa", "om-token", 43199);
    gateway = new FeignOpsManagerGateway(TestFoundations.clients(base()));
  }

  private void omVersion(String version) {
    wm.stubFor(get("/opsman/api/v0/info").willReturn(okJson("{\"info\":{\"version\":\"" + version + "\"},\"x\":1}")));
  }

  @Test
  void versionIsReadWithoutAToken() {
    omVersion("3.0.25-build.2");

    assertThat(gateway.version(T)).isEqualTo("3.0.25-build.2");
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/info")).withoutHeader("Authorization"));
  }

  @Test
  void stagedAndDeployedProducts() {
    String products = """
        [{"installation_name":"%s","guid":"%s","type":"pivotal-container-service","product_version":"1.19.2-build.10",
          "label":"Tanzu Kubernetes Grid Integrated","service_broker":false,"bosh_read_creds":false,
          "license_metadata":[],"stale":{"parent_products_deployed_more_recently":[]},"kubernetes_distribution":null},
         {"installation_name":"p-bosh","guid":"p-bosh-1","type":"p-bosh","product_version":"3.0.25"}]
        """.formatted(PKS_GUID, PKS_GUID);
    wm.stubFor(get("/opsman/api/v0/staged/products").willReturn(okJson(products)));
    wm.stubFor(get("/opsman/api/v0/deployed/products").willReturn(okJson(products)));

    assertThat(gateway.stagedProducts(T)).first().isEqualTo(
        new OmProduct(PKS_GUID, PKS_GUID, OmProduct.PKS_TILE_TYPE, "1.19.2-build.10"));
    assertThat(gateway.deployedProducts(T)).extracting(OmProduct::type)
        .containsExactly("pivotal-container-service", "p-bosh");
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/staged/products")).withHeader("Authorization", equalTo(BEARER)));
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/deployed/products")).withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void associationsFromOpsManager26() {
    omVersion("2.10-build.123");
    wm.stubFor(get("/opsman/api/v0/stemcell_associations").willReturn(okJson("""
        {"products":[{"guid":"%s","identifier":"pivotal-container-service","label":"TKGI",
          "staged_product_version":"1.19.2","deployed_product_version":"1.19.1","is_staged_for_deletion":false,
          "staged_stemcells":[{"name":"bosh-vsphere","os":"ubuntu-jammy","version":"1.123"}],
          "deployed_stemcells":[{"name":"bosh-vsphere","os":"ubuntu-jammy","version":"1.100"}],
          "available_stemcells":[{"os":"ubuntu-jammy","version":"1.100"},{"os":"ubuntu-jammy","version":"1.123"}],
          "required_stemcells":[{"os":"ubuntu-jammy","version":"1.100"}]}],
         "stemcell_library":[{"version":"1.123","os":"ubuntu-jammy","name":"n","infrastructure":"vsphere",
          "hypervisor":"esxi","light":false,"present_on_disk":true}]}""".formatted(PKS_GUID))));
    wm.stubFor(patch(urlEqualTo("/opsman/api/v0/stemcell_associations")).willReturn(aResponse().withStatus(200)));

    List<OmProductStemcells> stemcells = gateway.productStemcells(T);
    gateway.assignStemcell(T, PKS_GUID, new OmStemcell("ubuntu-jammy", "1.123"));

    assertThat(stemcells).containsExactly(new OmProductStemcells(PKS_GUID, "pivotal-container-service",
        List.of(new OmStemcell("ubuntu-jammy", "1.123")), List.of(new OmStemcell("ubuntu-jammy", "1.100")),
        List.of(new OmStemcell("ubuntu-jammy", "1.100"), new OmStemcell("ubuntu-jammy", "1.123"))));
    wm.verify(patchRequestedFor(urlEqualTo("/opsman/api/v0/stemcell_associations"))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {"products":[{"guid":"%s","staged_stemcells":[{"os":"ubuntu-jammy","version":"1.123"}]}]}"""
            .formatted(PKS_GUID))));
    wm.verify(0, anyRequestedFor(urlPathEqualTo("/opsman/api/v0/stemcell_assignments")));
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/stemcell_associations"))
        .withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void assignmentsBeforeOpsManager26() {
    omVersion("2.5.3-build.185");
    wm.stubFor(get("/opsman/api/v0/stemcell_assignments").willReturn(okJson("""
        {"products":[{"guid":"%s","identifier":"pivotal-container-service","is_staged_for_deletion":false,
          "staged_stemcell_version":"621.1","required_stemcell_version":"621","available_stemcell_versions":["621.1","621.2"]}]}
        """.formatted(PKS_GUID))));
    wm.stubFor(patch(urlEqualTo("/opsman/api/v0/stemcell_assignments")).willReturn(aResponse().withStatus(200)));

    List<OmProductStemcells> stemcells = gateway.productStemcells(T);
    gateway.assignStemcell(T, PKS_GUID, new OmStemcell("ubuntu-xenial", "621.2"));

    assertThat(stemcells.get(0).staged()).containsExactly(new OmStemcell(null, "621.1"));
    assertThat(stemcells.get(0).available()).extracting(OmStemcell::version).containsExactly("621.1", "621.2");
    wm.verify(patchRequestedFor(urlEqualTo("/opsman/api/v0/stemcell_assignments"))
        .withHeader("Authorization", equalTo(BEARER))
        .withRequestBody(equalToJson("""
            {"products":[{"guid":"%s","staged_stemcell_version":"621.2"}]}""".formatted(PKS_GUID))));
    wm.verify(0, anyRequestedFor(urlPathEqualTo("/opsman/api/v0/stemcell_associations")));
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/stemcell_assignments"))
        .withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void associationErrorsAreRejectionsWithTheMessage() {
    omVersion("3.0.1-build.1");
    wm.stubFor(patch(urlEqualTo("/opsman/api/v0/stemcell_associations")).willReturn(aResponse().withStatus(422)
        .withBody("{\"errors\":[\"Stemcell ubuntu-jammy 9.9 is not available\"]}")));

    assertThatThrownBy(() -> gateway.assignStemcell(T, PKS_GUID, new OmStemcell("ubuntu-jammy", "9.9")))
        .isInstanceOfSatisfying(FoundationRejectedException.class,
            e -> assertThat(e.detail()).isEqualTo("Stemcell ubuntu-jammy 9.9 is not available"));
  }

  /**
   * Issue 14 item 6: a stemcell is present only for the foundation's infrastructure (om matches os, version and
   * infrastructure). The library of Ops Manager 2.6+ names each stemcell's infrastructure; file names are the
   * fallback, as in om.
   */
  @Test
  void stemcellPresenceNeedsTheFoundationsInfrastructure() {
    omVersion("3.0.25-build.2");
    wm.stubFor(get("/opsman/api/v0/diagnostic_report").willReturn(okJson("""
        {"versions":{"installation_schema_version":"3.0"},"generation_time":"2026-01-01T00:00:00Z",
         "infrastructure_type":"vsphere","director_configuration":{},"releases":[],
         "available_stemcells":[
           {"filename":"bosh-stemcell-1.123-vsphere-esxi-ubuntu-jammy-go_agent.tgz","os":"ubuntu-jammy","version":"1.123"},
           {"filename":"bosh-stemcell-1.130-aws-xen-hvm-ubuntu-jammy-go_agent.tgz","os":"ubuntu-jammy","version":"1.130"},
           {"filename":"bosh-aws-xen-hvm-ubuntu-jammy-go_agent-1.131.tgz","os":"ubuntu-jammy","version":"1.131"},
           {"filename":"stemcell.tgz","os":"ubuntu-jammy","version":"1.140"}],
         "product_templates":[],"added_products":{"deployed":[],"staged":[]}}""")));
    wm.stubFor(get("/opsman/api/v0/stemcell_associations").willReturn(okJson("""
        {"products":[],"stemcell_library":[
          {"version":"1.150","os":"ubuntu-jammy","name":"bosh-vsphere-esxi-ubuntu-jammy-go_agent","infrastructure":"vsphere","hypervisor":"esxi","light":false,"present_on_disk":true},
          {"version":"1.151","os":"ubuntu-jammy","name":"bosh-aws-xen-hvm-ubuntu-jammy-go_agent","infrastructure":"aws","hypervisor":"xen-hvm","light":false,"present_on_disk":true}]}""")));

    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.123"))).isTrue();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.150"))).as("library, vsphere").isTrue();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.124"))).isFalse();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.130"))).as("an AWS stemcell").isFalse();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.131"))).as("AWS, second pattern").isFalse();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.151"))).as("library, aws").isFalse();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-jammy", "1.140"))).as("file names no IaaS").isFalse();
    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/diagnostic_report"))
        .withHeader("Authorization", equalTo(BEARER)));
  }

  @Test
  void stemcellPresenceBefore26UsesFileNamesOfTheSameInfrastructure() {
    omVersion("2.5.3-build.185");
    wm.stubFor(get("/opsman/api/v0/diagnostic_report").willReturn(okJson("""
        {"infrastructure_type":"vsphere","stemcells":["bosh-stemcell-621.1-vsphere-esxi-ubuntu-xenial-go_agent.tgz",
         "bosh-stemcell-621.2-google-kvm-ubuntu-xenial-go_agent.tgz"],"added_products":{}}""")));

    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-xenial", "621.1"))).isTrue();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-xenial", "621.12"))).isFalse();
    assertThat(gateway.hasStemcell(T, new OmStemcell("ubuntu-xenial", "621.2"))).as("a GCP stemcell").isFalse();
  }

  /** Issue 14 item 6: deploy_products with GUIDs needs Ops Manager 2.2 (om checks it); nothing is sent before. */
  @Test
  void applyChangesForChosenProductsNeedsOpsManager22() {
    omVersion("2.1.7-build.3");
    wm.stubFor(post("/opsman/api/v0/installations").willReturn(okJson("{\"install\":{\"id\":42}}")));

    assertThatThrownBy(() -> gateway.applyChanges(T, List.of(PKS_GUID), Map.of()))
        .isInstanceOfSatisfying(FoundationRejectedException.class, e -> assertThat(e.getMessage())
            .contains("only available with Ops Manager 2.2 or later").contains("2.1.7-build.3"));
    wm.verify(0, postRequestedFor(urlEqualTo("/opsman/api/v0/installations")));

    assertThat(gateway.applyChanges(T, null, Map.of())).as("all products works on any version").isEqualTo(42);
    omVersion("2.2.0-build.1");
    assertThat(gateway.applyChanges(T, List.of(PKS_GUID), Map.of())).isEqualTo(42);
  }

  @Test
  void stemcellUploadIsMultipartAndNotFloating() throws Exception {
    Path file = dir.resolve("bosh-stemcell-1.123-vsphere-esxi-ubuntu-jammy-go_agent.tgz");
    Files.write(file, new byte[] {31, -117, 8, 0, 1, 2, 3});
    wm.stubFor(post("/opsman/api/v0/stemcells").willReturn(okJson("""
        {"stemcell":{"infrastructure":"vsphere","hypervisor":"esxi","os":"ubuntu-jammy","version":"1.123",
          "file":"bosh-stemcell-1.123-vsphere-esxi-ubuntu-jammy-go_agent.tgz","name":"bosh-vsphere-esxi-ubuntu-jammy-go_agent"},
         "existing":null}""")));

    OmStemcell uploaded = gateway.uploadStemcell(T, file);

    assertThat(uploaded).isEqualTo(new OmStemcell("ubuntu-jammy", "1.123"));
    wm.verify(postRequestedFor(urlEqualTo("/opsman/api/v0/stemcells"))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", matching("multipart/form-data;.*boundary=.+"))
        .withRequestBodyPart(aMultipart().withName("stemcell[floating]").withBody(equalTo("false")).build())
        .withRequestBodyPart(aMultipart().withName("stemcell[file]")
            .withHeader("Content-Disposition", containing("filename=\"" + file.getFileName() + "\""))
            .withBody(binaryEqualTo(new byte[] {31, -117, 8, 0, 1, 2, 3})).build()));
  }

  @Test
  void stemcellUploadSendsAnExactLengthAndNeedsNoAnswerBody() throws Exception {
    Path file = dir.resolve("bosh-stemcell-1.124-vsphere-esxi-ubuntu-jammy-go_agent.tgz");
    byte[] content = new byte[100_000];
    new java.util.Random(7).nextBytes(content);
    Files.write(file, content);
    wm.stubFor(post("/opsman/api/v0/stemcells").willReturn(aResponse().withStatus(200)));

    assertThat(gateway.uploadStemcell(T, file)).as("om ignores the answer; so do we").isNull();

    var requests = wm.findAll(postRequestedFor(urlEqualTo("/opsman/api/v0/stemcells")));
    assertThat(requests).hasSize(1);
    var request = requests.get(0);
    assertThat(request.getHeader("Transfer-Encoding")).as("not chunked").isNull();
    assertThat(Long.parseLong(request.getHeader("Content-Length"))).isEqualTo(request.getBody().length)
        .isGreaterThan(content.length);
  }

  @Test
  void stemcellUploadAnswersOtherThan200AreTypedFailures() throws Exception {
    Path file = Files.write(dir.resolve("s.tgz"), new byte[] {31, -117, 8, 0});
    wm.stubFor(post("/opsman/api/v0/stemcells").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("{\"errors\":[\"not a stemcell\"]}")));
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(
        io.pksorchestrator.platform.FoundationRejectedException.class, () -> gateway.uploadStemcell(T, file)))
        .hasMessageContaining("not a stemcell");
    wm.stubFor(post("/opsman/api/v0/stemcells").willReturn(aResponse().withStatus(201)));
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(
        io.pksorchestrator.platform.FoundationRejectedException.class, () -> gateway.uploadStemcell(T, file)))
        .hasMessageContaining("only 200");
    wm.stubFor(post("/opsman/api/v0/stemcells").willReturn(aResponse().withStatus(503)));
    org.junit.jupiter.api.Assertions.assertThrows(io.pksorchestrator.platform.RetryableFoundationException.class,
        () -> gateway.uploadStemcell(T, file));
  }

  @Test
  void applyChangesWithSelectedProductsAndErrands() {
    omVersion("3.0.25-build.2");
    wm.stubFor(post("/opsman/api/v0/installations").willReturn(okJson("{\"install\":{\"id\":42}}")));

    long id = gateway.applyChanges(T, List.of(PKS_GUID),
        Map.of(PKS_GUID, Map.of("upgrade-all-service-instances", true)));

    assertThat(id).isEqualTo(42);
    wm.verify(postRequestedFor(urlEqualTo("/opsman/api/v0/installations"))
        .withHeader("Authorization", equalTo(BEARER))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {"ignore_warnings":false,"force_latest_variables":false,"deploy_products":["%s"],
             "errands":{"%s":{"run_post_deploy":{"upgrade-all-service-instances":true}}}}"""
            .formatted(PKS_GUID, PKS_GUID))));
  }

  @Test
  void applyChangesForAllProducts() {
    wm.stubFor(post("/opsman/api/v0/installations").willReturn(okJson("{\"install\":{\"id\":1}}")));

    gateway.applyChanges(T, null, Map.of());

    wm.verify(postRequestedFor(urlEqualTo("/opsman/api/v0/installations")).withRequestBody(equalToJson("""
        {"ignore_warnings":false,"force_latest_variables":false,"deploy_products":"all"}""")));
  }

  @Test
  void installationStatusLogsAndList() {
    wm.stubFor(get("/opsman/api/v0/installations/42").willReturn(okJson("""
        {"status":"running","started_at":"2017-05-24T23:38:37.316Z","finished_at":null,"extra":[]}""")));
    wm.stubFor(get("/opsman/api/v0/installations/42/logs").willReturn(okJson(
        "{\"logs\":\"Task 12 | 10:00:00 | Preparing deployment\\nTask 12 done\"}")));
    wm.stubFor(get("/opsman/api/v0/installations").willReturn(okJson("""
        {"installations":[
         {"user_name":"admin","finished_at":null,"started_at":"2017-05-24T23:38:37.316Z","status":"running","id":3,
          "additions":[],"updates":[{"identifier":"p-bosh","change_type":"update"}]},
         {"user_name":"admin","finished_at":"2017-05-24T23:55:56.106Z","started_at":"2017-05-24T23:38:37.316Z",
          "status":"failed","id":5}]}""")));

    OmInstallation installation = gateway.installation(T, 42);
    assertThat(installation).isEqualTo(new OmInstallation(42, "running", null,
        Instant.parse("2017-05-24T23:38:37.316Z"), null));
    assertThat(gateway.installationLogs(T, 42)).contains("Preparing deployment").contains("\n");
    assertThat(gateway.installations(T)).extracting(OmInstallation::id, OmInstallation::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "running"), org.assertj.core.groups.Tuple.tuple(5L, "failed"));
    assertThat(gateway.runningInstallation(T)).map(OmInstallation::id).contains(3L);
    for (String path : List.of("/42", "/42/logs", "")) {
      wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/installations" + path))
          .withHeader("Authorization", equalTo(BEARER)));
    }
  }

  @Test
  void unknownInstallationIsNotFound() {
    wm.stubFor(get("/opsman/api/v0/installations/99").willReturn(aResponse().withStatus(404)
        .withBody("{\"errors\":[\"Installation not found\"]}")));

    assertThatThrownBy(() -> gateway.installation(T, 99)).isInstanceOf(FoundationNotFoundException.class)
        .hasMessageContaining("GET /opsman/api/v0/installations/99 answered 404");
  }
}
