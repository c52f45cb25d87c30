package io.pksorchestrator.operations;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.springframework.stereotype.Component;

/**
 * Answers, before a completion reaches the engine, whether {@link FourEyesRule} refuses it: only for user tasks whose
 * model declares the rule ({@code complete} listener {@link FourEyesRule#LISTENER_EXPRESSION}). The listener stays
 * the guard inside the engine; this check only turns its refusal into a proper HTTP 403.
 */
@Component
public class FourEyesCheck {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  public FourEyesCheck(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      IdentityService identityService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * The refusal message if {@code userId} may not complete task {@code taskId}; empty when allowed, when the task is
   * unknown (the engine then answers as usual).
   */
  public Optional<String> refusalOfCompletion(String taskId, String userId) {
    // Read as the application, not as the request's user: the rule needs the model and the requester even where
    // the user may not read them; the answer only ever refuses this user's own request.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessDefinitionId() == null || !declaresRule(task)) {
        return Optional.empty();
      }
      // the process instance's own variable, as the engine's listener reads it (never a task-local one)
      return FourEyesRule.refusal(userId, runtimeService.getVariableLocal(task.getProcessInstanceId(),
          OperationVariables.REQUESTED_BY), task.getName());
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private boolean declaresRule(Task task) {
    var model = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId());
    if (!(model.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask userTask)) {
      return false;
    }
    ExtensionElements extensions = userTask.getExtensionElements();
    return extensions != null && extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list()
        .stream().anyMatch(l -> "complete".equals(l.getCamundaEvent())
            && FourEyesRule.LISTENER_EXPRESSION.equals(l.getCamundaDelegateExpression()));
  }
}
