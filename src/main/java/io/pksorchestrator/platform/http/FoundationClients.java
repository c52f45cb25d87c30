package io.pksorchestrator.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.http2client.Http2Client;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import io.pksorchestrator.platform.ConfiguredFoundations;
import io.pksorchestrator.platform.FoundationProperties.Endpoint;
import io.pksorchestrator.platform.FoundationProperties.Foundation;
import io.pksorchestrator.platform.FoundationProperties.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Builds and caches the Feign clients of every foundation component: one {@code java.net.http.HttpClient} per
 * foundation (its TLS trust, connect timeout, redirects never followed), one authenticator per component (UAA
 * token cache), no client-side retries. Clients are built lazily on first use, so a foundation that is down does
 * not stop the application from starting.
 */
@org.springframework.stereotype.Component
public class FoundationClients {

  private final ConfiguredFoundations foundations;
  private final Clock clock;
  private final ObjectMapper mapper = FoundationJson.mapper();
  private final Map<String, HttpClient> httpClients = new ConcurrentHashMap<>();
  private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();
  private final Map<String, Object> apis = new ConcurrentHashMap<>();
  private final Set<String> learnedSecrets = ConcurrentHashMap.newKeySet();
  private final Function<String, String> environment;

  /** With the process environment as the source of {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY}. */
  @Autowired
  public FoundationClients(ConfiguredFoundations foundations, Clock clock) {
    this(foundations, clock, System::getenv);
  }

  /**
   * @param clock drives token expiry
   * @param environment where {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} are read from
   */
  public FoundationClients(ConfiguredFoundations foundations, Clock clock, Function<String, String> environment) {
    this.foundations = foundations;
    this.clock = clock;
    this.environment = environment;
  }

  /** The configuration of a foundation ({@link io.pksorchestrator.platform.UnknownFoundationException} if none). */
  public Foundation config(String foundation) {
    return foundations.get(foundation);
  }

  /** The JSON mapper the clients use, for bodies read by hand. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** An authenticated client of the component's API. */
  public <T> T api(String foundation, Component component, Class<T> type) {
    return cached(foundation, component.key(), type, () -> build(foundation, component.key(), type,
        baseUrl(foundation, component), authenticator(foundation, component)));
  }

  /** An unauthenticated client (e.g. {@code GET /info}). */
  public <T> T anonymous(String foundation, Component component, Class<T> type) {
    return cached(foundation, component.key() + "/anonymous", type, () -> build(foundation, component.key(), type,
        baseUrl(foundation, component), Authenticator.NONE));
  }

  /** The error decoder of a component, for responses read by hand (e.g. BOSH's 302-to-task answers). */
  public feign.codec.ErrorDecoder errorDecoder(String foundation, Component component) {
    return new FoundationErrorDecoder(foundation, component.key(), redactor(foundation));
  }

  /**
   * The foundation's {@code java.net.http} client (its TLS trust and connect timeout, redirects never followed), for
   * the one call Feign cannot make without buffering: the streamed stemcell upload.
   */
  public HttpClient httpClient(String foundation) {
    return httpClients.computeIfAbsent(foundation, name -> {
      Foundation f = config(name);
      return HttpClient.newBuilder()
          .connectTimeout(f.connectTimeout())
          .sslContext(FoundationTls.sslContext(name, f))
          .followRedirects(HttpClient.Redirect.NEVER) // BOSH answers 302 to a task: handled explicitly
          .proxy(FoundationProxy.of(name, f.proxy(), environment)) // property, else HTTPS_PROXY/HTTP_PROXY/NO_PROXY
          .version(HttpClient.Version.HTTP_1_1)
          .build();
    });
  }

  /** The base URL of a component (without {@code /v1}, {@code /api/v0}). */
  public URI componentUrl(String foundation, Component component) {
    return URI.create(trimSlash(baseUrl(foundation, component)));
  }

