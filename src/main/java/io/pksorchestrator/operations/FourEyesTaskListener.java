package io.pksorchestrator.operations;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule for approval tasks: the user named in {@code requestedBy} cannot complete the approval of
 * their own request. Attach as a {@code complete} task listener ({@code delegateExpression="${fourEyesTaskListener}"}).
 * The refusal is an {@link AuthorizationException}, so the REST API answers 403 with the message and the task
 * stays open (the completion's transaction is rolled back). Completions without an authenticated user (engine
 * internal) are not restricted.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Object requester = task.getVariable(OperationVariables.REQUESTED_BY);
    if (auth == null || auth.getUserId() == null || requester == null) {
      return;
    }
    if (auth.getUserId().equalsIgnoreCase(requester.toString().trim())) {
      throw new AuthorizationException("Four-eyes rule: user '" + auth.getUserId() + "' requested this operation"
          + " and cannot decide its approval '" + task.getName() + "'. Another member of "
          + OperatorGroups.OPERATORS + " must complete this task; it stays open.");
    }
  }
}
