package io.pksorchestrator.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user of the current request, as authenticated by {@link RequestAuthenticationFilter} (HTTP Basic or a Camunda
 * webapp session). Controllers use it instead of reading headers; the engine sees the same user, so authorizations
 * and {@code startUserId} apply.
 */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The authenticated user id, empty outside an authenticated request. */
  public Optional<String> id() {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).map(Authentication::getUserId);
  }

  /** The user id; throws {@link IllegalStateException} outside an authenticated request. */
  public String requireId() {
    return id().orElseThrow(() -> new IllegalStateException("No authenticated user on this request"));
  }

  /** The user's group ids (empty outside an authenticated request). */
  public List<String> groups() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null || auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds());
  }

  /** Whether the current user is a member of the given group. */
  public boolean isMemberOf(String groupId) {
    return groups().contains(groupId);
  }
}
