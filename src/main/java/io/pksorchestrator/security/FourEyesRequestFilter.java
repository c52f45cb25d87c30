package io.pksorchestrator.security;

import io.pksorchestrator.operations.FourEyesCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The four-eyes rule over HTTP, on {@code /engine-rest} and on the webapps' engine API (Tasklist); the engine makes
 * every decision ({@code operations.FourEyes*}), this filter only shapes the answer. A task completion that the rule
 * forbids is refused before it reaches the engine; every other refusal of the rule that the engine answers (a
 * protected variable, a claim or assignment, a requester named at the start: 403, or 500 when the engine wrapped a
 * task listener's refusal, ENGINE-03051) is rewritten by {@link RuleRefusalResponse}. Either way the client gets 403
 * {@code application/problem+json} with {@code type AuthorizationException} and the rule's message. On a task
 * completion, the engine's refusal of the operator's input ({@code operations.OperatorDecision}) becomes 400 and a
 * task that no longer exists 404, both problems saying what to do.
 */
public class FourEyesRequestFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FourEyesRequestFilter.class);
  private static final Pattern COMPLETION = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:complete|submit-form|resolve)/?$");

  private final FourEyesCheck check;
  private final String engineName;

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
    if (refusal.isPresent()) {
      LOG.info("PKSO-SEC020 Refused completion of task {} by user '{}' (four-eyes rule)", taskId.get(),
          Logs.safe(user));
      Problems.refusal(response, refusal.get());
      return;
    }
    RuleRefusalResponse answer = new RuleRefusalResponse(response, taskId.orElse(null));
    chain.doFilter(request, answer);
    answer.finish();
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
