package io.pksorchestrator.operations;

/**
 * Variable names and element-id conventions shared by the three operations processes (cluster creation,
 * predictive resize, stemcell upgrade), so that the ticketing API, Tasklist filters and callbacks can treat
 * them alike.
 */
public final class OperationVariables {

  /** Who asked for the operation (user id or ticketing client); the four-eyes rule compares against it. */
  public static final String REQUESTED_BY = "requestedBy";
  /** Ticket id of the requesting ticketing system; optional. */
  public static final String TICKET_ID = "ticketId";
  /** Foundation name. */
  public static final String FOUNDATION = "foundation";
  /** The cluster the operation creates or changes (an upgrade of several clusters has none). */
  public static final String CLUSTER_NAME = "clusterName";
  /** Why the request was rejected before anyone was asked to approve it. */
  public static final String REJECTION_REASONS = "rejectionReasons";
  /**
   * The operator's choice on every approval gate of every process (String, {@link OperatorDecision#APPROVE} or
   * {@link OperatorDecision#REJECT}); required, checked by {@link OperatorDecision} when the task completes.
   */
  public static final String DECISION = "decision";
  /** Free-text comment of the decision; required when rejecting. */
  public static final String DECISION_COMMENT = "decisionComment";
  /** End result of the operation, one of {@link OperationOutcome}'s values. */
  public static final String OUTCOME = "outcome";
  /** One line a ticketing system can show about the outcome. */
  public static final String OUTCOME_MESSAGE = "outcomeMessage";

  /** User tasks whose id starts with this prefix are approval gates (four eyes apply). */
  public static final String APPROVAL_TASK_PREFIX = "Task_Approve";
  /** User tasks whose id starts with this prefix ask an operator to resolve a failure. */
  public static final String RESOLVE_TASK_PREFIX = "Task_Resolve";

  private OperationVariables() {}
}
