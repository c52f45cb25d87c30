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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TasklistFiltersTest extends TicketingApiTestBase {

  @Autowired FilterService filterService;
  @Autowired TasklistFilters filters;
  @Autowired AuthorizationService authorizations;

  @Test
  void filtersExistOnceEvenAfterARestartAndOperatorsMayReadThem() {
    filters.ensureFilters();
    for (String name : List.of(TasklistFilters.APPROVALS_FOR_ME, TasklistFilters.OVERDUE_APPROVALS,
        TasklistFilters.FAILED_OPERATIONS)) {
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
    Filter mine = filterService.createFilterQuery().filterName(TasklistFilters.APPROVALS_FOR_ME).singleResult();
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
      ClockUtil.offset(5L * 60 * 60 * 1000);
      assertThat(filterService.<Task>list(overdue.getId())).extracting(Task::getProcessInstanceId)
          .contains(processInstance);
    } finally {
      ClockUtil.reset();
      identityService.clearAuthentication();
    }
  }
}
