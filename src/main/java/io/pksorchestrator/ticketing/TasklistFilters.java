package io.pksorchestrator.ticketing;

import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.operations.ClusterLeaseModel;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.operations.OperatorGroups;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess;
import org.springframework.stereotype.Component;

/**
 * Creates (or brings up to date) the operators' Tasklist filters at start-up, readable by platform-operators
 * and platform-leads. Their queries hold no expressions: the engine refuses every query with one (CVE-2026-109432,
 * docs/security.md), so "overdue" is the fact the process records when an approval passes its due date (the
 * escalation adds platform-leads as candidates) instead of {@code dueBefore ${now()}}, and the open approvals are
 * listed claimed or not instead of by {@code ${currentUser()}}. Filters of earlier versions by a retired name are
 * removed.
 */
@Component
public class TasklistFilters {

  public static final String OPEN_APPROVALS = "Open approvals";
  public static final String OVERDUE_APPROVALS = "Overdue approvals";
  public static final String FAILED_OPERATIONS = "Failed operations";
  public static final String OPERATOR_DECISIONS = "Waiting for an operator";
  /** Resolve tasks that follow a failure. */
  static final List<String> FAILURE_TASKS = List.of(ClusterCreationProcess.Elements.RESOLVE,
      StemcellUpgradeProcess.Elements.RESOLVE_INSTALLATION, StemcellUpgradeProcess.Elements.RESOLVE_CANARY);
  /** Resolve tasks that are decisions, not failures (a lease wait that timed out, a closed maintenance window). */
  static final List<String> DECISION_TASKS = List.of(ClusterLeaseModel.TASK_RESOLVE,
      StemcellUpgradeProcess.Elements.RESOLVE_WINDOW_CLOSED);
  /** Names of earlier versions' filters (their queries held expressions, which the engine now refuses to run). */
  static final List<String> RETIRED = List.of("Approvals waiting for me");
  private static final String APPROVAL_LIKE = OperationVariables.APPROVAL_TASK_PREFIX + "%";
  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void ensureFilters() {
    for (String retired : RETIRED) {
      filterService.createFilterQuery().filterName(retired).list().forEach(f -> filterService.deleteFilter(f.getId()));
    }
    ensure(OPEN_APPROVALS, -10, "#1f6feb", "Approvals for platform-operators, claimed or not (the card shows who"
        + " claimed one), the earliest due first", taskService.createTaskQuery().taskDefinitionKeyLike(APPROVAL_LIKE)
        .taskCandidateGroup(OperatorGroups.OPERATORS).includeAssignedTasks().orderByDueDate().asc());
    ensure(OVERDUE_APPROVALS, -9, "#d1242f", "Approvals past their due date: escalated to platform-leads",
        taskService.createTaskQuery().taskDefinitionKeyLike(APPROVAL_LIKE).taskCandidateGroup(OperatorGroups.LEADS)
            .includeAssignedTasks().orderByDueDate().asc());
    ensure(FAILED_OPERATIONS, -8, "#bf8700", "Operations that failed and wait for an operator's decision",
        taskService.createTaskQuery().taskDefinitionKeyIn(FAILURE_TASKS.toArray(String[]::new))
            .orderByTaskCreateTime().asc());
    ensure(OPERATOR_DECISIONS, -7, "#8250df", "Operations that did not fail but wait for an operator: a cluster held"
        + " by another operation for too long, a maintenance window that closed",
        taskService.createTaskQuery().taskDefinitionKeyIn(DECISION_TASKS.toArray(String[]::new))
            .orderByTaskCreateTime().asc());
  }

  private void ensure(String name, int priority, String color, String description, TaskQuery query) {
    List<Filter> existing = filterService.createFilterQuery().filterName(name).list();
    Filter filter = existing.isEmpty() ? filterService.newTaskFilter(name) : existing.get(0);
    filter.setQuery(query);
    filter.setProperties(properties(priority, color, description));
    filterService.saveFilter(filter);
    removeDuplicates(name);
    Filter kept = filterService.createFilterQuery().filterName(name).singleResult();
    for (String group : List.of(OperatorGroups.OPERATORS, OperatorGroups.LEADS)) {
      grantRead(kept.getId(), group);
    }
    LOG.info("PKSO-TKT-010 Tasklist filter '{}' ready ({})", name, existing.isEmpty() ? "created" : "updated");
  }

  /** Two nodes starting at once may both create a filter; all keep the one with the smallest id. */
  private void removeDuplicates(String name) {
    List<Filter> all = filterService.createFilterQuery().filterName(name).list().stream()
        .sorted(Comparator.comparing(Filter::getId)).toList();
    all.stream().skip(1).forEach(f -> filterService.deleteFilter(f.getId()));
  }

  private void grantRead(String filterId, String group) {
    boolean granted = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).groupIdIn(group).count() > 0;
    if (!granted) {
      Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(Resources.FILTER);
      auth.setResourceId(filterId);
      auth.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(auth);
    }
  }

  private static Map<String, Object> properties(int priority, String color, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    // Tasklist's task cards show the first two variables without expanding: cluster and foundation tell the
    // approvals apart at a glance; ticket and requester follow.
    properties.put("variables", List.of(
        Map.of("name", OperationVariables.CLUSTER_NAME, "label", "Cluster"),
        Map.of("name", OperationVariables.FOUNDATION, "label", "Foundation"),
        Map.of("name", OperationVariables.TICKET_ID, "label", "Ticket"),
        Map.of("name", OperationVariables.REQUESTED_BY, "label", "Requested by")));
    return properties;
  }
}
