package io.pksorchestrator.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The foundations the orchestrator manages ({@code pkso.foundations.<name>}). Secrets may be given literally,
 * through environment variable placeholders, or as files ({@code *-file}); they never appear in {@code toString()}.
 *
 * @param foundations foundations by name (the name is what processes and the ticketing API use)
 */
@ConfigurationProperties("pkso")
public record FoundationProperties(Map<String, Foundation> foundations) {

  public FoundationProperties {
    foundations = foundations == null ? Map.of() : Map.copyOf(foundations);
  }

  /**
   * One foundation: Ops Manager, BOSH Director, PKS API and a Prometheus metrics source.
   *
   * @param displayName human-readable name shown in task forms and messages
   * @param timeScale how much faster than wall time the foundation runs (1 for a real foundation)
   * @param caCertificates PEM bundle (one or more certificates) trusted in addition to the JVM trust store
   * @param caCertificatesFile file holding a PEM bundle, trusted in addition to the JVM trust store
   * @param skipTlsValidation disables certificate verification; never on by default, logged as a warning
   * @param connectTimeout how long to wait for a TCP/TLS connection
   * @param readTimeout how long to wait for a response to an ordinary API call
   * @param uploadTimeout how long a stemcell upload to Ops Manager may take
   * @param instanceDetailsTimeout how long {@code BoshGateway.instanceDetails} waits for its short BOSH task
   * @param taskPollInterval how often that BOSH task is polled (tests use zero)
   * @param pks the PKS / TKGI API and its UAA
   * @param opsman Ops Manager and its UAA
   * @param bosh the BOSH Director and its UAA; credentials default to Ops Manager's bosh_commandline_credentials
   * @param metrics the Prometheus HTTP API holding cluster demand history
   * @param proxy the HTTP(S) proxy through which the foundation is reached (default: the environment's
   *     {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}, as {@code om} honours them)
   * @param plans the PKS tile's per-plan settings that the PKS API does not serve (maximum workers)
   */
  public record Foundation(
      String displayName,
      @DefaultValue("1") double timeScale,
      String caCertificates,
      Path caCertificatesFile,
      @DefaultValue("false") boolean skipTlsValidation,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration readTimeout,
      @DefaultValue("10m") Duration uploadTimeout,
      @DefaultValue("30s") Duration instanceDetailsTimeout,
      @DefaultValue("500ms") Duration taskPollInterval,
      Endpoint pks,
      Endpoint opsman,
      Endpoint bosh,
      Metrics metrics,
      @DefaultValue Proxy proxy,
      @DefaultValue Plans plans) {

    public Foundation {
      proxy = proxy == null ? new Proxy(null, List.of(), Proxy.DEFAULT_FROM_ENVIRONMENT) : proxy;
      plans = plans == null ? new Plans(Plans.DEFAULT_MAX_WORKERS, Map.of()) : plans;
    }

    @Override
    public String toString() {
      return "Foundation[displayName=" + displayName + ", timeScale=" + timeScale + ", skipTlsValidation="
          + skipTlsValidation + ", pks=" + pks + ", opsman=" + opsman + ", bosh=" + bosh + ", metrics=" + metrics
          + ", proxy=" + proxy + ", plans=" + plans + "]";
    }
  }

  /**
   * How a foundation is reached through an HTTP proxy. With {@code url} set, every call to the foundation goes
   * through it (HTTPS through a {@code CONNECT} tunnel) except to the hosts of {@code no-proxy}; without it, the
   * environment decides as for {@code om} (Go's {@code ProxyFromEnvironment}): {@code HTTPS_PROXY} for https URLs,
   * {@code HTTP_PROXY} for http URLs, {@code NO_PROXY} exceptions, upper or lower case. Loopback addresses
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) are never proxied, as in Go.
   *
   * @param url the proxy, {@code http://host:port} (no credentials)
   * @param noProxy hosts reached directly: {@code *}, a host name or IP, a domain ({@code example.com} matches it
   *     and its subdomains, {@code .example.com} only subdomains), a CIDR block; each optionally with {@code :port}
   * @param fromEnvironment whether the environment variables apply when {@code url} is not set
   */
  public record Proxy(URI url, List<String> noProxy,
      @DefaultValue("" + Proxy.DEFAULT_FROM_ENVIRONMENT) boolean fromEnvironment) {

    /** Default of {@code from-environment}. */
    public static final boolean DEFAULT_FROM_ENVIRONMENT = true;

    public Proxy {
      noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    }
  }

