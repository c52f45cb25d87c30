package io.pksorchestrator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import io.pksorchestrator.simulator.web.SimulatorServer;

/** A tiny HTTP client for simulator tests: plain java.net.http + Jackson, no redirects followed. */
final class SimHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status, Location header, body text and parsed JSON (null when not JSON). */
  record Reply(int status, String location, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
      }
    }
  }

  final String base;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String controlToken;

  SimHttp(int port, String controlToken) {
    this.base = "http://localhost:" + port;
    this.controlToken = controlToken;
  }

  /** A client-credentials token from one of the lab UAAs ("pks-uaa", "opsman/uaa", "bosh-uaa"). */
  String token(String uaaPath, String secret) {
    Reply reply = tokenReply(uaaPath, "pkso-lab", secret);
    if (reply.status() != 200) {
      throw new AssertionError("token request failed: " + reply);
    }
    return reply.json().get("access_token").asText();
  }

  Reply tokenReply(String uaaPath, String clientId, String secret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(URI.create(base + "/lab/" + uaaPath + "/oauth/token"))
        .header("Authorization", "Basic " + basic).header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString("grant_type=client_credentials")));
  }

  Reply get(String path, String token) {
    return send(request(path, token).GET());
  }

  Reply send(String method, String path, String token, Object body) {
    try {
      String json = body == null ? "" : JSON.writeValueAsString(body);
      return send(request(path, token).header("Content-Type", "application/json")
          .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply sendRaw(HttpRequest.Builder builder) {
    return send(builder);
  }

  /** Follows a BOSH 302 to its task and waits (polling) until the task is finished; returns the task JSON. */
  JsonNode followTask(Reply redirect, String token, Runnable tick) {
    if (redirect.status() != 302) {
      throw new AssertionError("expected 302 to a task, got " + redirect);
    }
    for (int i = 0; i < 200; i++) {
      JsonNode task = send(HttpRequest.newBuilder(URI.create(redirect.location())).header("Authorization", "Bearer " + token).GET()).json();
      String state = task.get("state").asText();
      if (!state.equals("queued") && !state.equals("processing") && !state.equals("cancelling")) {
        return task;
      }
      tick.run();
    }
    throw new AssertionError("task did not finish: " + redirect.location());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (path.startsWith("/_sim")) {
      b.header(SimulatorServer.CONTROL_TOKEN_HEADER, controlToken);
    }
    return b;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = client.send(builder.build(), BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
