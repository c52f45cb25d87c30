package io.pksorchestrator.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test on a dynamic port, with token endpoints that issue fixed tokens. */
public abstract class WireMockSupport {

  protected WireMockServer wm;

  @BeforeEach
  void startWireMock() {
    wm = new WireMockServer(wireMockConfig().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stopWireMock() {
    wm.stop();
  }

  protected String base() {
    return "http://localhost:" + wm.port();
  }

  /** {@code POST <uaaPath>/oauth/token} answers a token with the given lifetime and extra unknown fields. */
  protected void stubToken(String uaaPath, String token, long expiresIn) {
    wm.stubFor(post(urlEqualTo(uaaPath + "/oauth/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"pks.clusters.admin\",\"jti\":\"bc3e7456\",\"unknown_extra\":{\"a\":1}}")));
  }

  protected static String json(String body) {
    return body;
  }
}
