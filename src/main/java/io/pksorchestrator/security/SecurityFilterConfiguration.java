package io.pksorchestrator.security;

import io.pksorchestrator.operations.FourEyesCheck;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the servlet filters that throttle sources of wrong passwords, authenticate requests, block expression
 * injection in task queries and answer four-eyes refusals with 403.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityFilterConfiguration {

  /** Throttling of sources that send wrong passwords: first, before any password is checked. */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("pksoLoginThrottleFilter");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Authentication for everything outside the webapps (which log in by session themselves). */
  @Bean
  FilterRegistrationBean<RequestAuthenticationFilter> requestAuthenticationFilter(ProcessEngine engine,
      SecurityProperties properties, VerifiedCredentials verified) {
    var registration = new FilterRegistrationBean<>(new RequestAuthenticationFilter(engine, properties, verified));
    registration.setName("pksoRequestAuthenticationFilter");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** CVE-2026-109432: second line (the engine decides) on the REST API and the webapps' engine proxy. */
  @Bean
  FilterRegistrationBean<ExpressionQueryGuardFilter> expressionQueryGuardFilter(SecurityProperties properties,
      ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new ExpressionQueryGuardFilter(properties, engine.getName()));
    registration.setName("pksoExpressionQueryGuardFilter");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Four-eyes refusals as 403 on the REST API and the webapps' engine API (after authentication). */
  @Bean
  FilterRegistrationBean<FourEyesRequestFilter> fourEyesRequestFilter(FourEyesCheck check, ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new FourEyesRequestFilter(check, engine.getName()));
    registration.setName("pksoFourEyesRequestFilter");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
