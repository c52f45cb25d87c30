package io.pksorchestrator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * Exposes the authenticated Camunda user to the servlet API, so that Spring Boot's actuator ({@code show-details:
 * when-authorized} with {@code roles}) treats the user's Camunda groups as roles.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

  private final RequestAuthenticationFilter.Principal principal;

  AuthenticatedRequest(HttpServletRequest request, RequestAuthenticationFilter.Principal principal) {
    super(request);
    this.principal = principal;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public String getRemoteUser() {
    return principal.userId();
  }

  @Override
  public boolean isUserInRole(String role) {
    return principal.groups().contains(role);
  }
}
