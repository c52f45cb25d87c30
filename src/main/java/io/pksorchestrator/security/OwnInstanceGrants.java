package io.pksorchestrator.security;

import io.pksorchestrator.operations.OperatorGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Lets a ticketing client read the operations the product started on its behalf (and only those): READ on the
 * runtime and on the historic process instance, the same grants {@link StarterAuthorizationProvider} gives a
 * ticketing member who starts an instance itself. Called by the ticketing API inside the transaction that starts the
 * process, with the engine's authentication cleared (the product acts as itself).
 */
@Component
public class OwnInstanceGrants {

  private final AuthorizationService authorizations;

  public OwnInstanceGrants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Grants READ on the instance to the requesting user when they are a ticketing client. */
  public void grantToRequester(Authentication requester, String processInstanceId) {
    if (requester == null || requester.getUserId() == null || requester.getGroupIds() == null
        || !requester.getGroupIds().contains(OperatorGroups.TICKETING)) {
      return;
    }
    Authorization runtime = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    runtime.setUserId(requester.getUserId());
    runtime.setResource(Resources.PROCESS_INSTANCE);
    runtime.setResourceId(processInstanceId);
    runtime.addPermission(ProcessInstancePermissions.READ);
    authorizations.saveAuthorization(runtime);
    Authorization history = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    history.setUserId(requester.getUserId());
    history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    history.setResourceId(processInstanceId);
    history.addPermission(HistoricProcessInstancePermissions.READ);
    authorizations.saveAuthorization(history);
  }
}
