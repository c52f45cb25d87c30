package io.pksorchestrator.operations;

import java.util.Optional;

/**
 * The four-eyes rule of the approval tasks, in one place: the user who requested an operation (process variable
 * {@link OperationVariables#REQUESTED_BY}) may not decide its approval. Enforced inside the engine by
 * {@link FourEyesTaskListener} (every completion path) and checked before the engine by {@link FourEyesCheck} so that
 * HTTP clients get a 403 instead of the engine's wrapped listener failure.
 */
public final class FourEyesRule {

  /** The delegate expression by which a user task declares the rule (a {@code complete} task listener). */
  public static final String LISTENER_EXPRESSION = "${fourEyesTaskListener}";

  private FourEyesRule() {}

  /**
   * The refusal message when {@code userId} may not complete the task named {@code taskName} of an operation
   * requested by {@code requester}; empty when the rule allows it (no user, no requester, or someone else).
   */
  public static Optional<String> refusal(String userId, Object requester, String taskName) {
    if (userId == null || requester == null || !userId.equalsIgnoreCase(requester.toString().trim())) {
      return Optional.empty();
    }
    return Optional.of("Four-eyes rule: user '" + userId + "' requested this operation and cannot decide its"
        + " approval '" + taskName + "'. Another member of " + OperatorGroups.OPERATORS
        + " must complete this task; it stays open.");
  }
}
