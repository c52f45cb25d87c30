package io.pksorchestrator.operations;

import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule for approval tasks ({@link FourEyesRule}). Declared by a task as its {@code complete} listener
 * ({@code delegateExpression="${fourEyesTaskListener}"}): the requester cannot complete the approval of their own
 * request. {@link FourEyesParseListener} adds it to the same tasks for {@code assignment} as well: the requester
 * cannot claim the approval, be delegated or assigned it, nor assign it. The requester is read from the process
 * instance (a task-local variable cannot stand in for it). The refusal is an {@link AuthorizationException} and the
 * transaction is rolled back, so the task stays as it was; the engine wraps a listener's exception (ENGINE-03051),
 * which the HTTP layer turns back into a 403 ({@code security.FourEyesRequestFilter}). Changes without an
 * authenticated user (the engine's own) are not restricted.
 */
@Component("fourEyesTaskListener")
public class FourEyesTaskListener implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(FourEyesTaskListener.class);

  @Override
  public void notify(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return;
    }
    Object requester = FourEyesRule.requesterOf(task.getExecution());
    Optional<String> refusal = EVENTNAME_ASSIGNMENT.equals(task.getEventName())
        ? FourEyesRule.assignmentRefusal(auth.getUserId(), task.getAssignee(), requester, task.getName())
        : FourEyesRule.refusal(auth.getUserId(), requester, task.getName());
    if (refusal.isPresent()) {
      LOG.warn("PKSO-SEC022 Refused {} of task {} ('{}') by user '{}' (four-eyes rule)", task.getEventName(),
          task.getId(), task.getName(), auth.getUserId());
      throw new AuthorizationException(refusal.get());
    }
  }
}
