package io.pksorchestrator.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** TEST ONLY: the soak test's HTTP side: the orchestrator's APIs as its users, the simulator's controls. */
final class SoakHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: status and body. */
  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String simulator;
  private final String simToken;
  private final Map<String, String> passwords;
  private volatile String app;

  SoakHttp(String simulator, String simToken, Map<String, String> passwords) {
    this.simulator = simulator;
    this.simToken = simToken;
    this.passwords = passwords;
  }

  void app(String baseUrl) {
    this.app = baseUrl;
  }

  // ---------------------------------------------------------------- simulator

  JsonNode sim(String method, String path, Object body) {
    Reply r = send(request(simulator + path, method, body).header("X-Sim-Token", simToken));
    if (r.status() >= 300) {
      throw new IllegalStateException("simulator " + method + " " + path + " answered " + r);
    }
    return r.json();
  }

  /** The simulator's present (simulated time). */
  Instant simNow() {
    return Instant.parse(sim("GET", "/_sim/clock", null).get("now").asText());
  }

  // ---------------------------------------------------------------- orchestrator

  Reply app(String method, String path, String user, Object body) {
    HttpRequest.Builder b = request(app + path, method, body);
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + passwords.get(user))
          .getBytes(StandardCharsets.UTF_8)));
    }
    return send(b);
  }

  JsonNode appJson(String method, String path, String user, Object body) {
    Reply r = app(method, path, user, body);
    if (r.status() >= 300) {
      throw new IllegalStateException(user + " " + method + " " + path + " answered " + r);
    }
    return r.status() == 204 || r.body().isBlank() ? JSON.nullNode() : r.json();
  }

  boolean appReady() {
    try {
      Reply r = app("GET", "/actuator/health/readiness", null, null);
      return r.status() == 200 && r.body().contains("\"UP\"");
    } catch (IllegalStateException notListening) {
      return false;
    }
  }

  private static HttpRequest.Builder request(String url, String method, Object body) {
    try {
      HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("Accept", "application/json").method(method, publisher);
      if (body != null || !method.equals("GET")) {
        b.header("Content-Type", "application/json");
      }
      return b;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Reply send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
