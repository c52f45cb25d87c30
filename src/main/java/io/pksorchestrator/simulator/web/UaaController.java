package io.pksorchestrator.simulator.web;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.SimulatedFoundation.Component;
import io.pksorchestrator.simulator.core.SimException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The three UAAs' {@code POST /oauth/token}: client credentials by HTTP Basic (decoded as UAA decodes them) or as
 * form fields (§2.1); client-credentials and password grants.
 */
@SimulatorEndpoint
public class UaaController extends ControllerSupport {

  public UaaController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @PostMapping("/{foundation}/pks-uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> pks(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestHeader(value = "X-CF-ENCODED-CREDENTIALS", required = false) String encoded,
      @RequestParam Map<String, String> form) {
    return token(Component.PKS, auth, encoded, form);
  }

  @PostMapping("/{foundation}/opsman/uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> opsman(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestHeader(value = "X-CF-ENCODED-CREDENTIALS", required = false) String encoded,
      @RequestParam Map<String, String> form) {
    return token(Component.OPSMAN, auth, encoded, form);
  }

  @PostMapping("/{foundation}/bosh-uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> bosh(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestHeader(value = "X-CF-ENCODED-CREDENTIALS", required = false) String encoded,
      @RequestParam Map<String, String> form) {
    return token(Component.BOSH, auth, encoded, form);
  }

  private ResponseEntity<Map<String, Object>> token(Component component, String auth, String encodedHeader,
      Map<String, String> form) {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      String[] credentials = basicCredentials(auth.substring(6).trim(), encodedHeader);
      clientId = credentials[0];
      secret = credentials[1];
    }
    Map<String, Object> token = foundation.uaa(component).issue(form, clientId, secret);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(token);
  }

  /**
   * Decodes HTTP Basic client credentials as UAA's {@code ClientBasicAuthenticationFilter} does: Base64 as UTF-8,
   * split at the first colon (bad Base64 or no colon: 401), then URL-decode id and secret, always (UAA's default)
   * or, in {@code uaa-uri-encoding-compatibility-mode}, only when {@code X-CF-ENCODED-CREDENTIALS} is
   * {@code true}; an undecodable value (a bare {@code %}) is a 401 as well.
   */
  private String[] basicCredentials(String base64, String encodedHeader) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw unauthorized("Failed to decode basic authentication token");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw unauthorized("Invalid basic authentication token");
    }
    String id = decoded.substring(0, colon);
    String secret = decoded.substring(colon + 1);
    boolean decode = !foundation.properties().isUaaUriEncodingCompatibilityMode()
        || "true".equalsIgnoreCase(encodedHeader);
    if (!decode) {
      return new String[] {id, secret};
    }
    try {
      return new String[] {URLDecoder.decode(id, StandardCharsets.UTF_8), URLDecoder.decode(secret, StandardCharsets.UTF_8)};
    } catch (IllegalArgumentException e) {
      throw unauthorized("Failed to URL Decode credentials");
    }
  }

  private static SimException unauthorized(String description) {
    return new SimException(401, obj("error", "invalid_client", "error_description", description), description);
  }
}
