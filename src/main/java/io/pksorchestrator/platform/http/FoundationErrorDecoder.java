package io.pksorchestrator.platform.http;

import feign.Request;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import io.pksorchestrator.platform.FoundationException;
import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Maps an unsuccessful response into the {@link FoundationException} family: 5xx and 429 are retryable (the
 * engine's job retries own retrying; Feign never retries), 404 is "not found", every other status is
 * "rejected" with the foundation's own message as {@code detail()}.
 */
public class FoundationErrorDecoder implements ErrorDecoder {

  private final String foundation;
  private final String component;
  private final Redactor redactor;

  public FoundationErrorDecoder(String foundation, String component, Redactor redactor) {
    this.foundation = foundation;
    this.component = component;
    this.redactor = redactor;
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    String body = redactor.redact(readBody(response));
    int status = response.status();
    String detail = redactor.redact(ErrorBodies.detail(body));
    String message = describe(foundation, component, response.request()) + " answered " + status
        + (body.isBlank() ? "" : ": " + ErrorBodies.truncate(body));
    if (status >= 500 || status == 429) {
      return new RetryableFoundationException(foundation, status, message + ". Transient; the engine retries.", null);
    }
    if (status == 404) {
      return new FoundationNotFoundException(foundation, message);
    }
    return new FoundationRejectedException(foundation, status, message + hint(status), detail);
  }

  private String hint(int status) {
    String where = "pkso.foundations." + foundation + "." + component.replace("-uaa", "");
    if (status == 401 && component.endsWith("-uaa")) {
      return ". The UAA refused the client or user credentials. Check client-id, client-secret (or username/"
          + "password) under " + where + " and that the UAA client exists.";
    }
    if (status == 401) {
      return ". The credentials were refused (a fresh token was tried once). Check client-id, client-secret "
          + "(or username/password) under " + where + " and that the UAA client exists.";
    }
    if (status == 403) {
      return ". The client lacks a permission. Check the authorities/scopes of the UAA client configured under "
          + where + ".";
    }
    if (status >= 300 && status < 400) {
      return ". Unexpected redirect; check the base URL configured under " + where + ".";
    }
    return ". The request was refused; retrying it unchanged will not help.";
  }

  /** {@code Foundation 'lab' pks: GET /v1/clusters}, the common start of every message. */
  static String describe(String foundation, String component, Request request) {
    String path = request == null ? "?" : pathOf(request.url());
    String method = request == null ? "?" : request.httpMethod().name();
    return "Foundation '" + foundation + "' " + component + ": " + method + " " + path;
  }

  private static String pathOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static String readBody(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (var in = response.body().asInputStream()) {
      // read at most 64 KiB: only the start of an error body is ever shown
      byte[] bytes = in.readNBytes(64 * 1024);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    } finally {
      Util.ensureClosed(response.body());
    }
  }
}