  /** The cached authenticator of a component; tests use it to check the token cache. */
  public Authenticator authenticator(String foundation, Component component) {
    return authenticators.computeIfAbsent(foundation + "/" + component.key(),
        k -> createAuthenticator(foundation, component));
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(String foundation, String key, Class<T> type, Supplier<T> factory) {
    config(foundation); // fail fast with UnknownFoundationException
    return (T) apis.computeIfAbsent(foundation + "/" + key + "/" + type.getName(), k -> factory.get());
  }

  private <T> T build(String foundation, String label, Class<T> type, URI baseUrl, Authenticator auth) {
    Foundation f = config(foundation);
    FoundationClient client = new FoundationClient(new Http2Client(httpClient(foundation)), foundation, label, auth);
    return Feign.builder()
        .client(client)
        .encoder(new FormEncoder(new JacksonEncoder(mapper)))
        .decoder(FoundationJson.decoder(mapper))
        .errorDecoder(new FoundationErrorDecoder(foundation, label, redactor(foundation)))
        .retryer(Retryer.NEVER_RETRY) // the engine owns retries
        .options(new Request.Options(f.connectTimeout(), f.readTimeout(), false))
        .logger(new Slf4jLogger(type))
        .logLevel(Logger.Level.BASIC) // method, URL, status and timing only: never headers or bodies
        .invocationHandlerFactory(new DecodeFailures(foundation, label))
        .target(type, trimSlash(baseUrl));
  }

  private URI baseUrl(String foundation, Component component) {
    Foundation f = config(foundation);
    return switch (component) {
      case PKS -> f.pks().url();
      case OPSMAN -> f.opsman().url();
      case BOSH -> f.bosh().url();
      case METRICS -> {
        if (f.metrics() == null) {
          throw new IllegalStateException("Foundation '" + foundation + "' has no metrics source; set pkso.foundations."
              + foundation + ".metrics.url to a Prometheus HTTP API");
        }
        yield f.metrics().url();
      }
    };
  }

  private Authenticator createAuthenticator(String foundation, Component component) {
    Foundation f = config(foundation);
    String prefix = "pkso.foundations." + foundation + "." + component.key();
    return switch (component) {
      case PKS -> uaa(foundation, component, () -> f.pks().uaaUrl(), () -> configured(prefix, f.pks()));
      case OPSMAN -> uaa(foundation, component, () -> f.opsman().uaaUrl(), () -> configured(prefix, f.opsman()));
      case BOSH -> uaa(foundation, component, () -> boshUaaUrl(foundation), () -> boshCredentials(foundation));
      case METRICS -> f.metrics() == null ? Authenticator.NONE : metricsAuthenticator(prefix, f.metrics());
    };
  }

  private Authenticator uaa(String foundation, Component component, Supplier<URI> uaaUrl,
      Supplier<ClientCredentials> credentials) {
    Supplier<UaaApi> api = () -> {
      URI url = uaaUrl.get(); // outside computeIfAbsent: finding BOSH's UAA is itself a call
      return cached(foundation, component.uaaKey() + "@" + url, UaaApi.class,
          () -> build(foundation, component.uaaKey(), UaaApi.class, url, Authenticator.NONE));
    };
    return new UaaTokenSource(api, credentials, clock);
  }

  private static ClientCredentials configured(String prefix, Endpoint e) {
    return new ClientCredentials(e.clientId(),
        Secrets.resolve(e.clientSecret(), e.clientSecretFile(), prefix + ".client-secret"),
        e.username(), Secrets.resolve(e.password(), e.passwordFile(), prefix + ".password"));
  }

  private URI boshUaaUrl(String foundation) {
    Endpoint bosh = config(foundation).bosh();
    if (bosh.uaaUrl() != null) {
      return bosh.uaaUrl();
    }
    // like bosh-cli: the Director names its UAA in GET /info
    JsonNode info = anonymous(foundation, Component.BOSH, DirectorAuthApi.class).info();
    String url = info.path("user_authentication").path("options").path("url").asText(null);
    if (url == null) {
      throw new IllegalStateException("The BOSH Director of foundation '" + foundation + "' does not name a UAA in "
          + "GET /info; configure pkso.foundations." + foundation + ".bosh.uaa-url");
    }
    return URI.create(url);
  }

  private ClientCredentials boshCredentials(String foundation) {
    Endpoint bosh = config(foundation).bosh();
    if (bosh.clientId() != null) {
      return configured("pkso.foundations." + foundation + ".bosh", bosh);
    }
    JsonNode answer = api(foundation, Component.OPSMAN, DirectorAuthApi.class).boshCommandlineCredentials();
    ClientCredentials creds = ClientCredentials.fromBoshCommandline(answer.path("credential").asText(null));
    learnedSecrets.add(creds.clientSecret());
    return creds;
  }

  private static Authenticator metricsAuthenticator(String prefix, Metrics m) {
    String token = Secrets.resolve(m.bearerToken(), m.bearerTokenFile(), prefix + ".bearer-token");
    if (token != null) {
      return Authenticator.fixed("Bearer " + token);
    }
    if (m.username() != null) {
      String password = Secrets.resolve(m.password(), m.passwordFile(), prefix + ".password");
      return Authenticator.fixed("Basic " + Base64.getEncoder()
          .encodeToString((m.username() + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return Authenticator.NONE;
  }

  /** Every secret of the foundation that is known, so that none can leak through an echoed error body. */
  private Redactor redactor(String foundation) {
    return new Redactor(() -> {
      Foundation f = config(foundation);
      Collection<String> secrets = new ArrayList<>(learnedSecrets);
      for (Endpoint e : new Endpoint[] {f.pks(), f.opsman(), f.bosh()}) {
        if (e != null) {
          secrets.add(quietly(e.clientSecret(), e.clientSecretFile()));
          secrets.add(quietly(e.password(), e.passwordFile()));
        }
      }
      if (f.metrics() != null) {
        secrets.add(quietly(f.metrics().bearerToken(), f.metrics().bearerTokenFile()));
        secrets.add(quietly(f.metrics().password(), f.metrics().passwordFile()));
      }
      return secrets;
    });
  }

  private static String quietly(String literal, java.nio.file.Path file) {
    try {
      return Secrets.resolve(literal, file, "secret");
    } catch (IllegalStateException e) {
      return null;
    }
  }

  private static String trimSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

}
