package io.pksorchestrator.platform.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.WireMockSupport;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import io.pksorchestrator.platform.pks.PksGateway;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UAA tokens: request shape, cache, expiry and refresh, and exactly one refresh-and-retry on a 401. */
class UaaTokenTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private final MutableClock clock = new MutableClock();
  private PksGateway gateway;

  @BeforeEach
  void setUp() {
    gateway = new FeignPksGateway(TestFoundations.clients(TestFoundations.foundation(base()), clock));
    wm.stubFor(get("/pks/v1/plans").willReturn(okJson("[]")));
  }

  @Test
  void clientCredentialsGrantWithBasicClientAuthentication() {
    stubToken("/pks-uaa", "t1", 43199);

    gateway.plans(T);

    String basic = Base64.getEncoder().encodeToString(("pkso:" + TestFoundations.PKS_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withHeader("X-CF-ENCODED-CREDENTIALS", equalTo("true"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withHeader("Accept", containing("application/json"))
        .withRequestBody(equalTo("grant_type=client_credentials")));
    wm.verify(getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo("Bearer t1")));
  }

  /** Issue 14 item 7: UAA URL-decodes Basic credentials; they are sent URL-encoded and flagged as such. */
  @Test
  void secretWithReservedCharactersIsUrlEncodedAndFlagged() {
    String secret = "a+b/c=d%e f";
    Foundation base = TestFoundations.foundation(base());
    Endpoint pks = new Endpoint(URI.create(base() + "/pks"), URI.create(base() + "/pks-uaa"), "pkso client", secret,
        null, null, null, null);
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, pks, base.opsman(), base.bosh(),
        base.metrics());
    gateway = new FeignPksGateway(TestFoundations.clients(f, clock));
    stubToken("/pks-uaa", "t1", 43199);

    gateway.plans(T);

    String basic = Base64.getEncoder().encodeToString("pkso+client:a%2Bb%2Fc%3Dd%25e+f".getBytes(StandardCharsets.UTF_8));
    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token"))
        .withHeader("Authorization", equalTo("Basic " + basic))
        .withHeader("X-CF-ENCODED-CREDENTIALS", equalTo("true")));
  }

  @Test
  void passwordGrantForAUser() {
    Foundation base = TestFoundations.foundation(base());
    Endpoint pks = new Endpoint(URI.create(base() + "/pks"), URI.create(base() + "/pks-uaa"), "pks_cli", "", null,
        "admin", "admin-password-1", null);
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, pks, base.opsman(), base.bosh(),
        base.metrics());
    gateway = new FeignPksGateway(TestFoundations.clients(f, clock));
    stubToken("/pks-uaa", "t1", 43199);

    gateway.plans(T);

    wm.verify(postRequestedFor(urlEqualTo("/pks-uaa/oauth/token"))
        .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString("pks_cli:".getBytes())))
        .withRequestBody(containing("grant_type=password"))
        .withRequestBody(containing("username=admin"))
        .withRequestBody(containing("password=admin-password-1")));
  }

  @Test
  void tokenIsCachedAcrossCalls() {
    stubToken("/pks-uaa", "t1", 43199);

    gateway.plans(T);
    gateway.plans(T);

    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
    wm.verify(2, getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo("Bearer t1")));
  }

  @Test
  void tokenIsRefreshedShortlyBeforeItExpires() {
    stubToken("/pks-uaa", "t1", 600); // margin = 60 s: refreshed from 540 s on
    gateway.plans(T);

    clock.advance(Duration.ofSeconds(539));
    gateway.plans(T);
    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));

    stubToken("/pks-uaa", "t2", 600);
    clock.advance(Duration.ofSeconds(2));
    gateway.plans(T);

    wm.verify(2, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
    wm.verify(1, getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void shortLivedTokensUseATenPercentMargin() {
    stubToken("/pks-uaa", "t1", 10); // margin 1 s
    gateway.plans(T);
    clock.advance(Duration.ofMillis(8900));
    gateway.plans(T);
    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
    clock.advance(Duration.ofMillis(200));
    gateway.plans(T);
    wm.verify(2, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
  }

  @Test
  void unauthorizedRefreshesTheTokenOnceAndRetriesOnce() {
    stubToken("/pks-uaa", "t1", 43199);
    gateway.plans(T);
    // the foundation revokes t1 (e.g. token expired early): the next call gets 401, then succeeds with t2
    wm.stubFor(get("/pks/v1/plans").withHeader("Authorization", equalTo("Bearer t1"))
        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
    stubToken("/pks-uaa", "t2", 43199);

    assertThat(gateway.plans(T)).isEmpty();

    wm.verify(2, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
    wm.verify(2, getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo("Bearer t1")));
    wm.verify(1, getRequestedFor(urlEqualTo("/pks/v1/plans")).withHeader("Authorization", equalTo("Bearer t2")));
  }

  @Test
  void secondUnauthorizedIsARejectionNotALoop() {
    stubToken("/pks-uaa", "t1", 43199);
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid_token\",\"error_description\":\"Invalid access token\"}")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.detail()).isEqualTo("Invalid access token");
      assertThat(e.getMessage()).contains("pkso.foundations.test.pks").contains("client-secret")
          .doesNotContain("t1").doesNotContain(TestFoundations.PKS_SECRET);
    });
    wm.verify(2, getRequestedFor(urlEqualTo("/pks/v1/plans")));
    wm.verify(2, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
  }

  @Test
  void badClientCredentialsAreRejectedByUaaWithoutRetry() {
    wm.stubFor(post("/pks-uaa/oauth/token").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
      assertThat(e.detail()).isEqualTo("Bad client credentials");
      assertThat(e.getMessage()).contains("Foundation 'test' pks-uaa: POST /pks-uaa/oauth/token answered 401")
          .doesNotContain(TestFoundations.PKS_SECRET);
    });
    wm.verify(1, postRequestedFor(urlEqualTo("/pks-uaa/oauth/token")));
    wm.verify(0, getRequestedFor(urlEqualTo("/pks/v1/plans")));
  }

  @Test
  void tokenResponseToStringHidesTheToken() {
    assertThat(new UaaApi.Token("secret-token-value", "bearer", 1L).toString()).doesNotContain("secret-token-value");
    assertThat(new ClientCredentials("c", "client-secret-value", "u", "user-password").toString())
        .doesNotContain("client-secret-value").doesNotContain("user-password");
  }

}
