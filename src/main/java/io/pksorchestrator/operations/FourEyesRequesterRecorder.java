package io.pksorchestrator.operations;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the requester when a process instance starts (a built-in start listener of every process, added by
 * {@link FourEyesParseListener}, so no model and no {@code skipCustomListeners} can leave it out). When a user starts
 * the instance (REST, Tasklist, Java API with an authenticated user), that user is the requester: an absent or blank
 * {@code requestedBy} is set to them, any other name is refused. When the product starts it as itself (the ticketing
 * API, the forecasting timer), the {@code requestedBy} that the product passed stays: for {@code /api/v1} it is the
 * authenticated ticketing user. From then on {@link FourEyesVariableGuard} keeps it unchanged.
 */
final class FourEyesRequesterRecorder implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(FourEyesRequesterRecorder.class);

  @Override
  public void notify(DelegateExecution execution) {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    if (user == null || !execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Object named = execution.getVariableLocal(OperationVariables.REQUESTED_BY);
    if (named == null || named.toString().isBlank()) {
      execution.setVariableLocal(OperationVariables.REQUESTED_BY, user);
    } else if (!user.equals(named.toString().trim())) {
      LOG.warn("PKSO-SEC023 Refused the start of a {} instance by user '{}' naming another requester",
          execution.getProcessDefinitionId(), user);
      throw new AuthorizationException(FourEyesRule.requesterRefusal(user, named));
    }
  }
}
