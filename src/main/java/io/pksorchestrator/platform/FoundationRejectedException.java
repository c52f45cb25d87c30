package io.pksorchestrator.platform;

/**
 * The foundation refused the request (4xx other than 404 and 429): retrying the same request will not help.
 * {@link #detail()} carries the foundation's own explanation taken from the response body.
 */
public class FoundationRejectedException extends FoundationException {

  private final String detail;

  public FoundationRejectedException(String foundation, int status, String message, String detail) {
    super(foundation, status, message, null);
    this.detail = detail;
  }

  /** The foundation's own message, extracted from its error body; may be empty. */
  public String detail() {
    return detail;
  }
}
