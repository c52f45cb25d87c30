package io.pksorchestrator.cluster;

/**
 * A step of the cluster creation failed in a way the model has no path for: the engine retries the job and
 * finally raises an incident with this message, which says what was attempted, on which foundation and cluster,
 * and what to check. The original exception is kept as the cause.
 */
public class ClusterCreationIncident extends RuntimeException {

  private ClusterCreationIncident(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Wraps a failure.
   *
   * @param attempted what was attempted, naming the cluster and the foundation, e.g. "Creating cluster 'a' on
   *     foundation 'lab'"
   * @param check what an operator should check
   */
  public static ClusterCreationIncident of(String attempted, String check, RuntimeException e) {
    return new ClusterCreationIncident(attempted + " failed: " + e.getMessage()
        + " Check: " + check + " The step is retried by the engine; after the last retry resolve this incident"
        + " (e.g. 'Increment retries' in Cockpit) once the cause is fixed.", e);
  }
}