  /**
   * The PKS tile's plan settings that {@code GET /v1/plans} does not serve: the PKS {@code Plan} model has no
   * worker maximum, while the tile's "Maximum number of workers on a cluster" bounds create and resize.
   *
   * @param defaultMaxWorkers maximum workers of a plan without an entry in {@code max-workers}
   * @param maxWorkers maximum workers per plan name, as configured in the tile
   */
  public record Plans(@DefaultValue("" + Plans.DEFAULT_MAX_WORKERS) int defaultMaxWorkers,
      Map<String, Integer> maxWorkers) {

    /** Default of {@code default-max-workers}. */
    public static final int DEFAULT_MAX_WORKERS = 50;

    public Plans {
      maxWorkers = maxWorkers == null ? Map.of() : Map.copyOf(maxWorkers);
    }

    /** The configured maximum of a plan, else {@code default-max-workers}. */
    public int maxWorkers(String plan) {
      return maxWorkers.getOrDefault(plan, defaultMaxWorkers);
    }
  }

  /**
   * A UAA-protected API.
   *
   * @param url base URL of the API (without {@code /v1} or {@code /api/v0})
   * @param uaaUrl base URL of the UAA that issues its tokens (without {@code /oauth/token}); for BOSH it is read
   *     from the Director's {@code /info} when omitted
   * @param clientId UAA client id
   * @param clientSecret UAA client secret (may be empty, e.g. Ops Manager's {@code opsman} client)
   * @param clientSecretFile file holding the client secret (trailing whitespace is trimmed)
   * @param username user for the password grant; when set, the password grant is used instead of client credentials
   * @param password password of that user
   * @param passwordFile file holding that password
   */
  public record Endpoint(
      URI url, URI uaaUrl, String clientId, String clientSecret, Path clientSecretFile, String username,
      String password, Path passwordFile) {

    @Override
    public String toString() {
      return "Endpoint[url=" + url + ", uaaUrl=" + uaaUrl + ", clientId=" + clientId + ", clientSecret="
          + mask(clientSecret) + ", clientSecretFile=" + clientSecretFile + ", username=" + username
          + ", password=" + mask(password) + ", passwordFile=" + passwordFile + "]";
    }
  }

  /**
   * A Prometheus HTTP API.
   *
   * @param url base URL (without {@code /api/v1})
   * @param demandQuery PromQL for one cluster's demand in CPU cores; {@code {cluster}} is replaced by the name
   * @param bearerToken optional bearer token
   * @param bearerTokenFile optional file holding the bearer token
   * @param username optional basic-auth user
   * @param password optional basic-auth password
   * @param passwordFile optional file holding the basic-auth password
   */
  public record Metrics(
      URI url,
      @DefaultValue(DEFAULT_DEMAND_QUERY) String demandQuery,
      String bearerToken, Path bearerTokenFile, String username, String password, Path passwordFile) {

    /** The sum of the CPU requests of all pods of the cluster (kube-state-metrics), in cores. */
    public static final String DEFAULT_DEMAND_QUERY =
        "sum(kube_pod_container_resource_requests{resource=\"cpu\",unit=\"core\",cluster=\"{cluster}\"})";

    @Override
    public String toString() {
      return "Metrics[url=" + url + ", demandQuery=" + demandQuery + ", bearerToken=" + mask(bearerToken)
          + ", username=" + username + ", password=" + mask(password) + "]";
    }
  }

  static String mask(String secret) {
    return secret == null ? "null" : "******";
  }
}
