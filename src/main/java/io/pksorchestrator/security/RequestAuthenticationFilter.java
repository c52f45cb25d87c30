package io.pksorchestrator.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import io.pksorchestrator.operations.OperatorGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request outside the webapps against Camunda identity, like the engine's
 * {@code ProcessEngineAuthenticationFilter} with {@code HttpBasicAuthenticationProvider} (password check through
 * {@link IdentityService#checkPassword}, user, groups and tenants set as the engine's authentication for the
 * request and cleared afterwards; a credential verified within the last seconds is taken from
 * {@link VerifiedCredentials}, docs/security.md §7), plus what that filter lacks: a Camunda webapp session is
 * accepted for reading ({@code GET}/{@code HEAD}) outside {@code /engine-rest}, so a Tasklist form can load
 * {@code /api/...} images; an
 * admin-only rule for actuator; a proper realm and a small JSON 401 body. Sessions are not accepted for changing
 * requests because those have no CSRF protection outside the webapps.
 */
public class RequestAuthenticationFilter extends OncePerRequestFilter {

  static final String LOGIN_PAGE = "/camunda/app/tasklist/default/";
  private static final Logger LOG = LoggerFactory.getLogger(RequestAuthenticationFilter.class);

  private final ProcessEngine engine;
  private final String realm;
  private final VerifiedCredentials verified;

  public RequestAuthenticationFilter(ProcessEngine engine, SecurityProperties properties,
      VerifiedCredentials verified) {
    this.engine = engine;
    this.realm = properties.realm();
    this.verified = verified;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    AccessRule rule = AccessRule.forPath(path);
    if (rule == AccessRule.PASS) {
      chain.doFilter(request, response);
      return;
    }
    String header = request.getHeader("Authorization");
    Principal principal = null;
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      principal = basic(header.substring(6).trim());
      if (principal == null) {
        challenge(response, rule, "Wrong user name or password (after a wrong password the user waits a few"
            + " seconds, and an address that sends several wrong ones is throttled for a minute).");
        return;
      }
    } else if ((rule == AccessRule.BASIC_OR_SESSION || rule == AccessRule.API) && isReading(request)) {
      principal = fromWebappSession(request.getSession(false), engine.getName());
    }
    if (principal == null && rule != AccessRule.OPTIONAL) {
      if (rule == AccessRule.BASIC_OR_SESSION && isBrowserPage(request)) {
        response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
      } else {
        challenge(response, rule, "Authentication required: send HTTP Basic credentials of a Camunda user.");
      }
      return;
    }
    if (rule == AccessRule.ADMIN && !principal.groups().contains(OperatorGroups.ADMINS)) {
      Problems.write(response, 403, "Forbidden", "Only members of " + OperatorGroups.ADMINS + " may use this endpoint.");
      return;
    }
    if (rule == AccessRule.API) {
      String refusal = ApiAccess.refusal(request.getMethod(), principal.userId(), principal.groups());
      if (refusal != null) {
        Problems.problem(response, 403, "Forbidden", refusal);
        return;
      }
    }
    if (principal == null) {
      chain.doFilter(request, response);
      return;
    }
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(principal.userId(), principal.groups(), principal.tenants());
    try {
      chain.doFilter(new AuthenticatedRequest(request, principal), response);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Principal basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    VerifiedCredentials.Identity known = verified.find(user, password);
    if (known != null) {
      return new Principal(known.userId(), known.groups(), known.tenants());
    }
    long generation = verified.generation();
    IdentityService identity = engine.getIdentityService();
    if (!identity.checkPassword(user, password)) {
      LOG.info("PKSO-SEC001 Rejected HTTP Basic credentials for user '{}'", user.replaceAll("[\\r\\n]", "_"));
      return null;
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    verified.remember(user, password, new VerifiedCredentials.Identity(user, groups, tenants), generation);
    return new Principal(user, groups, tenants);
  }

  /** The user logged in to the Camunda webapps in this session for the named engine, or null. */
  static Principal fromWebappSession(HttpSession session, String engineName) {
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    Authentication auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engineName);
    if (auth instanceof UserAuthentication user && user.getIdentityId() != null) {
      return new Principal(user.getIdentityId(), nullSafe(user.getGroupIds()), nullSafe(user.getTenantIds()));
    }
    return null;
  }

  private void challenge(HttpServletResponse response, AccessRule rule, String message) throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    if (rule == AccessRule.API) {
      Problems.problem(response, 401, "Unauthorized", message);
    } else {
      Problems.write(response, 401, "Unauthorized", message);
    }
  }

  private static boolean isReading(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private static boolean isBrowserPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return isReading(request) && accept != null && accept.contains("text/html");
  }

  private static List<String> nullSafe(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** An authenticated user with groups and tenants. */
  record Principal(String userId, List<String> groups, List<String> tenants) implements java.security.Principal {
    @Override
    public String getName() {
      return userId;
    }
  }
}
