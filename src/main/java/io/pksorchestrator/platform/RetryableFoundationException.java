package io.pksorchestrator.platform;

/** Transient failure (5xx, 429, timeout, connection error): the engine's job retries handle it. */
public class RetryableFoundationException extends FoundationException {

  public RetryableFoundationException(String foundation, int status, String message, Throwable cause) {
    super(foundation, status, message, cause);
  }
}
