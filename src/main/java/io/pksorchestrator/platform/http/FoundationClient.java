package io.pksorchestrator.platform.http;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.Util;
import io.pksorchestrator.platform.RetryableFoundationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP client of one component of one foundation: adds the {@code Authorization} header, and on a 401
 * invalidates the token, fetches a new one and repeats the call exactly once (a second 401 reaches the error
 * decoder and becomes a rejection; there is no loop). I/O failures (timeouts, connection refused, TLS
 * handshake failures) become {@link RetryableFoundationException} with status 0.
 */
public class FoundationClient implements Client {

  private final Client delegate;
  private final String foundation;
  private final String component;
  private final Authenticator authenticator;

  public FoundationClient(Client delegate, String foundation, String component, Authenticator authenticator) {
    this.delegate = delegate;
    this.foundation = foundation;
    this.component = component;
    this.authenticator = authenticator;
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    Response response = send(withAuthorization(request), options);
    if (response.status() == 401 && authenticator.invalidate()) {
      Util.ensureClosed(response.body());
      response = send(withAuthorization(request), options);
    }
    return response;
  }

  private Response send(Request request, Request.Options options) {
    Request.Options bounded = options;
    java.util.Optional<java.time.Instant> deadline = CallDeadline.current();
    if (deadline.isPresent()) {
      long left = java.time.Duration.between(java.time.Instant.now(), deadline.get()).toMillis();
      if (left <= 0) {
        throw new RetryableFoundationException(foundation, 0, FoundationErrorDecoder.describe(foundation, component,
            request) + " was not sent: the job's time for foundation calls is used up (its lock expires soon;"
            + " see pkso.engine.job-lock-margin). Transient; the engine runs the job again under a new lock.", null);
      }
      if (left < options.readTimeoutMillis()) {
        // same connect timeout and redirects: Feign's client keeps using the foundation's HttpClient (TLS trust)
        bounded = new Request.Options(options.connectTimeoutMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
            left, java.util.concurrent.TimeUnit.MILLISECONDS, options.isFollowRedirects());
      }
    }
    try {
      return delegate.execute(request, bounded);
    } catch (IOException e) {
      throw new RetryableFoundationException(foundation, 0,
          FoundationErrorDecoder.describe(foundation, component, request) + " failed without a response ("
              + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). Transient; the engine retries. Check that the " + component + " URL of foundation '"
              + foundation + "' is reachable and its TLS certificate is trusted.", e);
    }
  }

  private Request withAuthorization(Request request) {
    // token failures are already FoundationExceptions from the UAA client (with component "<x>-uaa")
    String authorization = authenticator.authorization();
    if (authorization == null) {
      return request;
    }
    Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
    headers.put("Authorization", new ArrayList<>(List.of(authorization)));
    return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
        request.requestTemplate());
  }
}
