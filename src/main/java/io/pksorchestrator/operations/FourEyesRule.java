package io.pksorchestrator.operations;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The four-eyes rule of the approval tasks, in one place: the user who requested an operation (process variable
 * {@link OperationVariables#REQUESTED_BY} of the process instance, recorded by the product at the start) may not
 * decide its approval, nor claim it, have it delegated or assigned to them, nor assign it; and nobody changes the
 * facts the approval rests on ({@link FourEyesFacts}). Enforced inside the engine ({@link FourEyesTaskListener},
 * {@link FourEyesVariableGuard}, {@link FourEyesRequesterRecorder}); every refusal message starts with
 * {@link #PREFIX}, by which the HTTP layer recognises it and answers 403.
 */
public final class FourEyesRule {

  /** The delegate expression by which a user task declares the rule (a {@code complete} task listener). */
  public static final String LISTENER_EXPRESSION = "${fourEyesTaskListener}";
  /** How every refusal of the rule starts. */
  public static final String PREFIX = "Four-eyes rule: ";

  private FourEyesRule() {}

  /**
   * The refusal message when {@code userId} may not complete the task named {@code taskName} of an operation
   * requested by {@code requester}; empty when the rule allows it (no user, no requester, or someone else).
   */
  public static Optional<String> refusal(String userId, Object requester, String taskName) {
    if (userId == null || !isRequester(userId, requester)) {
      return Optional.empty();
    }
    return Optional.of(PREFIX + "user '" + userId + "' requested this operation and cannot decide its"
        + " approval '" + taskName + "'. Another member of " + OperatorGroups.OPERATORS
        + " must complete this task; it stays open.");
  }

  /**
   * The refusal when {@code userId} makes {@code newAssignee} the assignee of the approval {@code taskName} of an
   * operation requested by {@code requester} (claim, delegate, set assignee): the requester may not become its
   * assignee, nor hand it to anyone.
   */
  public static Optional<String> assignmentRefusal(String userId, String newAssignee, Object requester,
      String taskName) {
    boolean toRequester = newAssignee != null && isRequester(newAssignee, requester);
    boolean byRequester = userId != null && isRequester(userId, requester);
    if (!toRequester && !byRequester) {
      return Optional.empty();
    }
    return Optional.of(PREFIX + "user '" + requester.toString().trim() + "' requested this operation: its approval '"
        + taskName + "' cannot be claimed by, delegated to or assigned to them, and they cannot assign it. Another"
        + " member of " + OperatorGroups.OPERATORS + " must take it; it stays open for them.");
  }

  /** The refusal when {@code userId} changes a protected {@code variable} of an operation. */
  public static String factRefusal(String userId, String variable, FourEyesFacts.Kind kind) {
    String why = switch (kind) {
      case DECISION -> "'" + variable + "' is an approval decision: it is set only by completing the approval task"
          + " (by someone other than the requester)";
      case TASK_OWNED -> "'" + variable + "' is a fact of this operation that only its own task may revise";
      default -> "'" + variable + "' is a fact of this operation that its approval rests on (the requester, the"
          + " request and what the approver is shown)";
    };
    return PREFIX + why + "; user '" + userId + "' cannot change it through any API. Start a new request instead.";
  }

  /** The refusal when {@code userId} starts an operation naming {@code named} as its requester. */
  public static String requesterRefusal(String userId, Object named) {
    return PREFIX + "the requester of an operation is the user who starts it ('" + userId + "'); '" + named
        + "' cannot be named instead. Leave " + OperationVariables.REQUESTED_BY + " out, or let that user start it.";
  }

  /** The requester of the operation an execution belongs to: the process instance's own variable. */
  public static Object requesterOf(DelegateExecution execution) {
    return execution == null || execution.getProcessInstance() == null ? null
        : execution.getProcessInstance().getVariableLocal(OperationVariables.REQUESTED_BY);
  }

  private static boolean isRequester(String userId, Object requester) {
    return requester != null && userId.equalsIgnoreCase(requester.toString().trim());
  }
}
