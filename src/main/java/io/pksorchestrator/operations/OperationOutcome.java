package io.pksorchestrator.operations;

/**
 * Values of the {@code outcome} variable, shared by all operations processes, with the coarse state a ticketing
 * system sees.
 */
public enum OperationOutcome {
  CREATED("created", State.SUCCEEDED),
  RESIZED("resized", State.SUCCEEDED),
  UPGRADED("upgraded", State.SUCCEEDED),
  /** Upgrade finished, but some non-canary clusters failed. */
  COMPLETED_WITH_FAILURES("completed-with-failures", State.FAILED),
  /** Validation or pre-checks refused the request before any approval. */
  REJECTED("rejected", State.REJECTED),
  NOT_APPROVED("not-approved", State.REJECTED),
  APPROVAL_EXPIRED("approval-expired", State.REJECTED),
  /** The proposal no longer matched the cluster when it was about to be applied; nothing was changed. */
  STALE("stale", State.REJECTED),
  /**
   * Another operation held the cluster longer than {@code pkso.operations.lease-wait} and an operator stopped waiting;
   * nothing was changed.
   */
  CLUSTER_BUSY("cluster-busy", State.REJECTED),
  ABORTED("aborted", State.FAILED),
  FAILED("failed", State.FAILED);

  /** Coarse state of an ended operation. */
  public enum State { SUCCEEDED, REJECTED, FAILED }

  private final String value;
  private final State state;

  OperationOutcome(String value, State state) {
    this.value = value;
    this.state = state;
  }

  /** The value stored in the {@code outcome} variable. */
  public String value() {
    return value;
  }

  public State state() {
    return state;
  }

  /** Parses a stored {@code outcome} value. */
  public static OperationOutcome fromValue(String value) {
    for (OperationOutcome o : values()) {
      if (o.value.equals(value)) {
        return o;
      }
    }
    throw new IllegalArgumentException("Unknown outcome '" + value + "'");
  }
}
