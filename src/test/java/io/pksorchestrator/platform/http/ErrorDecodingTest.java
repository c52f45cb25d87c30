package io.pksorchestrator.platform.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.WireMockSupport;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import io.pksorchestrator.platform.pks.PksGateway;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure becomes one of the three exception types, with a message that names what was attempted. */
class ErrorDecodingTest extends WireMockSupport {

  private static final String T = TestFoundations.NAME;
  private PksGateway gateway;

  @BeforeEach
  void setUp() {
    stubToken("/pks-uaa", "pks-token", 43199);
    gateway = gateway(TestFoundations.foundation(base()));
  }

  private static PksGateway gateway(Foundation f) {
    return new FeignPksGateway(TestFoundations.clients(f, new MutableClock()));
  }

  @Test
  void serviceUnavailableIsRetryable() {
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(503).withBody("upstream down")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(RetryableFoundationException.class, e -> {
      assertThat(e.status()).isEqualTo(503);
      assertThat(e.foundation()).isEqualTo(T);
      assertThat(e.getMessage()).contains("Foundation 'test' pks: GET /pks/v1/plans answered 503: upstream down");
    });
    wm.verify(1, getRequestedFor(urlEqualTo("/pks/v1/plans"))); // no client-side retry
  }

  @Test
  void tooManyRequestsIsRetryable() {
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(429)));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(RetryableFoundationException.class,
        e -> assertThat(e.status()).isEqualTo(429));
    wm.verify(1, getRequestedFor(urlEqualTo("/pks/v1/plans")));
  }

  @Test
  void readTimeoutIsRetryableWithStatusZero() {
    gateway = gateway(TestFoundations.foundation(base(), Duration.ofSeconds(1), false, null));
    wm.stubFor(get("/pks/v1/plans").willReturn(okJson("[]")));
    gateway.plans(T); // warm up: the token is cached, so the next call is the one that times out
    wm.stubFor(get("/pks/v1/plans").willReturn(okJson("[]").withFixedDelay(4000)));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(RetryableFoundationException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.getMessage()).contains("GET /pks/v1/plans failed without a response");
    });
    wm.verify(2, getRequestedFor(urlEqualTo("/pks/v1/plans")));
  }

  @Test
  void connectionRefusedIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Foundation base = TestFoundations.foundation(base());
    Endpoint pks = TestFoundations.endpoint("http://localhost:" + closedPort + "/pks", base() + "/pks-uaa", "pkso",
        TestFoundations.PKS_SECRET);
    Foundation f = TestFoundations.of("Test", 1, null, null, false, base.connectTimeout(), base.readTimeout(),
        base.uploadTimeout(), base.instanceDetailsTimeout(), Duration.ZERO, pks, base.opsman(), base.bosh(),
        base.metrics());

    assertThatThrownBy(() -> gateway(f).plans(T)).isInstanceOfSatisfying(RetryableFoundationException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.getMessage()).contains("Foundation 'test' pks: GET /pks/v1/plans failed without a response");
    });
  }

  @Test
  void notFoundIsNotFound() {
    wm.stubFor(get("/pks/v1/tasks/nope").willReturn(aResponse().withStatus(404)
        .withBody("{\"body\":\"task nope not found\"}")));

    assertThatThrownBy(() -> gateway.task(T, "nope")).isInstanceOfSatisfying(FoundationNotFoundException.class,
        e -> assertThat(e.getMessage()).contains("GET /pks/v1/tasks/nope answered 404"));
  }

  @Test
  void unprocessableIsRejectedWithTheOpsManagerMessage() {
    wm.stubFor(patch(urlEqualTo("/pks/v1/clusters/k")).willReturn(aResponse().withStatus(422)
        .withBody("{\"errors\":[\"Worker count exceeds plan maximum\"],\"deployment_errors\":{}}")));

    assertThatThrownBy(() -> gateway.resizeCluster(T, "k", 500))
        .isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.detail()).isEqualTo("Worker count exceeds plan maximum");
          assertThat(e.getMessage()).contains("PATCH /pks/v1/clusters/k answered 422");
        });
  }

  @Test
  void detailIsExtractedFromEachApisErrorShape() {
    assertThat(ErrorBodies.detail("{\"errors\":{\"errors\":[\"a\",\"b\"]}}")).isEqualTo("a; b");
    assertThat(ErrorBodies.detail("{\"code\":70000,\"description\":\"Deployment 'x' doesn't exist\"}"))
        .isEqualTo("Deployment 'x' doesn't exist");
    assertThat(ErrorBodies.detail("{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}"))
        .isEqualTo("Bad client credentials");
    assertThat(ErrorBodies.detail("{\"body\":\"Plan not found\"}")).isEqualTo("Plan not found");
    assertThat(ErrorBodies.detail("{\"description\":\"cluster busy\"}")).isEqualTo("cluster busy");
    assertThat(ErrorBodies.detail("Endpoint '/x' not found")).isEqualTo("Endpoint '/x' not found");
    assertThat(ErrorBodies.detail("x".repeat(1000))).hasSize(ErrorBodies.MAX_BODY + 3);
  }

  @Test
  void badRequestFromBoshShapeAndLongBodiesAreTruncated() {
    String longDescription = "d".repeat(2000);
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":40000,\"description\":\"" + longDescription + "\"}")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
      assertThat(e.detail()).startsWith("ddd").hasSize(ErrorBodies.MAX_BODY + 3);
      assertThat(e.getMessage().length()).isLessThan(800);
    });
  }

  @Test
  void echoedSecretsAreRedacted() {
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(400)
        .withBody("{\"description\":\"bad secret " + TestFoundations.PKS_SECRET + "\"}")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(FoundationRejectedException.class, e -> {
      assertThat(e.getMessage()).doesNotContain(TestFoundations.PKS_SECRET).contains("******");
      assertThat(e.detail()).doesNotContain(TestFoundations.PKS_SECRET);
    });
  }

  @Test
  void unreadableBodyIsRetryable() {
    wm.stubFor(get("/pks/v1/plans").willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

    assertThatThrownBy(() -> gateway.plans(T)).isInstanceOfSatisfying(RetryableFoundationException.class,
        e -> assertThat(e.getMessage()).contains("could not be read").doesNotContain("proxy login"));
  }

  @Test
  void unknownFoundationIsNamed() {
    assertThatThrownBy(() -> gateway.plans("nope"))
        .isInstanceOf(io.pksorchestrator.platform.UnknownFoundationException.class)
        .hasMessageContaining("'nope'").hasMessageContaining("[test]");
  }

}
