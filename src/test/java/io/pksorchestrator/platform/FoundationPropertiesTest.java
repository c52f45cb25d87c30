package io.pksorchestrator.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pksorchestrator.platform.FoundationProperties.Foundation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code pkso.foundations}, defaults, start-up validation and secret masking. */
class FoundationPropertiesTest {

  @TempDir
  Path dir;

  private static Map<String, String> minimal(String name) {
    Map<String, String> p = new HashMap<>();
    String f = "pkso.foundations." + name;
    for (String c : new String[] {"pks", "opsman"}) {
      p.put(f + "." + c + ".url", "https://" + c + ".example.com");
      p.put(f + "." + c + ".uaa-url", "https://" + c + ".example.com:8443");
      p.put(f + "." + c + ".client-id", "pkso");
      p.put(f + "." + c + ".client-secret", "literal-" + c + "-secret");
    }
    p.put(f + ".bosh.url", "https://10.0.0.10:25555");
    p.put(f + ".metrics.url", "https://prometheus.example.com");
    return p;
  }

  private static FoundationProperties bind(Map<String, String> map) {
    return new Binder(new MapConfigurationPropertySource(map)).bind("pkso", FoundationProperties.class).get();
  }

  @Test
  void defaultsApply() {
    Foundation f = bind(minimal("prod")).foundations().get("prod");

    assertThat(f.timeScale()).isEqualTo(1.0);
    assertThat(f.skipTlsValidation()).isFalse();
    assertThat(f.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(f.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(f.uploadTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(f.instanceDetailsTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(f.taskPollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(f.metrics().demandQuery()).isEqualTo(
        "sum(kube_pod_container_resource_requests{resource=\"cpu\",unit=\"core\",cluster=\"{cluster}\"})");
    assertThat(f.bosh().clientId()).isNull(); // read from Ops Manager then
    assertThat(f.proxy().url()).isNull();
    assertThat(f.proxy().fromEnvironment()).isTrue();
    assertThat(f.plans().maxWorkers("small")).isEqualTo(50);
  }

  @Test
  void proxyAndPlanMaximaBind() {
    Map<String, String> map = minimal("prod");
    map.put("pkso.foundations.prod.proxy.url", "http://proxy.corp.example:3128");
    map.put("pkso.foundations.prod.proxy.no-proxy", "prometheus.example.com,.internal.example");
    map.put("pkso.foundations.prod.plans.default-max-workers", "20");
    map.put("pkso.foundations.prod.plans.max-workers.small", "10");
    Foundation f = new ConfiguredFoundations(bind(map)).get("prod");

    assertThat(f.proxy().url()).hasToString("http://proxy.corp.example:3128");
    assertThat(f.proxy().noProxy()).containsExactly("prometheus.example.com", ".internal.example");
    assertThat(f.plans().maxWorkers("small")).isEqualTo(10);
    assertThat(f.plans().maxWorkers("medium")).isEqualTo(20);
  }

  @Test
  void badProxyAndPlanSettingsAreListed() {
    Map<String, String> map = minimal("prod");
    map.put("pkso.foundations.prod.proxy.url", "http://user:pw@proxy.corp.example:3128");
    map.put("pkso.foundations.prod.plans.max-workers.small", "0");
    assertThatThrownBy(() -> new ConfiguredFoundations(bind(map)))
        .hasMessageContaining("pkso.foundations.prod.proxy.url")
        .hasMessageContaining("pkso.foundations.prod.plans.max-workers.small")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw@"));
  }

  @Test
  void validConfigurationIsAcceptedAndTimeIsScaled() {
    Map<String, String> map = minimal("prod");
    map.putAll(minimal("lab"));
    map.put("pkso.foundations.lab.time-scale", "60");
    ConfiguredFoundations foundations = new ConfiguredFoundations(bind(map));

    assertThat(foundations.names()).containsExactly("lab", "prod");
    assertThat(foundations.isConfigured("prod")).isTrue();
    assertThat(foundations.isConfigured("other")).isFalse();
    assertThat(foundations.toWallTime("lab", Duration.ofMinutes(45))).isEqualTo(Duration.ofSeconds(45));
    assertThat(foundations.toWallTime("prod", Duration.ofMinutes(45))).isEqualTo(Duration.ofMinutes(45));
    assertThatThrownBy(() -> foundations.toWallTime("other", Duration.ZERO))
        .isInstanceOf(UnknownFoundationException.class).hasMessageContaining("[lab, prod]");
  }

  @Test
  void problemsAreListedWithTheirProperty() {
    Map<String, String> map = minimal("prod");
    map.remove("pkso.foundations.prod.pks.url");
    map.remove("pkso.foundations.prod.opsman.client-secret");
    map.put("pkso.foundations.prod.opsman.client-secret-file", dir.resolve("missing").toString());
    map.put("pkso.foundations.prod.ca-certificates", "-----BEGIN CERTIFICATE-----\nnot base64!\n"
        + "-----END CERTIFICATE-----");

    assertThatThrownBy(() -> new ConfiguredFoundations(bind(map)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pkso.foundations.prod.pks.url is missing")
        .hasMessageContaining("Cannot read pkso.foundations.prod.opsman.client-secret-file")
        .hasMessageContaining("pkso.foundations.prod.ca-certificates is not a valid PEM certificate bundle");
  }

  @Test
  void secretFilesAreReadAndNeverShown() throws Exception {
    Path secret = dir.resolve("pks-secret");
    Files.writeString(secret, "file-secret-value\n");
    Map<String, String> map = minimal("prod");
    map.remove("pkso.foundations.prod.pks.client-secret");
    map.put("pkso.foundations.prod.pks.client-secret-file", secret.toString());
    map.put("pkso.foundations.prod.opsman.username", "admin");
    map.put("pkso.foundations.prod.opsman.password", "admin-password-value");
    map.put("pkso.foundations.prod.metrics.bearer-token", "prometheus-token-value");
    FoundationProperties props = bind(map);
    new ConfiguredFoundations(props);

    assertThat(io.pksorchestrator.platform.http.Secrets.resolve(null, secret, "x")).isEqualTo("file-secret-value");
    assertThat(props.toString()).doesNotContain("literal-opsman-secret").doesNotContain("admin-password-value")
        .doesNotContain("prometheus-token-value").doesNotContain("file-secret-value").contains("******");
  }

  @Test
  void demandQueryNeedsThePlaceholder() {
    Map<String, String> map = minimal("prod");
    map.put("pkso.foundations.prod.metrics.demand-query", "sum(up)");

    assertThatThrownBy(() -> new ConfiguredFoundations(bind(map)))
        .hasMessageContaining("pkso.foundations.prod.metrics.demand-query must contain the placeholder {cluster}");
  }

  @Test
  void usernameWithoutPasswordIsReported() {
    Map<String, String> map = minimal("prod");
    map.put("pkso.foundations.prod.opsman.username", "admin");

    assertThatThrownBy(() -> new ConfiguredFoundations(bind(map)))
        .hasMessageContaining("pkso.foundations.prod.opsman.username is set but password / password-file is missing");
  }
}
