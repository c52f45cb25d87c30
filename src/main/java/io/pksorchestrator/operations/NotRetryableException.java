package io.pksorchestrator.operations;

/**
 * A failure that the product itself classifies as not worth retrying unchanged: invalid input, a missing variable,
 * a source the policy refuses. The engine's retry hook ({@code engine.NotRetryableFailuresPlugin}) turns a job that
 * fails with it (anywhere in the cause chain) into an incident at once, without using up the retry cycle; the
 * message says what is wrong and what to do.
 */
public class NotRetryableException extends RuntimeException {

  public NotRetryableException(String message) {
    super(message);
  }

  public NotRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
