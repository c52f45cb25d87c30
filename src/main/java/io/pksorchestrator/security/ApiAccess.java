package io.pksorchestrator.security;

import io.pksorchestrator.operations.OperatorGroups;
import java.util.Collection;
import java.util.List;

/**
 * The one access rule of the orchestrator's REST API {@code /api/v1} (every controller under it, present and
 * future): reading ({@code GET}, {@code HEAD}) is for operators, leads, admins and ticketing clients (a ticketing
 * client then sees only its own operations); everything else (requesting operations) for ticketing clients and
 * admins. Applied by {@link RequestAuthenticationFilter} after authentication, before any controller runs.
 */
final class ApiAccess {

  /** Path prefix of the API. */
  static final String PREFIX = "/api/v1";
  /** Groups that may read. */
  static final List<String> READERS = List.of(OperatorGroups.OPERATORS, OperatorGroups.LEADS, OperatorGroups.ADMINS,
      OperatorGroups.TICKETING);
  /** Groups that may request operations. */
  static final List<String> REQUESTERS = List.of(OperatorGroups.TICKETING, OperatorGroups.ADMINS);

  private ApiAccess() {}

  static boolean covers(String path) {
    return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
  }

  /** Why the user may not make this request, or {@code null} when they may. */
  static String refusal(String method, String userId, Collection<String> groups) {
    boolean reading = "GET".equals(method) || "HEAD".equals(method);
    List<String> allowed = reading ? READERS : REQUESTERS;
    if (groups.stream().anyMatch(allowed::contains)) {
      return null;
    }
    return "User '" + userId + "' may not " + (reading ? "read operations" : "request operations")
        + ": only members of " + (reading ? List.of(OperatorGroups.OPERATORS, OperatorGroups.LEADS,
        OperatorGroups.TICKETING, OperatorGroups.ADMINS) : REQUESTERS) + " may.";
  }
}
