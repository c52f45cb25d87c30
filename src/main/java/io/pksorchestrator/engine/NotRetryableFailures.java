package io.pksorchestrator.engine;

import io.pksorchestrator.operations.NotRetryableException;
import io.pksorchestrator.platform.FoundationNotFoundException;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.UnknownFoundationException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which job failures the product classifies as not retryable: repeating the same call with the same input cannot
 * succeed, so the retry cycle would only delay the incident by an hour. Walks the cause chain from the top; the
 * first classified exception decides:
 * <ul>
 *   <li>not retryable: {@link FoundationRejectedException} (a 4xx other than 404 and 429),
 *       {@link FoundationNotFoundException} (404), {@link UnknownFoundationException} (no such foundation configured),
 *       {@link NotRetryableException} (input the product refuses, a missing variable), and an expression that
 *       names a variable that does not exist ({@code PropertyNotFoundException} of the engine's EL);</li>
 *   <li>retryable: {@link RetryableFoundationException} (5xx, 429, timeouts, connection failures) and everything
 *       not classified (an unknown failure keeps the retry cycle).</li>
 * </ul>
 */
public final class NotRetryableFailures {

  private NotRetryableFailures() {}

  /** Whether a job that failed with {@code failure} should become an incident at once. */
  public static boolean isNotRetryable(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
      if (t instanceof RetryableFoundationException) {
        return false;
      }
      if (t instanceof FoundationRejectedException || t instanceof FoundationNotFoundException
          || t instanceof UnknownFoundationException || t instanceof NotRetryableException
          || t.getClass().getSimpleName().equals("PropertyNotFoundException")) {
        return true;
      }
    }
    return false;
  }
}
