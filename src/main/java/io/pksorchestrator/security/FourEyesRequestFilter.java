package io.pksorchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.operations.FourEyesCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 403 (Camunda's error body, {@code type AuthorizationException}) a task completion that the four-eyes
 * rule forbids, on {@code /engine-rest} and on the webapps' engine API (Tasklist), before it reaches the engine.
 * Without it the engine's refusal arrives as HTTP 500, because the engine wraps the task listener's
 * AuthorizationException (ENGINE-03051). The task listener remains the guard for every other path.
 */
public class FourEyesRequestFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FourEyesRequestFilter.class);
  private static final Pattern COMPLETION = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/?$");

  private final FourEyesCheck check;
  private final String engineName;
  private final ObjectMapper json = new ObjectMapper();

  public FourEyesRequestFilter(FourEyesCheck check, String engineName) {
    this.check = check;
    this.engineName = engineName;
  }

  /** The task id when the request path (without context path) completes a task, else empty. */
  static Optional<String> completedTaskId(String method, String path) {
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    Matcher m = COMPLETION.matcher(path.replaceAll(";[^/]*", "").replaceAll("/{2,}", "/"));
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<String> taskId = completedTaskId(request.getMethod(), path);
    String user = taskId.isPresent() ? user(request) : null;
    Optional<String> refusal = user == null ? Optional.empty() : check.refusalOfCompletion(taskId.get(), user);
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    LOG.info("PKSO-SEC020 Refused completion of task {} by user '{}' (four-eyes rule)", taskId.get(), user);
    response.setStatus(403);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getWriter(), Map.of("type", "AuthorizationException", "message", refusal.get()));
  }

  private String user(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal != null) {
      return principal.getName();
    }
    var session = RequestAuthenticationFilter.fromWebappSession(request.getSession(false), engineName);
    return session == null ? null : session.userId();
  }
}
