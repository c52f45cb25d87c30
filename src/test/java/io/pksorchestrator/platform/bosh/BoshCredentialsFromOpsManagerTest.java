package io.pksorchestrator.platform.bosh;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.WireMockSupport;
import io.pksorchestrator.platform.http.ClientCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A Director configured by URL only: its UAA comes from {@code GET /info}, its client from Ops Manager's
 * {@code bosh_commandline_credentials}. The secret never reaches a log line or a message.
 */
class BoshCredentialsFromOpsManagerTest extends WireMockSupport {

  private static final String DIRECTOR_SECRET = "director-secret-from-om";
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private Logger root;
  private Level previous;
  private BoshGateway gateway;

  @BeforeEach
  void setUp() {
    root = (Logger) LoggerFactory.getLogger("io.pksorchestrator");
    previous = root.getLevel();
    root.setLevel(Level.DEBUG); // Feign's request log is at DEBUG: prove it carries no credentials either
    logs.start();
    root.addAppender(logs);

    Foundation base = TestFoundations.foundation(base());
    Endpoint bosh = new Endpoint(URI.create(base() + "/bosh"), null, null, null, null, null, null, null);
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, base.pks(), base.opsman(), bosh,
        base.metrics());
    gateway = new FeignBoshGateway(TestFoundations.clients(f, new MutableClock()));
    stubToken("/opsman/uaa", "om-token", 43199);
    stubToken("/director-uaa", "bosh-token", 43199);
    wm.stubFor(get("/bosh/info").willReturn(okJson("""
        {"name":"p-bosh","user_authentication":{"type":"uaa","options":{"url":"%s/director-uaa"}}}"""
        .formatted(base()))));
    wm.stubFor(get("/opsman/api/v0/deployed/director/credentials/bosh_commandline_credentials").willReturn(okJson(
        "{\"credential\":\"BOSH_CLIENT=ops_manager BOSH_CLIENT_SECRET=" + DIRECTOR_SECRET
            + " BOSH_CA_CERT=/var/tempest/workspaces/default/root_ca_certificate BOSH_ENVIRONMENT=10.0.0.10 bosh\"}")));
    wm.stubFor(get("/bosh/stemcells").willReturn(okJson("[]")));
  }

  @AfterEach
  void tearDown() {
    root.detachAppender(logs);
    root.setLevel(previous);
  }

  @Test
  void credentialsComeFromOpsManagerAndUaaFromInfo() {
    assertThat(gateway.stemcells(TestFoundations.NAME)).isEmpty();

    wm.verify(getRequestedFor(urlEqualTo("/opsman/api/v0/deployed/director/credentials/bosh_commandline_credentials"))
        .withHeader("Authorization", equalTo("Bearer om-token")));
    String basic = Base64.getEncoder().encodeToString(("ops_manager:" + DIRECTOR_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    wm.verify(postRequestedFor(urlEqualTo("/director-uaa/oauth/token"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withRequestBody(equalTo("grant_type=client_credentials")));
    wm.verify(getRequestedFor(urlEqualTo("/bosh/stemcells")).withHeader("Authorization", equalTo("Bearer bosh-token")));
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
        .doesNotContain(DIRECTOR_SECRET).doesNotContain(TestFoundations.OM_SECRET)
        .doesNotContain("om-token").doesNotContain("bosh-token"));
  }

  @Test
  void anEchoedDirectorSecretIsRedacted() {
    wm.stubFor(get("/bosh/stemcells").willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":1,\"description\":\"client ops_manager with secret " + DIRECTOR_SECRET + "\"}")));

    assertThatThrownBy(() -> gateway.stemcells(TestFoundations.NAME))
        .isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(DIRECTOR_SECRET);
          assertThat(e.detail()).doesNotContain(DIRECTOR_SECRET);
        });
  }

  @Test
  void theCommandLineStringIsParsed() {
    ClientCredentials creds = ClientCredentials.fromBoshCommandline(
        "BOSH_CLIENT=ops_manager BOSH_CLIENT_SECRET=s3cr=t BOSH_ENVIRONMENT=10.0.0.10 bosh");
    assertThat(creds.clientId()).isEqualTo("ops_manager");
    assertThat(creds.clientSecret()).isEqualTo("s3cr=t");
    assertThatThrownBy(() -> ClientCredentials.fromBoshCommandline("BOSH_ENVIRONMENT=10.0.0.10 secretish bosh"))
        .hasMessageNotContaining("secretish").hasMessageContaining("bosh.client-id");
  }
}
