package io.pksorchestrator;

import io.pksorchestrator.security.IdentityBootstrap;
import io.pksorchestrator.security.IdentityBootstrap.BootstrapUser;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * At the end of every start (PKSO-START001): where to log in and what answers where, which users exist and where
 * their passwords came from. Passwords themselves are never part of it (a generated one is printed once, by
 * {@link IdentityBootstrap}, PKSO-SEC012).
 */
@Component
public class StartupBanner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final IdentityBootstrap identity;

  public StartupBanner(IdentityBootstrap identity) {
    this.identity = identity;
  }

  /** After the other listeners of the ready event (Tasklist filters, job executor), so that it comes last. */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
      LOG.info("{}", text(web.getWebServer().getPort(), event.getApplicationContext().getEnvironment(),
          identity.users()));
    }
  }

  /** The banner for an application on {@code port} with the given settings and users. */
  static String text(int port, Environment env, List<BootstrapUser> users) {
    String base = "http://" + env.getProperty("server.address", "localhost") + ":" + port
        + trimSlash(env.getProperty("server.servlet.context-path", ""));
    StringBuilder b = new StringBuilder("PKSO-START001 pks-orchestrator is ready.\n");
    if (env.getProperty("camunda.bpm.webapp.enabled", Boolean.class, true)) {
      line(b, "Cockpit, Tasklist, Admin", base + trimSlash(env.getProperty("camunda.bpm.webapp.application-path",
          "/camunda")) + "/app/");
    }
    line(b, "Fleet overview", base + "/");
    line(b, "Ticketing API /api/v1 docs", base + env.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html"));
    line(b, "Camunda REST API", base + trimSlash(env.getProperty("spring.jersey.application-path",
        "/engine-rest")));
    line(b, "Health", base + "/actuator/health");
    if ("true".equals(env.getProperty("pkso.simulator.enabled"))) { // the simulator's own condition
      // port, foundation and speed as the simulator publishes them before start (its properties type holds defaults)
      String foundation = env.getProperty("pkso.simulator.foundation");
      line(b, "Simulated foundation '" + foundation + "'", "http://localhost:" + env.getProperty("pkso.simulator.port")
          + "/" + foundation + " (speed " + env.getProperty("pkso.simulator.speed") + "x; see docs/simulator.md)");
    }
    b.append("  Users (log in to the webapps with them; HTTP Basic on the REST APIs):\n");
    for (BootstrapUser user : users) {
      b.append(String.format(Locale.ROOT, "    %-10s %-20s %s%n", user.id(), "(" + user.group() + ")",
          password(user.id(), user.passwordOrigin())));
    }
    return b.toString().stripTrailing();
  }

  private static String password(String user, IdentityBootstrap.PasswordOrigin origin) {
    String variable = "PKSO_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD";
    return switch (origin) {
      case GENERATED -> "password generated at this start, printed once above (PKSO-SEC012), stored nowhere else";
      case CONFIGURED -> "password set from " + variable + " (pkso.security." + user + "-password)";
      case KEPT -> "password set at an earlier start, not shown again; to reset it set " + variable
          + " and restart";
    };
  }

  private static void line(StringBuilder b, String what, String where) {
    b.append(String.format(Locale.ROOT, "  %-32s %s%n", what, where));
  }

  private static String trimSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
