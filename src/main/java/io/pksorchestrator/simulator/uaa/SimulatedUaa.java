package io.pksorchestrator.simulator.uaa;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.core.SimException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One UAA (the PKS UAA, Ops Manager's UAA or the Director's UAA): client-credentials grants for configured
 * clients, opaque bearer tokens that expire, and validation of those tokens by the API it protects. Tokens
 * of one UAA are foreign to the others, as on a real foundation.
 *
 * <p>Token lifetime is measured in WALL-clock time, not simulated time: clients cache tokens by
 * {@code expires_in} seconds of their own clock, and a simulated 12-hour token expiring after 12 wall
 * minutes would only exercise an artefact of the simulation. Early expiry is injected explicitly instead
 * ({@link #revokeAll(String)}).
 */
public final class SimulatedUaa {

  /** A registered client: id, secret and the authorities its tokens carry. */
  public record Client(String id, String secret, List<String> authorities) {}

  private record Token(String clientId, Instant expiresAt) {}

  private final String name;
  private final Clock wallClock;
  private final Duration validity;
  private final Map<String, Client> clients = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

  public SimulatedUaa(String name, Clock wallClock, Duration validity, List<Client> clients) {
    this.name = name;
    this.wallClock = wallClock;
    this.validity = validity;
    clients.forEach(c -> this.clients.put(c.id(), c));
  }

  /** Which UAA this is (pks-uaa, opsman-uaa, bosh-uaa). */
  public String name() {
    return name;
  }

  /**
   * {@code POST /oauth/token}. Only {@code client_credentials} is simulated; the lab has no users.
   *
   * @throws SimException 401 {@code invalid_client} for unknown clients or wrong secrets, 400
   *     {@code unsupported_grant_type} for other grants
   */
  public synchronized Map<String, Object> issue(String grantType, String clientId, String clientSecret) {
    Client client = clientId == null ? null : clients.get(clientId);
    if (client == null || !client.secret().equals(clientSecret)) {
      // UAA's BadClientCredentialsException: 401, OAuth error invalid_client.
      throw new SimException(401,
          obj("error", "invalid_client", "error_description", "Bad client credentials"), "Bad client credentials");
    }
    if (!"client_credentials".equals(grantType)) {
      throw new SimException(400, obj("error", "unsupported_grant_type",
          "error_description", "Unsupported grant type: " + grantType + " (the simulated UAA grants client_credentials only)"),
          "unsupported grant");
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    tokens.put(token, new Token(clientId, wallClock.instant().plus(validity)));
    return obj(
        "access_token", token,
        "token_type", "bearer",
        "expires_in", validity.toSeconds(),
        "scope", String.join(" ", client.authorities()),
        "jti", UUID.randomUUID().toString());
  }

  /** Whether {@code bearer} is a live token of this UAA. */
  public synchronized boolean isValid(String bearer) {
    Token token = bearer == null ? null : tokens.get(bearer);
    if (token == null) {
      return false;
    }
    if (!wallClock.instant().isBefore(token.expiresAt())) {
      tokens.remove(bearer);
      return false;
    }
    return true;
  }

  /** Makes every token of {@code clientId} expire now (fault injection: "a token expires early"). */
  public synchronized int revokeAll(String clientId) {
    int before = tokens.size();
    tokens.values().removeIf(t -> t.clientId().equals(clientId));
    return before - tokens.size();
  }

  /** Forgets all tokens (simulator reset). */
  public synchronized void clear() {
    tokens.clear();
  }
}
