package io.pksorchestrator.platform.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import feign.HeaderMap;
import feign.Headers;
import feign.RequestLine;
import java.util.Map;

/** A UAA token endpoint ({@code POST /oauth/token}, form-encoded, client authenticated with HTTP Basic). */
public interface UaaApi {

  @RequestLine("POST /oauth/token")
  @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
  Token token(@HeaderMap Map<String, Object> headers, Map<String, ?> form);

  /** The fields of a token response that are used. {@code toString()} masks the token. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Token(String accessToken, String tokenType, Long expiresIn) {
    @Override
    public String toString() {
      return "Token[accessToken=******, tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
  }
}
