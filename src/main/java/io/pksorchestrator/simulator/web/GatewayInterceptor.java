package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.SimulatedFoundation.Component;
import io.pksorchestrator.simulator.faults.FaultInjector.HttpFault;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What stands in front of every simulated API: injected HTTP faults first (like a flaky load balancer), then
 * the foundation name, then the bearer token of the component's own UAA. Unauthenticated, as on a real
 * foundation: the UAA token endpoints, BOSH {@code /info}, Ops Manager {@code /api/v0/info}; Prometheus
 * has no auth in the lab (a real one usually sits behind a proxy the client config would cover).
 */
final class GatewayInterceptor implements HandlerInterceptor {

  private static final String CONTROL_TOKEN_HEADER = SimulatorServer.CONTROL_TOKEN_HEADER;

  private final SimulatedFoundation foundation;

  GatewayInterceptor(SimulatedFoundation foundation) {
    this.foundation = foundation;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // decided on the handler Spring resolved, not on the path text (encoded or doubled slashes map the same)
    if (handler instanceof HandlerMethod method && method.getBeanType() == TestEndpointsController.class) {
      return controls(request, response);
    }
    Optional<HttpFault> fault = foundation.faults().takeHttpFault(request.getMethod(), path);
    if (fault.isPresent()) {
      if (!fault.get().latency().isZero()) {
        sleep(fault.get().latency().toMillis());
      }
      if (fault.get().status() != 0) {
        if (fault.get().status() == 429) {
          response.setHeader("Retry-After", "1");
        }
        write(response, fault.get().status(), "{\"error\":\"injected_fault\",\"description\":\"Injected fault: HTTP "
            + fault.get().status() + " for " + request.getMethod() + " " + path + "\"}");
        return false;
      }
    }
    String prefix = "/" + foundation.name() + "/";
    if (!path.startsWith(prefix)) {
      write(response, 404, "{\"error\":\"not_found\",\"description\":\"No foundation here: the simulator serves /"
          + foundation.name() + "/...\"}");
      return false;
    }
    String rest = path.substring(prefix.length());
    if (rest.startsWith("pks/")) {
      // PKS's API asks its UAA to check the token; the 401 body follows UAA's OAuth error shape (assumption).
      return check(Component.PKS, request, response,
          "{\"error\":\"invalid_token\",\"error_description\":\"Missing, expired or foreign bearer token: get one from the PKS UAA\"}");
    }
    if (rest.startsWith("opsman/") && !rest.startsWith("opsman/uaa/") && !rest.equals("opsman/api/v0/info")) {
      return check(Component.OPSMAN, request, response,
          "{\"errors\":{\"errors\":[\"Missing, expired or foreign bearer token: get one from Ops Manager's UAA\"]}}");
    }
    if (rest.startsWith("bosh/") && !rest.equals("bosh/info")) {
      return check(Component.BOSH, request, response,
          "{\"code\":401,\"description\":\"Not authorized: '" + rest.substring(4) + "'\"}");
    }
    return true;
  }

  /**
   * The {@code /_sim} controls: served only when enabled, only with the control token in {@code X-Sim-Token}
   * (401), and any request other than GET/HEAD only as {@code application/json} (415): a browser cannot send a
   * cross-site form post or a custom header without a CORS preflight, which this server never answers.
   */
  private boolean controls(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!foundation.properties().isTestEndpointsEnabled()) {
      response.sendError(404);
      return false;
    }
    String token = request.getHeader(CONTROL_TOKEN_HEADER);
    if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        foundation.controlToken().getBytes(StandardCharsets.UTF_8))) {
      write(response, 401, "{\"error\":\"unauthorized\",\"description\":\"The /_sim controls need the simulator's"
          + " control token in header " + CONTROL_TOKEN_HEADER + " (pkso.simulator.control-token, or the generated one"
          + " logged at start-up as PKSO-SIM002)\"}");
      return false;
    }
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD") && !isJson(request.getContentType())) {
      write(response, 415, "{\"error\":\"unsupported_media_type\",\"description\":\"" + method
          + " on /_sim needs Content-Type: application/json\"}");
      return false;
    }
    return true;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private boolean check(Component component, HttpServletRequest request, HttpServletResponse response, String body)
      throws IOException {
    String auth = request.getHeader("Authorization");
    String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    if (foundation.uaa(component).isValid(token)) {
      return true;
    }
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    write(response, 401, body);
    return false;
  }

  private static void write(HttpServletResponse response, int status, String json) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write(json);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis); // injected latency on a server thread, to push clients past their timeouts
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
