package io.pksorchestrator.ticketing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: every {@code dispatch-interval} it POSTs the oldest pending callback of each operation to
 * its client's webhook, signed ({@link WebhookSigner}). A failure (no 2xx, timeout) is retried with exponential
 * backoff; the operation's later events wait, so one operation's events arrive in order. After
 * {@code max-attempts} a callback is given up and the next one goes. Safe on several nodes: each attempt first
 * claims its row.
 */
@Component
public class CallbackDispatcher implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
  /** Events of one operation sent back-to-back in one run before moving on. */
  private static final int EVENTS_PER_OPERATION_PER_RUN = 10;

  private final TicketingProperties properties;
  private final CallbackOutbox outbox;
  private final HttpClient http;

  public CallbackDispatcher(TicketingProperties properties, CallbackOutbox outbox) {
    this.properties = properties;
    this.outbox = outbox;
    this.http = HttpClient.newBuilder().connectTimeout(properties.callbacks().timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::dispatchSafely, properties.callbacks().dispatchInterval());
  }

  private void dispatchSafely() {
    try {
      dispatch();
    } catch (RuntimeException e) {
      LOG.warn("PKSO-TKT-001 Callback dispatch run failed, next run in {}: {}",
          properties.callbacks().dispatchInterval(), e.toString());
    }
  }

  /** One dispatcher run; returns the number of callbacks delivered. */
  public int dispatch() {
    int delivered = 0;
    for (CallbackOutbox.Callback head : outbox.dueHeads(Instant.now(), properties.callbacks().batchSize())) {
      CallbackOutbox.Callback next = head;
      for (int i = 0; next != null && i < EVENTS_PER_OPERATION_PER_RUN; i++) {
        if (!attempt(next)) {
          break;
        }
        delivered++;
        next = outbox.dueHeads(Instant.now(), properties.callbacks().batchSize()).stream()
            .filter(c -> c.operationId().equals(head.operationId())).findFirst().orElse(null);
      }
    }
    return delivered;
  }

  private boolean attempt(CallbackOutbox.Callback callback) {
    Instant now = Instant.now();
    if (!outbox.claim(callback.id(), now, now.plus(properties.callbacks().timeout().multipliedBy(3)))) {
      return false;
    }
    TicketingProperties.Client client = properties.client(callback.clientId());
    if (client == null || !client.hasWebhook()) {
      outbox.failed(callback.id(), null, "No webhook configured for client '" + callback.clientId() + "' any more",
          now, now, true);
      return false;
    }
    Integer status = null;
    String error;
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(client.webhookUrl()))
          .timeout(properties.callbacks().timeout())
          .header("Content-Type", "application/json")
          .header(WebhookSigner.EVENT_ID_HEADER, callback.eventId())
          .header(WebhookSigner.EVENT_HEADER, callback.eventType())
          .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(now.getEpochSecond()))
          .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.signature(client.secret(), callback.payload()))
          .POST(HttpRequest.BodyPublishers.ofString(callback.payload()))
          .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status / 100 == 2) {
        outbox.delivered(callback.id(), status, Instant.now());
        return true;
      }
      error = "HTTP " + status;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    int attempts = callback.attempts() + 1;
    boolean giveUp = attempts >= properties.callbacks().maxAttempts();
    Instant next = Instant.now().plus(properties.callbacks().backoff(attempts));
    outbox.failed(callback.id(), status, error, Instant.now(), next, giveUp);
    LOG.warn("PKSO-TKT-002 Callback {} ({}) of operation {} to {} failed (attempt {}): {}; {}", callback.eventId(),
        callback.eventType(), callback.operationId(), client.webhookUrl(), attempts, error,
        giveUp ? "given up" : "next attempt at " + next);
    return false;
  }
}
