package io.pksorchestrator.ticketing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Ticketing API and callback settings ({@code pkso.ticketing}).
 *
 * @param maxBodySize largest accepted request body of the ticketing API; larger bodies get 413
 * @param publicUrl base URL of this application as ticketing systems and browsers reach it (for links in callbacks)
 * @param clients ticketing clients by Camunda user id, each with its optional webhook
 * @param callbacks delivery settings of the webhook dispatcher
 */
@ConfigurationProperties("pkso.ticketing")
public record TicketingProperties(
    DataSize maxBodySize, String publicUrl, Map<String, Client> clients, Callbacks callbacks) {

  public TicketingProperties {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    clients = clients == null ? Map.of() : new LinkedHashMap<>(clients);
    callbacks = callbacks == null ? new Callbacks(null, null, null, null, null, null) : callbacks;
  }

  /** The client configured for a Camunda user id, if any. */
  public Client client(String userId) {
    return userId == null ? null : clients.get(userId);
  }

  /**
   * One ticketing client (a Camunda user in group {@code ticketing}).
   *
   * @param webhookUrl where events are POSTed; no callbacks when empty
   * @param webhookSecret HMAC-SHA256 key signing each callback body
   * @param webhookSecretFile file holding the key (a mounted secret); wins over {@code webhookSecret}
   */
  public record Client(String webhookUrl, String webhookSecret, Path webhookSecretFile) {

    /** Whether events should be sent to this client. */
    public boolean hasWebhook() {
      return webhookUrl != null && !webhookUrl.isBlank();
    }

    /** The signing key, read from the secret file when one is configured. */
    public String secret() {
      if (webhookSecretFile != null) {
        try {
          return Files.readString(webhookSecretFile).trim();
        } catch (java.io.IOException e) {
          throw new IllegalStateException("Cannot read the webhook secret file " + webhookSecretFile
              + ": " + e.getMessage() + ". Check pkso.ticketing.clients.<id>.webhook-secret-file.", e);
        }
      }
      if (webhookSecret == null || webhookSecret.isBlank()) {
        throw new IllegalStateException("No webhook secret for " + webhookUrl
            + ": set pkso.ticketing.clients.<id>.webhook-secret or webhook-secret-file.");
      }
      return webhookSecret;
    }
  }

  /**
   * Webhook delivery.
   *
   * @param dispatchInterval how often the dispatcher looks for due callbacks
   * @param initialBackoff wait after the first failed attempt; doubled after each further failure
   * @param maxBackoff longest wait between two attempts
   * @param maxAttempts attempts before a callback is given up (state {@code given-up})
   * @param timeout connect and read timeout of one attempt
   * @param batchSize most operations served per dispatcher run
   */
  public record Callbacks(
      Duration dispatchInterval, Duration initialBackoff, Duration maxBackoff, Integer maxAttempts,
      Duration timeout, Integer batchSize) {

    public Callbacks {
      dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(5) : dispatchInterval;
      initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
      maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
      maxAttempts = maxAttempts == null ? 12 : maxAttempts;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      batchSize = batchSize == null ? 50 : batchSize;
    }

    /** Wait before the next attempt after {@code failedAttempts} failures. */
    public Duration backoff(int failedAttempts) {
      long factor = 1L << Math.min(Math.max(failedAttempts - 1, 0), 20);
      Duration next = initialBackoff.multipliedBy(factor);
      return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
    }
  }
}
