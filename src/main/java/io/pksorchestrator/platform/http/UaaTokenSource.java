package io.pksorchestrator.platform.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Bearer tokens for one component of one foundation, from its UAA (client credentials or password grant). A
 * token is reused until shortly before it expires: 60 seconds, or 10 % of its lifetime when that is shorter.
 */
public class UaaTokenSource implements Authenticator {

  private static final Duration MAX_MARGIN = Duration.ofSeconds(60);
  /** Tells UAA that the Basic credentials are URL-encoded (cloudfoundry/uaa ClientBasicAuthenticationFilter). */
  static final String ENCODED_CREDENTIALS_HEADER = "X-CF-ENCODED-CREDENTIALS";

  private final Supplier<UaaApi> uaa;
  private final Supplier<ClientCredentials> credentials;
  private final Clock clock;
  private String header;
  private Instant refreshAt = Instant.MIN;

  /**
   * @param uaa the token endpoint (built lazily: for BOSH its URL may come from the Director's {@code /info})
   * @param credentials resolved on every token request, so rotated secret files take effect
   */
  public UaaTokenSource(Supplier<UaaApi> uaa, Supplier<ClientCredentials> credentials, Clock clock) {
    this.uaa = uaa;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public synchronized String authorization() {
    if (header == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return header;
  }

  @Override
  public synchronized boolean invalidate() {
    header = null;
    return true;
  }

  private void fetch() {
    ClientCredentials creds = credentials.get();
    Map<String, Object> form = new LinkedHashMap<>();
    if (creds.passwordGrant()) {
      form.put("grant_type", "password");
      form.put("username", creds.username());
      form.put("password", creds.password());
    } else {
      form.put("grant_type", "client_credentials");
    }
    Instant requestedAt = clock.instant();
    UaaApi.Token token = uaa.get().token(basicHeaders(creds), form);
    if (token == null || token.accessToken() == null) {
      throw new IllegalStateException("UAA answered without an access_token");
    }
    long lifetime = token.expiresIn() == null ? 0 : token.expiresIn();
    Duration margin = Duration.ofMillis(Math.min(MAX_MARGIN.toMillis(), lifetime * 100));
    refreshAt = requestedAt.plusSeconds(lifetime).minus(margin);
    header = "Bearer " + token.accessToken();
  }

  /**
   * HTTP Basic client authentication that UAA decodes in both of its modes: RFC 6749 §2.3.1 wants id and secret
   * form-url-encoded before Base64, and UAA's {@code ClientBasicAuthenticationFilter} URL-decodes them always
   * (default) or, with {@code enableUriEncodingCompatibilityMode}, only when {@code X-CF-ENCODED-CREDENTIALS} is
   * {@code true}; so the header is always sent. A secret containing {@code + / = %} or a space survives both.
   */
  static Map<String, Object> basicHeaders(ClientCredentials creds) {
    String basic = Base64.getEncoder().encodeToString((encode(creds.clientId()) + ":"
        + encode(creds.clientSecret() == null ? "" : creds.clientSecret())).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + basic, ENCODED_CREDENTIALS_HEADER, "true");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "UaaTokenSource[******]";
  }
}
