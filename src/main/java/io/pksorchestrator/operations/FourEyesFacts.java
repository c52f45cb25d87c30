package io.pksorchestrator.operations;

import java.util.Map;
import java.util.Set;

/**
 * The facts the four-eyes rule rests on, per process, in one place: variables that no user may change through any
 * API once an operation is started ({@link FourEyesVariableGuard} refuses it inside the engine). The engine itself
 * (job executor, delegates, listeners: the process's own logic) and the product acting as itself still write them.
 *
 * <ul>
 *   <li>{@link Kind#FACT}: the requester (every process) and the request with what the approval is shown
 *       (per process); nobody changes them after the start.
 *   <li>{@link Kind#DECISION}: an approval decision; written only by completing an approval gate
 *       ({@link OperationVariables#APPROVAL_TASK_PREFIX}) of the same operation, never before.
 *   <li>{@link Kind#TASK_OWNED}: a fact that one named user task may revise (its form asks for it), nobody else.
 * </ul>
 * Names are the processes' variable names (their constants classes; {@code FourEyesFactsTest} checks that each
 * name listed here exists there).
 */
public final class FourEyesFacts {

  /** How a variable is protected. */
  public enum Kind { NONE, FACT, DECISION, TASK_OWNED }

  /** Facts of every process. */
  static final Set<String> COMMON = Set.of(OperationVariables.REQUESTED_BY);
  /** Approval decisions, in every process. */
  static final Set<String> DECISIONS = Set.of(OperationVariables.DECISION, OperationVariables.DECISION_COMMENT);
  /** Facts per process key: the request, and what the approver is shown. */
  static final Map<String, Set<String>> FACTS = Map.of(
      "ClusterCreationProcess", Set.of(OperationVariables.FOUNDATION, OperationVariables.TICKET_ID, "clusterName",
          "planName", "workerCount", "externalHostname", "requestValid", "expectedWorkerCount", "planDescription",
          "planWorkerInstances", "planMasterInstances", "planMaxWorkerInstances"),
      "PredictiveResizeProcess", Set.of(OperationVariables.FOUNDATION, OperationVariables.TICKET_ID, "clusterName",
          "currentWorkers", "proposedWorkers", "reason", "trigger", "proposedAt", "forecastUpperCores", "planName",
          "productionCluster", "direction", "workerDelta", "approvalRequired", "approvalDue"),
      "StemcellUpgradeProcess", Set.of(OperationVariables.FOUNDATION, OperationVariables.TICKET_ID,
          "stemcellVersion", "stemcellOs", "stemcellSource", "stemcellSourceResolved", "clusters", "canaries",
          "maxInFlight", "preChecksPassed", "approvalSummary", "upgradeState", "maintenanceWindowStart",
          "maintenanceWindowEnd"));
  /** Per process key: variable -> the user task (definition key) whose completion may revise it. */
  static final Map<String, Map<String, String>> TASK_OWNED = Map.of(
      "StemcellUpgradeProcess", Map.of(
          "nextWindowStart", "Task_ResolveMaintenanceWindowClosed",
          "nextWindowEnd", "Task_ResolveMaintenanceWindowClosed"));

  private FourEyesFacts() {}

  /** How {@code variable} of an instance of {@code processKey} is protected. */
  public static Kind kind(String processKey, String variable) {
    if (COMMON.contains(variable) || FACTS.getOrDefault(processKey, Set.of()).contains(variable)) {
      return Kind.FACT;
    }
    if (DECISIONS.contains(variable)) {
      return Kind.DECISION;
    }
    if (TASK_OWNED.getOrDefault(processKey, Map.of()).containsKey(variable)) {
      return Kind.TASK_OWNED;
    }
    return Kind.NONE;
  }

  /** Whether completing a task with definition key {@code taskKey} may write {@code variable}. */
  public static boolean writtenByCompleting(String processKey, String taskKey, String variable) {
    return switch (kind(processKey, variable)) {
      case DECISION -> taskKey != null && taskKey.startsWith(OperationVariables.APPROVAL_TASK_PREFIX);
      case TASK_OWNED -> taskKey != null && taskKey.equals(TASK_OWNED.get(processKey).get(variable));
      case FACT -> false;
      case NONE -> true;
    };
  }
}
