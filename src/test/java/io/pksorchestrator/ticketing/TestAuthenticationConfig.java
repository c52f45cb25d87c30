package io.pksorchestrator.ticketing;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * TEST ONLY: authenticates {@code /api/*} requests with HTTP Basic against Camunda identity and sets the engine's
 * current authentication, the way the platform's security filter does in production. Lets the ticketing tests
 * exercise their group checks without depending on the platform feature.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<Filter> testBasicAuthentication(IdentityService identityService) {
    Filter filter = (req, res, chain) -> {
      HttpServletRequest request = (HttpServletRequest) req;
      String header = request.getHeader("Authorization");
      var session = request.getSession(false);
      var webapp = session == null ? null
          : org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session)
              .getAuthenticationForProcessEngine("default");
      if ((header == null || !header.startsWith("Basic "))
          && webapp instanceof org.camunda.bpm.webapp.impl.security.auth.UserAuthentication user) {
        // An existing Camunda webapp login (the overview page opened after Tasklist).
        identityService.setAuthentication(user.getName(), user.getGroupIds());
        try {
          chain.doFilter(req, res);
        } finally {
          identityService.clearAuthentication();
        }
        return;
      }
      if (header == null || !header.startsWith("Basic ")) {
        ((HttpServletResponse) res).sendError(401);
        return;
      }
      String[] userPassword = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8)
          .split(":", 2);
      if (userPassword.length != 2 || !identityService.checkPassword(userPassword[0], userPassword[1])) {
        ((HttpServletResponse) res).sendError(401);
        return;
      }
      var groups = identityService.createGroupQuery().groupMember(userPassword[0]).list().stream()
          .map(Group::getId).toList();
      identityService.setAuthentication(userPassword[0], groups);
      try {
        chain.doFilter(req, res);
      } finally {
        identityService.clearAuthentication();
      }
    };
    var registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
