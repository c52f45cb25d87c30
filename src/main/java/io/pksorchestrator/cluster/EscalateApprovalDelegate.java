package io.pksorchestrator.cluster;

import io.pksorchestrator.operations.OperatorGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalates an unanswered approval: adds {@code platform-leads} as candidates of the still open approval task
 * (operators keep it too) and raises its priority. Idempotent: adding a group twice has no further effect.
 */
@Component("escalateClusterApprovalDelegate")
public class EscalateApprovalDelegate implements JavaDelegate {

  /** Priority of an escalated approval (Camunda's default is 50). */
  static final int ESCALATED_PRIORITY = 80;

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ClusterCreationProcess.Elements.APPROVE)
        .list()) {
      tasks.addCandidateGroup(task.getId(), OperatorGroups.LEADS);
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
  }
}
