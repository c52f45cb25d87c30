package io.pksorchestrator.platform;

/**
 * A call to a foundation component (UAA, Ops Manager, BOSH, PKS, metrics) did not succeed. The message always
 * names the foundation, the HTTP method and path, the status and a truncated response body, so that an
 * incident in Cockpit says what was attempted and what to check.
 */
public abstract class FoundationException extends RuntimeException {

  private final String foundation;
  private final int status;

  protected FoundationException(String foundation, int status, String message, Throwable cause) {
    super(message, cause);
    this.foundation = foundation;
    this.status = status;
  }

  /** The configured name of the foundation that was called. */
  public String foundation() {
    return foundation;
  }

  /** HTTP status, or 0 when no response was received (timeout, connection refused). */
  public int status() {
    return status;
  }
}
