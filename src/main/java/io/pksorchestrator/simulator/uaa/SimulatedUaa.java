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
import java.util.Set;
import java.util.UUID;

/**
 * One UAA (the PKS UAA, Ops Manager's UAA or the Director's UAA): client-credentials and password grants for
 * configured clients and users, opaque bearer tokens that expire, and validation of those tokens by the API it protects. Tokens
 * of one UAA are foreign to the others, as on a real foundation.
 *
 * <p>Token lifetime is measured in WALL-clock time, not simulated time: clients cache tokens by
 * {@code expires_in} seconds of their own clock, and a simulated 12-hour token expiring after 12 wall
 * minutes would only exercise an artefact of the simulation. Early expiry is injected explicitly instead
 * ({@link #revokeAll(String)}).
 */
public final class SimulatedUaa {

  /**
   * A registered client: id, secret, the authorities its tokens carry and the grant types it may use.
   *
   * @param grantTypes UAA's {@code authorized_grant_types}
   */
  public record Client(String id, String secret, List<String> authorities, Set<String> grantTypes) {

    /** A client for the client-credentials grant only. */
    public Client(String id, String secret, List<String> authorities) {
      this(id, secret, authorities, Set.of("client_credentials"));
    }
  }

  /** A UAA user for the password grant (e.g. Ops Manager's admin, used with the {@code opsman} client). */
  public record User(String name, String password) {

    @Override
    public String toString() {
      return "User[" + name + ", ******]";
    }
  }

  private record Token(String clientId, Instant expiresAt) {}

  private final String name;
  private final Clock wallClock;
  private final Duration validity;
  private final Map<String, Client> clients = new HashMap<>();
  private final Map<String, User> users = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

  public SimulatedUaa(String name, Clock wallClock, Duration validity, List<Client> clients) {
    this(name, wallClock, validity, clients, List.of());
  }

  public SimulatedUaa(String name, Clock wallClock, Duration validity, List<Client> clients, List<User> users) {
    this.name = name;
    this.wallClock = wallClock;
    this.validity = validity;
    clients.forEach(c -> this.clients.put(c.id(), c));
    users.forEach(u -> this.users.put(u.name(), u));
  }

  /** Which UAA this is (pks-uaa, opsman-uaa, bosh-uaa). */
  public String name() {
    return name;
  }

  /** {@code POST /oauth/token} with the client-credentials grant. */
  public Map<String, Object> issue(String grantType, String clientId, String clientSecret) {
    return issue(Map.of("grant_type", String.valueOf(grantType)), clientId, clientSecret);
  }

  /**
   * {@code POST /oauth/token}: the client-credentials grant and the password grant ({@code username},
   * {@code password} form fields), each only for clients authorised for it, as in UAA.
   *
   * @param form the form fields ({@code grant_type}, and for the password grant {@code username}, {@code password})
   * @param clientId the client id, already decoded from the Basic header or taken from the form
   * @throws SimException 401 {@code invalid_client} for unknown clients, wrong secrets or a grant the client is
   *     not authorised for; 401 {@code unauthorized} for a wrong user or password; 400
   *     {@code unsupported_grant_type} for grants the simulation does not know
   */
  public synchronized Map<String, Object> issue(Map<String, String> form, String clientId, String clientSecret) {
    Client client = clientId == null ? null : clients.get(clientId);
    if (client == null || !client.secret().equals(clientSecret == null ? "" : clientSecret)) {
      // UAA's BadClientCredentialsException: 401, OAuth error invalid_client.
      throw new SimException(401,
          obj("error", "invalid_client", "error_description", "Bad client credentials"), "Bad client credentials");
    }
    String grantType = form.get("grant_type");
    if (!"client_credentials".equals(grantType) && !"password".equals(grantType)) {
      throw new SimException(400, obj("error", "unsupported_grant_type",
          "error_description", "Unsupported grant type: " + grantType
              + " (the simulated UAA grants client_credentials and password)"), "unsupported grant");
    }
    if (!client.grantTypes().contains(grantType)) {
      throw new SimException(401, obj("error", "invalid_client",
          "error_description", "Unauthorized grant type: " + grantType), "unauthorized grant type");
    }
    boolean password = "password".equals(grantType);
    if (password) {
      User user = users.get(form.get("username"));
      if (user == null || !user.password().equals(form.get("password"))) {
        // The body UAA answers for a wrong user password is [unconfirmed] (pks-apis.md §10.8).
        throw new SimException(401, obj("error", "unauthorized", "error_description", "Bad credentials"),
            "Bad credentials");
      }
    }
    Map<String, Object> answer = obj(
        "access_token", newToken(clientId),
        "token_type", "bearer",
        "expires_in", validity.toSeconds(),
        "scope", String.join(" ", client.authorities()),
        "jti", UUID.randomUUID().toString());
    if (password) {
      answer.put("refresh_token", randomHex()); // not honoured: the refresh grant is not simulated
    }
    return answer;
  }

  private String newToken(String clientId) {
    String token = randomHex();
    tokens.put(token, new Token(clientId, wallClock.instant().plus(validity)));
    return token;
  }

  private String randomHex() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
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
