package io.pksorchestrator.operations;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule for approval tasks ({@link FourEyesRule}): the user named in {@code requestedBy} cannot complete the
 * approval of their own request. Attach as a {@code complete} task listener
 * ({@code delegateExpression="${fourEyesTaskListener}"}). The refusal is an {@link AuthorizationException} and the
 * completion's transaction is rolled back, so the task stays open; the engine wraps a listener's exception
 * (ENGINE-03051), which is why {@link FourEyesCheck} refuses such completions over HTTP before they reach the engine.
 * Completions without an authenticated user (engine internal) are not restricted.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth == null) {
      return;
    }
    FourEyesRule.refusal(auth.getUserId(), task.getVariable(OperationVariables.REQUESTED_BY), task.getName())
        .ifPresent(message -> {
          throw new AuthorizationException(message);
        });
  }
}
