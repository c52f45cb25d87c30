package io.pksorchestrator.ticketing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs callback bodies: {@code X-Pkso-Signature: sha256=<hex HMAC-SHA256 of the raw body>}. */
public final class WebhookSigner {

  public static final String SIGNATURE_HEADER = "X-Pkso-Signature";
  public static final String EVENT_ID_HEADER = "X-Pkso-Event-Id";
  public static final String EVENT_HEADER = "X-Pkso-Event";
  public static final String TIMESTAMP_HEADER = "X-Pkso-Timestamp";

  private WebhookSigner() {}

  /** The header value for a body signed with a secret. */
  public static String signature(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
