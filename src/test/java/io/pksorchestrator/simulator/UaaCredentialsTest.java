package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.opsman.FeignOpsManagerGateway;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 7: the simulated UAAs decode HTTP Basic client credentials as UAA's
 * {@code ClientBasicAuthenticationFilter} does (URL-decoded always by default; in compatibility mode only with
 * {@code X-CF-ENCODED-CREDENTIALS: true}), and Ops Manager's UAA serves the password grant of the built-in
 * {@code opsman} client. The platform clients get tokens for a secret containing {@code + / = %} and a space in
 * both modes.
 */
class UaaCredentialsTest {

  private static final String SECRET = "s3cr+t/=%20 x";

  private final TestSimulator sim = TestSimulator.fresh();
  private final SimulatorProperties properties = sim.foundation.properties();
  private String originalSecret;

  @BeforeEach
  void specialSecret() {
    originalSecret = properties.getPksClientSecret();
    properties.setPksClientSecret(SECRET);
    sim.foundation.reset();
  }

  @AfterEach
  void restore() {
    properties.setPksClientSecret(originalSecret);
    properties.setUaaUriEncodingCompatibilityMode(false);
    sim.foundation.reset();
  }

  @Test
  void defaultModeUrlDecodesBasicCredentialsLikeUaa() {
    assertThat(basic(enc("pkso-lab") + ":" + enc(SECRET), null).status()).isEqualTo(200);
    // raw credentials are URL-decoded too: '+' becomes a space and "%20" a space, so the raw secret is wrong
    assertThat(basic("pkso-lab:" + SECRET, null).status()).isEqualTo(401);
    Reply barePercent = basic("pkso-lab:100%", null);
    assertThat(barePercent.status()).isEqualTo(401);
    assertThat(barePercent.json().get("error_description").asText()).isEqualTo("Failed to URL Decode credentials");
    assertThat(basicRaw("bm8tY29sb24=", null).status()).as("no colon").isEqualTo(401);
  }

  @Test
  void compatibilityModeDecodesOnlyWhenTheHeaderSaysSo() {
    properties.setUaaUriEncodingCompatibilityMode(true);
    assertThat(basic("pkso-lab:" + SECRET, null).status()).isEqualTo(200);
    assertThat(basic(enc("pkso-lab") + ":" + enc(SECRET), null).status()).isEqualTo(401);
    assertThat(basic(enc("pkso-lab") + ":" + enc(SECRET), "TRUE").status()).isEqualTo(200);
  }

  @Test
  void platformClientGetsATokenForASecretWithReservedCharactersInBothModes() {
    FeignPksGateway pks = new FeignPksGateway(TestFoundations.clients(foundation(SECRET), new MutableClock()));
    assertThat(pks.plans(TestFoundations.NAME)).extracting(p -> p.name()).contains("small", "medium", "large");

    properties.setUaaUriEncodingCompatibilityMode(true);
    FeignPksGateway fresh = new FeignPksGateway(TestFoundations.clients(foundation(SECRET), new MutableClock()));
    assertThat(fresh.plans(TestFoundations.NAME)).isNotEmpty();
  }

  @Test
  void opsManagerPasswordGrantWithTheOpsmanClient() {
    Foundation base = foundation(SECRET);
    Endpoint opsman = new Endpoint(base.opsman().url(), base.opsman().uaaUrl(), "opsman", "", null,
        properties.getOpsmanUsername(), properties.getOpsmanPassword(), null);
    Foundation f = TestFoundations.of("Lab", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, base.pks(), opsman, base.bosh(), null);
    FeignOpsManagerGateway om = new FeignOpsManagerGateway(TestFoundations.clients(f, new MutableClock()));

    assertThat(om.deployedProducts(TestFoundations.NAME)).isNotEmpty();

    Reply wrongPassword = sim.http.sendRaw(tokenRequest("opsman/uaa", Base64.getEncoder().encodeToString(
        "opsman:".getBytes(StandardCharsets.UTF_8)), null, "grant_type=password&username=admin&password=wrong"));
    assertThat(wrongPassword.status()).isEqualTo(401);
    Reply clientCredentials = sim.http.sendRaw(tokenRequest("opsman/uaa", Base64.getEncoder().encodeToString(
        "opsman:".getBytes(StandardCharsets.UTF_8)), null, "grant_type=client_credentials"));
    assertThat(clientCredentials.status()).as("opsman may only use the password grant").isEqualTo(401);
    assertThat(clientCredentials.json().get("error_description").asText()).contains("Unauthorized grant type");
  }

  private Foundation foundation(String pksSecret) {
    String lab = sim.http.base + "/lab";
    Foundation base = TestFoundations.foundation(lab);
    return TestFoundations.of("Lab", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO,
        TestFoundations.endpoint(lab + "/pks", lab + "/pks-uaa", "pkso-lab", pksSecret),
        TestFoundations.endpoint(lab + "/opsman", lab + "/opsman/uaa", "pkso-lab", properties.getOpsmanClientSecret()),
        TestFoundations.endpoint(lab + "/bosh", lab + "/bosh-uaa", "pkso-lab", properties.getBoshClientSecret()), null);
  }

  private Reply basic(String credentials, String encodedHeader) {
    return basicRaw(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)), encodedHeader);
  }

  private Reply basicRaw(String base64, String encodedHeader) {
    return sim.http.sendRaw(tokenRequest("pks-uaa", base64, encodedHeader, "grant_type=client_credentials"));
  }

  private HttpRequest.Builder tokenRequest(String uaa, String base64, String encodedHeader, String form) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.http.base + "/lab/" + uaa + "/oauth/token"))
        .header("Authorization", "Basic " + base64).header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form));
    if (encodedHeader != null) {
      b.header("X-CF-ENCODED-CREDENTIALS", encodedHeader);
    }
    return b;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
