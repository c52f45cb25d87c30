package io.pksorchestrator.platform;

import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationProperties.Metrics;
import io.pksorchestrator.platform.http.FoundationTls;
import io.pksorchestrator.platform.http.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@link Foundations} port over {@code pkso.foundations}. The configuration is validated when the bean is
 * created, so a missing URL, an unreadable secret file or a bad CA bundle stops the start-up with a message that
 * names the property; secret values are never part of a message.
 */
@Component
public class ConfiguredFoundations implements Foundations {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredFoundations.class);

  private final FoundationProperties properties;

  public ConfiguredFoundations(FoundationProperties properties) {
    this.properties = properties;
    List<String> problems = new ArrayList<>();
    properties.foundations().forEach((name, foundation) -> validate(name, foundation, problems));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid foundation configuration:\n - " + String.join("\n - ", problems));
    }
    properties.foundations().forEach((name, foundation) -> {
      if (foundation.skipTlsValidation()) {
        log.warn("PKSO-PLATFORM-001 TLS certificate validation is DISABLED for foundation '{}' "
            + "(pkso.foundations.{}.skip-tls-validation=true). Configure ca-certificates instead.", name, name);
      }
    });
  }

  @Override
  public Set<String> names() {
    return new TreeSet<>(properties.foundations().keySet());
  }

  @Override
  public boolean isConfigured(String foundation) {
    return foundation != null && properties.foundations().containsKey(foundation);
  }

  @Override
  public Duration toWallTime(String foundation, Duration foundationTime) {
    double scale = get(foundation).timeScale();
    return Duration.ofNanos((long) (foundationTime.toNanos() / scale));
  }

  /**
   * The configuration of a foundation.
   *
   * @throws UnknownFoundationException when it is not configured
   */
  public Foundation get(String foundation) {
    Foundation f = foundation == null ? null : properties.foundations().get(foundation);
    if (f == null) {
      throw new UnknownFoundationException(foundation, names());
    }
    return f;
  }

  private static void validate(String name, Foundation f, List<String> problems) {
    String prefix = "pkso.foundations." + name;
    if (!(f.timeScale() > 0)) {
      problems.add(prefix + ".time-scale must be greater than 0 (1 for a real foundation)");
    }
    for (var timeout : List.of(f.connectTimeout(), f.readTimeout(), f.uploadTimeout())) {
      if (timeout.isNegative() || timeout.isZero()) {
        problems.add(prefix + ": connect-timeout, read-timeout and upload-timeout must be positive");
        break;
      }
    }
    validateEndpoint(prefix + ".pks", f.pks(), true, problems);
    validateEndpoint(prefix + ".opsman", f.opsman(), true, problems);
    validateEndpoint(prefix + ".bosh", f.bosh(), false, problems);
    validateMetrics(prefix + ".metrics", f.metrics(), problems);
    validateProxy(prefix + ".proxy", f.proxy(), problems);
    validatePlans(prefix + ".plans", f.plans(), problems);
    try {
      FoundationTls.caCertificates(name, f);
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
    }
  }

  private static void validateEndpoint(String prefix, Endpoint e, boolean uaaRequired, List<String> problems) {
    if (e == null || e.url() == null) {
      problems.add(prefix + ".url is missing");
      return;
    }
    if (uaaRequired && e.uaaUrl() == null) {
      problems.add(prefix + ".uaa-url is missing");
    }
    if (uaaRequired && e.clientId() == null) {
      problems.add(prefix + ".client-id is missing");
    }
    if (e.clientSecret() != null && e.clientSecretFile() != null) {
      problems.add(prefix + ": set client-secret or client-secret-file, not both");
    }
    if (e.password() != null && e.passwordFile() != null) {
      problems.add(prefix + ": set password or password-file, not both");
    }
    if (e.username() != null && e.password() == null && e.passwordFile() == null) {
      problems.add(prefix + ".username is set but password / password-file is missing");
    }
    readable(e.clientSecret(), e.clientSecretFile(), prefix + ".client-secret", problems);
    readable(e.password(), e.passwordFile(), prefix + ".password", problems);
  }

  private static void validateMetrics(String prefix, Metrics m, List<String> problems) {
    if (m == null) {
      return; // optional: without it, demand queries fail with a clear message (no predictive resize)
    }
    if (m.url() == null) {
      problems.add(prefix + ".url is missing");
      return;
    }
    if (m.demandQuery() == null || !m.demandQuery().contains("{cluster}")) {
      problems.add(prefix + ".demand-query must contain the placeholder {cluster}");
    }
    readable(m.bearerToken(), m.bearerTokenFile(), prefix + ".bearer-token", problems);
    readable(m.password(), m.passwordFile(), prefix + ".password", problems);
  }

  private static void validateProxy(String prefix, FoundationProperties.Proxy proxy, List<String> problems) {
    java.net.URI url = proxy.url();
    if (url == null) {
      return;
    }
    if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      problems.add(prefix + ".url must be http://host:port (an HTTP proxy; HTTPS goes through it in a tunnel)");
    }
    if (url.getRawUserInfo() != null) {
      problems.add(prefix + ".url must not carry credentials: proxy authentication is not supported");
    }
  }

  private static void validatePlans(String prefix, FoundationProperties.Plans plans, List<String> problems) {
    if (plans.defaultMaxWorkers() < 1) {
      problems.add(prefix + ".default-max-workers must be at least 1");
    }
    plans.maxWorkers().forEach((plan, max) -> {
      if (max == null || max < 1) {
        problems.add(prefix + ".max-workers." + plan + " must be at least 1 (the tile's maximum workers of plan "
            + plan + ")");
      }
    });
  }

  private static void readable(String literal, java.nio.file.Path file, String property, List<String> problems) {
    try {
      Secrets.resolve(literal, file, property);
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
    }
  }
}
