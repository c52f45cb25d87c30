package io.pksorchestrator.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.pksorchestrator.operations.OperatorGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The group authorizations the orchestrator needs, created idempotently at start-up: a grant that exists for the
 * group and resource is extended by missing permissions, never duplicated. Nothing else is granted, so the operator
 * cannot deploy and the ticketing client sees no tasks and no webapp. Ticketing starts operations only through
 * {@code /api/v1} (the product starts the process as itself and records the ticketing user as the requester): its
 * earlier grants to start them directly over {@code /engine-rest} are revoked at every start.
 */
final class AccessPolicy {

  /** Process definition keys of the operations processes operators work on. */
  static final List<String> OPERATIONS_PROCESSES = List.of("ClusterCreationProcess", "PredictiveResizeProcess",
      "StemcellUpgradeProcess", "ForecastScalingProcess");
  /** Process definition keys a ticketing system may request through {@code /api/v1} (and read). */
  static final List<String> TICKETING_PROCESSES = List.of("ClusterCreationProcess", "PredictiveResizeProcess",
      "StemcellUpgradeProcess");

  private final AuthorizationService authorizations;

  AccessPolicy(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  void apply() {
    for (Resources resource : Resources.values()) {
      grant(OperatorGroups.ADMINS, resource, "*", Permissions.ALL);
    }
    for (String group : List.of(OperatorGroups.OPERATORS, OperatorGroups.LEADS)) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(group, Resources.FILTER, "*", Permissions.READ);
      for (String key : OPERATIONS_PROCESSES) {
        grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
            ProcessDefinitionPermissions.TASK_WORK);
      }
    }
    revoke(OperatorGroups.TICKETING, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
    for (String key : TICKETING_PROCESSES) {
      grant(OperatorGroups.TICKETING, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      revoke(OperatorGroups.TICKETING, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
  }

  /** Removes permissions from an existing grant (deleting it when none is left); no grant, nothing to do. */
  private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission p : permissions) {
      if (existing.isPermissionGranted(p)) {
        existing.removePermission(p);
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    Permission[] all = resource == Resources.PROCESS_INSTANCE ? ProcessInstancePermissions.values()
        : ProcessDefinitionPermissions.values();
    if (java.util.Arrays.stream(existing.getPermissions(all)).allMatch(p -> p.getValue() == 0)) {
      authorizations.deleteAuthorization(existing.getId());
    } else {
      authorizations.saveAuthorization(existing);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
    Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    boolean changed = existing == null;
    auth.setGroupId(groupId);
    auth.setResource(resource); // before the permission checks, which validate permissions against the type
    auth.setResourceId(resourceId);
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}
