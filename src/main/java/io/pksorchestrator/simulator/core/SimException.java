package io.pksorchestrator.simulator.core;

/**
 * A simulated API refusing a request: the HTTP status and the JSON body the real component would send.
 * The body shape differs per component (UAA, Ops Manager, BOSH, PKS), so the thrower builds it.
 */
public final class SimException extends RuntimeException {

  private final int status;
  private final transient Object body;

  public SimException(int status, Object body, String message) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /** HTTP status to answer. */
  public int status() {
    return status;
  }

  /** JSON-serialisable body to answer. */
  public Object body() {
    return body;
  }
}
