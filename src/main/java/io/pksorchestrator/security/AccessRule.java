package io.pksorchestrator.security;

/**
 * What {@link RequestAuthenticationFilter} demands for a path. Decided by {@link #forPath(String)}; the
 * webapps under {@code /camunda/} have their own session login and CSRF protection and are left to them.
 */
enum AccessRule {
  /** Not ours to guard (webapps with their own login, the error page). */
  PASS,
  /** Anonymous allowed; credentials, if sent, must be right (actuator health status, probes). */
  OPTIONAL,
  /** HTTP Basic against Camunda identity ({@code /engine-rest}). */
  BASIC,
  /** HTTP Basic, or a Camunda webapp session for reading (fleet overview, API docs). */
  BASIC_OR_SESSION,
  /**
   * The REST API {@code /api/v1}: as {@link #BASIC_OR_SESSION}, then the groups of {@link ApiAccess}; every refusal
   * is {@code application/problem+json}.
   */
  API,
  /** HTTP Basic of a member of camunda-admin (actuator except health). */
  ADMIN;

  static AccessRule forPath(String path) {
    if (path.startsWith("/camunda/") || path.equals("/camunda") || path.equals("/error")
        || path.equals("/favicon.ico")) {
      return PASS;
    }
    if (path.equals("/actuator/health") || path.equals("/actuator/health/liveness")
        || path.equals("/actuator/health/readiness")) {
      return OPTIONAL;
    }
    if (path.equals("/actuator") || path.startsWith("/actuator/")) {
      return ADMIN;
    }
    if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
      return BASIC;
    }
    if (ApiAccess.covers(path)) {
      return API;
    }
    return BASIC_OR_SESSION;
  }
}
