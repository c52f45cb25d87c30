package io.pksorchestrator.ticketing;

import io.pksorchestrator.operations.OperatorGroups;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The caller of the ticketing API as the platform's security filter authenticated it
 * ({@link IdentityService#getCurrentAuthentication()}); that filter also applies the API's one access rule (which
 * groups may read, which may request), so controllers only need the caller's identity and whether it sees every
 * operation or its own.
 */
@Component
public class TicketingAccess {

  /** Who is calling, with their groups. */
  public record Caller(String userId, Set<String> groups) {

    boolean in(String... anyOf) {
      for (String g : anyOf) {
        if (groups.contains(g)) {
          return true;
        }
      }
      return false;
    }

    /** Operators and admins see every operation; others only their own. */
    public boolean seesAll() {
      return in(OperatorGroups.OPERATORS, OperatorGroups.ADMINS, OperatorGroups.LEADS);
    }
  }

  private final IdentityService identityService;

  public TicketingAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The caller, or 401 when the request is not authenticated. */
  public Caller caller() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized",
          "Authenticate with HTTP Basic as a Camunda user.", null);
    }
    Set<String> groups = new HashSet<>();
    if (auth.getGroupIds() != null) {
      groups.addAll(auth.getGroupIds());
    }
    if (groups.isEmpty()) {
      groups.addAll(asSystem(() -> identityService.createGroupQuery().groupMember(auth.getUserId()).list())
          .stream().map(Group::getId).toList());
    }
    return new Caller(auth.getUserId(), groups);
  }

  /**
   * Runs engine reads without the engine's per-instance authorisation checks, after this API has authorised the
   * caller itself; the caller's authentication is restored afterwards.
   */
  public <T> T asSystem(Supplier<T> work) {
    Authentication saved = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (saved != null) {
        identityService.setAuthentication(saved);
      }
    }
  }
}
