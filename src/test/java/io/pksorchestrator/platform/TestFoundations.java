package io.pksorchestrator.platform;

import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationProperties.Metrics;
import io.pksorchestrator.platform.http.FoundationClients;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A foundation named {@code test} whose components all live on one fake server (WireMock), each under its own
 * path prefix like the simulated foundation: {@code /pks}, {@code /pks-uaa}, {@code /opsman}, {@code /opsman/uaa},
 * {@code /bosh}, {@code /bosh-uaa}, {@code /prometheus}.
 */
public final class TestFoundations {

  public static final String NAME = "test";
  public static final String PKS_SECRET = "pks-secret-value-42";
  public static final String OM_SECRET = "om-secret-value-42";
  public static final String BOSH_SECRET = "bosh-secret-value-42";

  private TestFoundations() {}

  public static Foundation foundation(String base) {
    return foundation(base, Duration.ofSeconds(10), false, null);
  }

  public static Foundation foundation(String base, Duration readTimeout, boolean skipTls, String caPem) {
    return of("Test", 1, caPem, null, skipTls, Duration.ofSeconds(5), readTimeout,
        Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ZERO,
        endpoint(base + "/pks", base + "/pks-uaa", "pkso", PKS_SECRET),
        endpoint(base + "/opsman", base + "/opsman/uaa", "pkso", OM_SECRET),
        endpoint(base + "/bosh", base + "/bosh-uaa", "pkso", BOSH_SECRET),
        new Metrics(URI.create(base + "/prometheus"), Metrics.DEFAULT_DEMAND_QUERY, null, null, null, null, null));
  }

  /** A foundation without proxy and plan settings (the environment's proxy, plans at the default maximum). */
  public static Foundation of(String displayName, double timeScale, String caCertificates, Path caCertificatesFile,
      boolean skipTlsValidation, Duration connectTimeout, Duration readTimeout, Duration uploadTimeout,
      Duration instanceDetailsTimeout, Duration taskPollInterval, Endpoint pks, Endpoint opsman, Endpoint bosh,
      Metrics metrics) {
    return new Foundation(displayName, timeScale, caCertificates, caCertificatesFile, skipTlsValidation,
        connectTimeout, readTimeout, uploadTimeout, instanceDetailsTimeout, taskPollInterval, pks, opsman, bosh,
        metrics, null, null);
  }

  /** A copy of {@code f} with other proxy and plan settings. */
  public static Foundation with(Foundation f, FoundationProperties.Proxy proxy, FoundationProperties.Plans plans) {
    return new Foundation(f.displayName(), f.timeScale(), f.caCertificates(), f.caCertificatesFile(),
        f.skipTlsValidation(), f.connectTimeout(), f.readTimeout(), f.uploadTimeout(), f.instanceDetailsTimeout(),
        f.taskPollInterval(), f.pks(), f.opsman(), f.bosh(), f.metrics(), proxy, plans);
  }

  public static Endpoint endpoint(String url, String uaa, String clientId, String secret) {
    return new Endpoint(URI.create(url), URI.create(uaa), clientId, secret, null, null, null, null);
  }

  public static FoundationClients clients(Foundation foundation, Clock clock) {
    return new FoundationClients(new ConfiguredFoundations(new FoundationProperties(Map.of(NAME, foundation))),
        clock);
  }

  public static FoundationClients clients(String base) {
    return clients(foundation(base), new MutableClock());
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
