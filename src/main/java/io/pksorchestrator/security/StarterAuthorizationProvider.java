package io.pksorchestrator.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.pksorchestrator.operations.OperatorGroups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Lets a ticketing client read the process instances it started, and only those: when a member of the group
 * {@code ticketing} starts a process instance, the engine (in the same transaction) grants that user READ on the
 * runtime instance and on its historic instance (resource {@code HISTORIC_PROCESS_INSTANCE}, which needs
 * {@code enableHistoricInstancePermissions=true}). Everything else is Camunda's default provider.
 */
public class StarterAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newProcessInstance(ProcessInstance instance) {
    Authentication auth = Context.getCommandContext() == null ? null
        : Context.getCommandContext().getAuthentication();
    if (auth == null || auth.getUserId() == null || auth.getGroupIds() == null
        || !auth.getGroupIds().contains(OperatorGroups.TICKETING)) {
      return super.newProcessInstance(instance);
    }
    AuthorizationEntity runtime = new AuthorizationEntity(AUTH_TYPE_GRANT);
    runtime.setUserId(auth.getUserId());
    runtime.setResource(Resources.PROCESS_INSTANCE);
    runtime.setResourceId(instance.getId());
    runtime.addPermission(ProcessInstancePermissions.READ);

    AuthorizationEntity history = new AuthorizationEntity(AUTH_TYPE_GRANT);
    history.setUserId(auth.getUserId());
    history.setResource(Resources.HISTORIC_PROCESS_INSTANCE);
    history.setResourceId(instance.getId());
    history.setRootProcessInstanceId(instance.getRootProcessInstanceId());
    history.addPermission(HistoricProcessInstancePermissions.READ);
    return new AuthorizationEntity[] {runtime, history};
  }
}
