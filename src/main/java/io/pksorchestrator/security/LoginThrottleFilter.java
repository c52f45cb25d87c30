package io.pksorchestrator.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request: a login attempt (HTTP Basic credentials outside the webapps, the webapps' login
 * form, {@code identity/verify}) from a source that {@link LoginThrottle} throttles is answered 429 with
 * {@code Retry-After} before any password is checked, so the account itself is not touched. Every other request
 * records its source for the engine's password check ({@link LoginSource}). The source is the client address as the
 * servlet container reports it ({@code getRemoteAddr()}); behind a reverse proxy that is the proxy unless the
 * container is told to trust its {@code X-Forwarded-For} (docs/security.md).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login(/[^/]*)?/?$");
  private static final Pattern VERIFY = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?$");
  private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");
  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  private final LoginThrottle throttle;

  public LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** Whether the request carries a password that the engine will check. */
  static boolean isLoginAttempt(String method, String path, String authorization) {
    boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    if (!basic && !"POST".equals(method)) {
      return false; // the common case costs no pattern matching
    }
    String p = SLASHES.matcher(PATH_PARAMETERS.matcher(path).replaceAll("")).replaceAll("/");
    if (basic && !p.startsWith("/camunda/")) {
      return true;
    }
    return "POST".equals(method) && (WEBAPP_LOGIN.matcher(p).matches() || VERIFY.matcher(p).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String source = request.getRemoteAddr();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (isLoginAttempt(request.getMethod(), path, request.getHeader("Authorization"))) {
      long retryAfter = throttle.retryAfterSeconds(source);
      if (retryAfter > 0) {
        LOG.debug("PKSO-SEC031 Refused a login attempt from throttled source {}: {} {}", source, request.getMethod(),
            Logs.safe(path));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        Problems.problem(response, 429, "Too Many Requests", "Too many refused logins from this address: try again"
            + " in " + retryAfter + " s (Retry-After). Send credentials only when they are right; the account itself"
            + " is not locked by this.");
        return;
      }
    }
    String previous = LoginSource.set(source);
    try {
      chain.doFilter(request, response);
    } finally {
      LoginSource.restore(previous);
    }
  }
}
