package io.pksorchestrator.platform.opsman;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.http.Authenticator;
import io.pksorchestrator.platform.http.Component;
import io.pksorchestrator.platform.http.FoundationClients;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v0/stemcells} as {@code om upload-stemcell} sends it: {@code multipart/form-data} with the field
 * {@code stemcell[floating]} and the file part {@code stemcell[file]}, an exact {@code Content-Length} computed
 * up front, and the file streamed from disk ({@link BodyPublishers#ofFile}), never held in memory, so a 1.5 GB
 * stemcell needs no more heap than a small one. Only 200 is success (as for {@code om}); the answer's body is not
 * required ({@code om} ignores it) but read when it names the stemcell. The whole upload is bounded by the
 * foundation's {@code upload-timeout}; the connection by its {@code connect-timeout}.
 */
final class StemcellUploader {

  private final FoundationClients clients;

  StemcellUploader(FoundationClients clients) {
    this.clients = clients;
  }

  /** The multipart body: head (field + part headers), the file, tail; its length is known before sending. */
  record Multipart(String boundary, byte[] head, Path file, byte[] tail) {

    static Multipart of(Path file, boolean floating) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String boundary = "pkso-" + HexFormat.of().formatHex(random);
      String name = file.getFileName().toString().replaceAll("[\"\\\\\\r\\n]", "_");
      String head = "--" + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"stemcell[floating]\"\r\n\r\n"
          + floating + "\r\n"
          + "--" + boundary + "\r\n"
          + "Content-Disposition: form-data; name=\"stemcell[file]\"; filename=\"" + name + "\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n";
      String tail = "\r\n--" + boundary + "--\r\n";
      return new Multipart(boundary, head.getBytes(StandardCharsets.UTF_8), file,
          tail.getBytes(StandardCharsets.UTF_8));
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    long contentLength() throws IOException {
      return head.length + Files.size(file) + tail.length;
    }

    BodyPublisher publisher() throws FileNotFoundException {
      return BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file),
          BodyPublishers.ofByteArray(tail));
    }
  }

  /** Uploads; returns the stemcell Ops Manager names in its answer, or null when the answer names none. */
  OmStemcell upload(String foundation, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("Stemcell file '" + file + "' does not exist or is not readable");
    }
    URI url = URI.create(clients.componentUrl(foundation, Component.OPSMAN) + "/api/v0/stemcells");
    Duration timeout = clients.config(foundation).uploadTimeout();
    Authenticator auth = clients.authenticator(foundation, Component.OPSMAN);
    Multipart body = Multipart.of(file, false); // the orchestrator assigns the stemcell to the PKS tile itself
    HttpResponse<String> response;
    try {
      long length = body.contentLength();
      if (length - body.head().length - body.tail().length == 0) {
        throw new IllegalArgumentException("Stemcell file '" + file + "' is empty"); // om refuses empty files too
      }
      HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
          .header("Accept", "application/json").header("Content-Type", body.contentType())
          .POST(body.publisher());
      String authorization = auth.authorization();
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      response = clients.httpClient(foundation).send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RetryableFoundationException(foundation, 0, "Foundation '" + foundation + "' opsman: POST "
          + "/api/v0/stemcells of " + file.getFileName() + " failed without a response (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ", upload-timeout " + timeout + ")."
          + " Transient; the upload is repeated.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableFoundationException(foundation, 0, "Stemcell upload to '" + foundation + "' interrupted", e);
    }
    if (response.statusCode() == 401) {
      auth.invalidate(); // the token expired during a long upload: the next attempt fetches a new one
    }
    if (response.statusCode() != 200) {
      throw decodeError(foundation, url, response);
    }
    return stemcellOf(response.body());
  }

  private OmStemcell stemcellOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode stemcell = clients.mapper().readTree(body).path("stemcell");
      String os = stemcell.path("os").asText(null);
      String version = stemcell.path("version").asText(null);
      return os == null || version == null ? null : new OmStemcell(os, version);
    } catch (IOException e) {
      return null; // om ignores the answer; so does the orchestrator when it is not JSON
    }
  }

  /** The same typed exceptions as every other call, through the foundation's error decoder. */
  private RuntimeException decodeError(String foundation, URI url, HttpResponse<String> response) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
    feign.Request request = feign.Request.create(feign.Request.HttpMethod.POST, url.toString(), Map.of(), null,
        StandardCharsets.UTF_8, null);
    feign.Response feignResponse = feign.Response.builder().status(response.statusCode()).reason("")
        .request(request).headers(headers)
        .body(response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8)).build();
    Exception e = clients.errorDecoder(foundation, Component.OPSMAN).decode("OmApi#uploadStemcell", feignResponse);
    if (e instanceof RuntimeException re && response.statusCode() / 100 != 2) {
      return re;
    }
    // a 2xx other than 200: om counts only 200 as success
    return new FoundationRejectedException(foundation, response.statusCode(), "Foundation '" + foundation
        + "' opsman: POST /api/v0/stemcells answered " + response.statusCode() + "; only 200 means the stemcell"
        + " was stored (as for om)", "status " + response.statusCode());
  }
}
