package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.SimulatedFoundation.Component;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The three UAAs' {@code POST /oauth/token}: client credentials by HTTP Basic or as form fields (§2.1). */
@SimulatorEndpoint
public class UaaController extends ControllerSupport {

  public UaaController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @PostMapping("/{foundation}/pks-uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> pks(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestParam Map<String, String> form) {
    return token(Component.PKS, auth, form);
  }

  @PostMapping("/{foundation}/opsman/uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> opsman(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestParam Map<String, String> form) {
    return token(Component.OPSMAN, auth, form);
  }

  @PostMapping("/{foundation}/bosh-uaa/oauth/token")
  public ResponseEntity<Map<String, Object>> bosh(@RequestHeader(value = "Authorization", required = false) String auth,
      @RequestParam Map<String, String> form) {
    return token(Component.BOSH, auth, form);
  }

  private ResponseEntity<Map<String, Object>> token(Component component, String auth, Map<String, String> form) {
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      clientId = colon < 0 ? decoded : decoded.substring(0, colon);
      secret = colon < 0 ? "" : decoded.substring(colon + 1);
    }
    Map<String, Object> token = foundation.uaa(component).issue(form.get("grant_type"), clientId, secret);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(token);
  }
}
