package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.simulator.SimHttp.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection and clock control through the test-only endpoints under /_sim. */
class FaultsHttpTest extends SimulatorHttpTestBase {

  private String token;

  @BeforeEach
  void setUp() {
    token = pksToken();
  }

  @Test
  void statusFaultsHitTheNextNMatchingCallsOnly() {
    Reply armed = http.send("POST", "/_sim/faults", null,
        Map.of("type", "http", "method", "GET", "path", "/lab/pks/v1/clusters/*", "status", 503, "count", 2));
    assertThat(armed.status()).isEqualTo(200);
    assertThat(http.get("/lab/pks/v1/clusters", token).status()).as("other path").isEqualTo(200);
    assertThat(http.get("/lab/pks/v1/clusters/web-staging", token).status()).isEqualTo(503);
    assertThat(http.get("/lab/pks/v1/clusters/batch-dev", token).status()).isEqualTo(503);
    assertThat(http.get("/lab/pks/v1/clusters/web-staging", token).status()).isEqualTo(200);

    http.send("POST", "/_sim/faults", null, Map.of("type", "http", "path", "/lab/opsman/**", "status", 429));
    Reply throttled = http.tokenReply("opsman/uaa", "pkso-lab", "lab-opsman-client-secret");
    assertThat(throttled.status()).as("the glob covers the OM UAA too").isEqualTo(429);
    assertThat(throttled.json().get("description").asText()).contains("Injected fault");
    assertThat(http.tokenReply("opsman/uaa", "pkso-lab", "lab-opsman-client-secret").status()).isEqualTo(200);
  }

  @Test
  void latencyBeyondTheClientTimeout() throws Exception {
    http.send("POST", "/_sim/faults", null,
        Map.of("type", "http", "path", "/lab/pks/v1/plans", "latency", "PT2S", "count", 1));
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(http.base + "/lab/pks/v1/plans"))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(500)).build();
    try {
      client.send(request, HttpResponse.BodyHandlers.ofString());
      throw new AssertionError("expected a timeout");
    } catch (HttpTimeoutException expected) {
      // the client gave up, as a real client would
    }
    assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensExpireEarlyAndResetRestoresTheLab() {
    JsonNode revoked = http.send("POST", "/_sim/faults", null, Map.of("type", "expire-tokens", "component", "pks")).json();
    assertThat(revoked.get("revoked").asInt()).isEqualTo(1);
    assertThat(http.get("/lab/pks/v1/clusters", token).status()).isEqualTo(401);

    String fresh = pksToken();
    http.send("DELETE", "/lab/pks/v1/clusters/batch-dev", fresh, null);
    http.send("POST", "/_sim/faults", null, Map.of("type", "bosh-task-error", "count", 3));
    assertThat(http.get("/_sim/faults", null).json().get("boshTaskErrors").asInt()).isEqualTo(3);
    assertThat(http.send("POST", "/_sim/reset", null, null).status()).isEqualTo(200);
    fresh = pksToken();
    assertThat(http.get("/lab/pks/v1/clusters/batch-dev", fresh).json().get("last_action").asText()).isEqualTo("CREATE");
    assertThat(http.get("/_sim/faults", null).json().get("boshTaskErrors").asInt()).isZero();
    assertThat(http.send("POST", "/_sim/faults", null, Map.of("type", "meteor")).status()).isEqualTo(400);
  }

  @Test
  void clockEndpoints() {
    JsonNode paused = http.get("/_sim/clock", null).json();
    assertThat(paused.get("paused").asBoolean()).isTrue();
    java.time.Instant before = java.time.Instant.parse(paused.get("now").asText());
    JsonNode advanced = http.send("POST", "/_sim/clock/advance?by=PT1H", null, null).json();
    assertThat(java.time.Instant.parse(advanced.get("now").asText())).isEqualTo(before.plus(Duration.ofHours(1)));
    assertThat(http.send("POST", "/_sim/clock/speed?value=120", null, null).json().get("speed").asDouble()).isEqualTo(120);
    assertThat(http.send("POST", "/_sim/clock/speed?value=0", null, null).status()).isEqualTo(400);
    sim.foundation.clock().setSpeed(60);
  }
}
