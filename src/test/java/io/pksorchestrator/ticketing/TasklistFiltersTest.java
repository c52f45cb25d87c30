package io.pksorchestrator.ticketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.operations.OperatorGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TasklistFiltersTest extends TicketingApiTestBase {

  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService taskService;

  @Test
  void filtersExistOnceEvenAfterARestartAndOperatorsMayReadThem() {
    filters.ensureFilters();
    for (String name : List.of(TasklistFilters.OPEN_APPROVALS, TasklistFilters.OVERDUE_APPROVALS,
        TasklistFilters.FAILED_OPERATIONS, TasklistFilters.OPERATOR_DECISIONS)) {
      List<Filter> found = filterService.createFilterQuery().filterName(name).list();
      assertThat(found).as(name).hasSize(1);
      assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
          .resourceId(found.get(0).getId()).groupIdIn(OperatorGroups.OPERATORS)
          .hasPermission(Permissions.READ).count()).as(name).isEqualTo(1);
    }
  }

  @Test
  void approvalsAndOverdueFiltersSelectTheRightTasksForTheOperator() {
    post("/api/v1/cluster-requests", "ticketing", clusterJson("filter-me", "CHG-FILTER"), Map.of());
    Filter mine = filterService.createFilterQuery().filterName(TasklistFilters.OPEN_APPROVALS).singleResult();
    Filter overdue = filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE_APPROVALS).singleResult();
    String processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CHG-FILTER")
        .singleResult().getId();
    identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
    try {
      List<Task> forMe = filterService.list(mine.getId());
      assertThat(forMe).extracting(Task::getTaskDefinitionKey).contains("Task_ApproveClusterCreation");
      assertThat(forMe).allSatisfy(t -> assertThat(t.getTaskDefinitionKey()).startsWith("Task_Approve"));
      assertThat(filterService.<Task>list(overdue.getId())).extracting(Task::getProcessInstanceId)
          .doesNotContain(processInstance);
      // past its due date the process escalates the approval: platform-leads become candidates (as
      // cluster.EscalateApprovalDelegate does); that fact, not an expression such as ${now()}, makes it overdue
      Task approval = forMe.stream().filter(t -> processInstance.equals(t.getProcessInstanceId())).findFirst()
          .orElseThrow();
      identityService.clearAuthentication();
      taskService.addCandidateGroup(approval.getId(), OperatorGroups.LEADS);
      identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
      assertThat(filterService.<Task>list(overdue.getId())).extracting(Task::getProcessInstanceId)
          .contains(processInstance);
      // a claimed approval stays in both lists
      identityService.clearAuthentication();
      taskService.claim(approval.getId(), "someone-else");
      identityService.setAuthentication("operator", List.of(OperatorGroups.OPERATORS));
      assertThat(filterService.<Task>list(mine.getId())).extracting(Task::getId).contains(approval.getId());
      assertThat(filterService.<Task>list(overdue.getId())).extracting(Task::getId).contains(approval.getId());
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Issue 13: a closed maintenance window or a lease conflict is a decision, not a failed operation. */
  @Test
  void failedOperationsListFailuresOnlyAndDecisionsHaveTheirOwnFilter() {
    filters.ensureFilters();
    org.camunda.bpm.engine.impl.TaskQueryImpl failed = filterService.createFilterQuery()
        .filterName(TasklistFilters.FAILED_OPERATIONS).singleResult().getQuery();
    assertThat(failed.getKeys()).containsExactlyInAnyOrder("Task_ResolveClusterCreationFailure",
        "Task_ResolveInstallationFailure", "Task_ResolveCanaryFailure");
    assertThat(failed.getKeyLike()).isNull();
    org.camunda.bpm.engine.impl.TaskQueryImpl decisions = filterService.createFilterQuery()
        .filterName(TasklistFilters.OPERATOR_DECISIONS).singleResult().getQuery();
    assertThat(decisions.getKeys()).containsExactlyInAnyOrder("Task_ResolveLeaseConflict",
        "Task_ResolveMaintenanceWindowClosed");
  }

  @Test
  void filtersOfEarlierVersionsAreRetiredAndNoneHoldsAnExpression() {
    Filter retired = filterService.newTaskFilter(TasklistFilters.RETIRED.get(0))
        .setQuery(taskService.createTaskQuery());
    filterService.saveFilter(retired);
    filters.ensureFilters();
    assertThat(filterService.getFilter(retired.getId())).isNull();
    for (Filter f : filterService.createFilterQuery().list()) {
      org.camunda.bpm.engine.impl.TaskQueryImpl query = f.getQuery();
      assertThat(query.getExpressions()).as(f.getName()).isEmpty();
      assertThat(query.getQueries()).as(f.getName()).allSatisfy(q -> assertThat(q.getExpressions()).isEmpty());
    }
  }
}
