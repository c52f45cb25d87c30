package io.pksorchestrator.operations;

/** Camunda identity groups that the operations processes address. */
public final class OperatorGroups {

  /** Operators: work on approval and failure tasks, see instances in Cockpit. */
  public static final String OPERATORS = "platform-operators";
  /** Leads: receive escalated approvals that operators left unanswered. */
  public static final String LEADS = "platform-leads";
  /** Ticketing systems: start operations and read their own instances over REST. */
  public static final String TICKETING = "ticketing";
  /** Camunda administrators. */
  public static final String ADMINS = "camunda-admin";

  private OperatorGroups() {}
}
