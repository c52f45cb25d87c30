package io.pksorchestrator.platform.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.pksorchestrator.platform.FoundationProperties;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.TestFoundations;
import io.pksorchestrator.platform.TestFoundations.MutableClock;
import io.pksorchestrator.platform.pks.FeignPksGateway;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4: foundations reached through an HTTP(S) proxy, configured per foundation or from the environment
 * ({@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, as {@code om} honours them). The foundation's host
 * names end in {@code .pkso.test}, which no DNS resolves: only {@link ForwardingProxy} maps them to the local fake
 * foundation, so a call that succeeds went through the proxy, and the proxy's record shows it.
 */
class ProxyTest {

  private static WireMockServer foundation;
  private static ForwardingProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    foundation = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort());
    foundation.start();
    foundation.stubFor(post("/pks-uaa/oauth/token").willReturn(okJson(
        "{\"access_token\":\"proxied-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
    foundation.stubFor(get("/pks/v1/plans").willReturn(okJson("[]")));
    proxy = new ForwardingProxy();
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    foundation.stop();
  }

  @BeforeEach
  void forget() {
    proxy.requests.clear();
  }

  @Test
  void configuredProxyCarriesPlainHttpCalls() {
    String base = "http://foundation.pkso.test:" + foundation.port();
    FeignPksGateway pks = gateway(base, false, new FoundationProperties.Proxy(URI.create(proxy.url()), List.of(), true),
        Map.of());

    assertThat(pks.plans(TestFoundations.NAME)).isEmpty();

    assertThat(proxy.requests).containsExactly(
        "POST " + base + "/pks-uaa/oauth/token", "GET " + base + "/pks/v1/plans");
  }

  @Test
  void configuredProxyTunnelsHttps() {
    String base = "https://foundation.pkso.test:" + foundation.httpsPort();
    FeignPksGateway pks = gateway(base, true, new FoundationProperties.Proxy(URI.create(proxy.url()), List.of(), true),
        Map.of());

    assertThat(pks.plans(TestFoundations.NAME)).isEmpty();

    assertThat(proxy.requests).isNotEmpty()
        .allMatch(r -> r.equals("CONNECT foundation.pkso.test:" + foundation.httpsPort()));
  }

  @Test
  void noProxyHostsAreReachedDirectly() {
    String base = "http://localhost:" + foundation.port();
    FeignPksGateway viaProxy = gateway(base, false,
        new FoundationProperties.Proxy(URI.create(proxy.url()), List.of(), true), Map.of());
    viaProxy.plans(TestFoundations.NAME);
    assertThat(proxy.requests).as("without no-proxy even localhost goes through a configured proxy").hasSize(2);

    proxy.requests.clear();
    FeignPksGateway direct = gateway(base, false,
        new FoundationProperties.Proxy(URI.create(proxy.url()), List.of("localhost"), true), Map.of());
    assertThat(direct.plans(TestFoundations.NAME)).isEmpty();
    assertThat(proxy.requests).isEmpty();
  }

  @Test
  void environmentProxyIsUsedLikeOm() {
    String https = "https://foundation.pkso.test:" + foundation.httpsPort();
    FeignPksGateway pks = gateway(https, true, defaultProxy(), Map.of("https_proxy", proxy.url(),
        "HTTP_PROXY", "http://127.0.0.1:1"));

    assertThat(pks.plans(TestFoundations.NAME)).isEmpty();

    assertThat(proxy.requests).isNotEmpty().allMatch(r -> r.startsWith("CONNECT foundation.pkso.test:"));
  }

  @Test
  void environmentNeverProxiesLoopbackAndHonoursNoProxyAndCanBeSwitchedOff() {
    // loopback: Go's rule, so the local simulator is reached directly even with HTTP_PROXY set
    FeignPksGateway local = gateway("http://localhost:" + foundation.port(), false, defaultProxy(),
        Map.of("HTTP_PROXY", proxy.url()));
    assertThat(local.plans(TestFoundations.NAME)).isEmpty();
    assertThat(proxy.requests).isEmpty();

    Map<String, String> env = Map.of("HTTPS_PROXY", proxy.url(), "HTTP_PROXY", proxy.url(),
        "NO_PROXY", "prometheus.example.com, .pkso.test");
    FoundationProxy selector = FoundationProxy.of("test", defaultProxy(), env::get);
    assertThat(selector.select(URI.create("https://foundation.pkso.test:8443/v1"))).containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("https://opsman.example.com/api/v0"))).singleElement()
        .satisfies(p -> assertThat((java.net.InetSocketAddress) p.address())
            .extracting(java.net.InetSocketAddress::getHostString, java.net.InetSocketAddress::getPort)
            .containsExactly("127.0.0.1", proxy.port()));

    FoundationProxy off = FoundationProxy.of("test", new FoundationProperties.Proxy(null, List.of(), false), env::get);
    assertThat(off.select(URI.create("https://opsman.example.com/api/v0"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void noProxyFollowsGoRules() {
    List<String> list = List.of("example.com", ".sub.example.org", "10.0.0.0/8", "192.168.1.7", "api.corp:9021");
    assertThat(FoundationProxy.bypass(list, "example.com", 443)).isTrue();
    assertThat(FoundationProxy.bypass(list, "opsman.example.com", 443)).isTrue();
    assertThat(FoundationProxy.bypass(list, "notexample.com", 443)).isFalse();
    assertThat(FoundationProxy.bypass(list, "sub.example.org", 443)).isFalse();
    assertThat(FoundationProxy.bypass(list, "a.sub.example.org", 443)).isTrue();
    assertThat(FoundationProxy.bypass(list, "10.0.0.10", 25555)).isTrue();
    assertThat(FoundationProxy.bypass(list, "11.0.0.10", 25555)).isFalse();
    assertThat(FoundationProxy.bypass(list, "192.168.1.7", 80)).isTrue();
    assertThat(FoundationProxy.bypass(list, "api.corp", 9021)).isTrue();
    assertThat(FoundationProxy.bypass(list, "api.corp", 8443)).isFalse();
    assertThat(FoundationProxy.bypass(List.of("*"), "anything", 1)).isTrue();
  }

  @Test
  void anHttpsOrAuthenticatedEnvironmentProxyIsRefusedClearly() {
    assertThatThrownBy(() -> FoundationProxy.of("prod", defaultProxy(),
        Map.of("HTTPS_PROXY", "http://user:secret@proxy:3128")::get))
        .hasMessageContaining("HTTPS_PROXY").hasMessageContaining("pkso.foundations.prod.proxy")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  private static FoundationProperties.Proxy defaultProxy() {
    return new FoundationProperties.Proxy(null, List.of(), true);
  }

  private static FeignPksGateway gateway(String base, boolean skipTls, FoundationProperties.Proxy proxySettings,
      Map<String, String> env) {
    Foundation f = TestFoundations.with(TestFoundations.foundation(base, Duration.ofSeconds(10), skipTls, null),
        proxySettings, null);
    var foundations = new io.pksorchestrator.platform.ConfiguredFoundations(
        new FoundationProperties(Map.of(TestFoundations.NAME, f)));
    return new FeignPksGateway(new FoundationClients(foundations, new MutableClock(), env::get));
  }
}
