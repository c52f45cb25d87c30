package io.pksorchestrator;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shared configuration of the platform's full-application tests (one cached Spring context): in-memory H2, the
 * simulator off, random passwords, and the test-only models of {@code test-bpmn/} deployed besides the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pkso-platform-it;DB_CLOSE_DELAY=-1",
    "pkso.simulator.enabled=false",
    "camunda.bpm.deployment-resource-pattern=classpath*:bpmn/**/*.bpmn,classpath*:dmn/**/*.dmn,"
        + "classpath*:forms/**/*.form,classpath*:test-bpmn/*.bpmn"})
@Import(PlatformApplicationTest.ProbeController.class)
public abstract class PlatformApplicationTest {

  @LocalServerPort
  protected int port;

  @DynamicPropertySource
  static void passwords(DynamicPropertyRegistry registry) {
    registry.add("pkso.security.admin-password", () -> PlatformTestSupport.ADMIN_PASSWORD);
    registry.add("pkso.security.operator-password", () -> PlatformTestSupport.OPERATOR_PASSWORD);
    registry.add("pkso.security.ticketing-password", () -> PlatformTestSupport.TICKETING_PASSWORD);
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Test-only endpoints under {@code /api}: who am I, and an unexpected failure. */
  @RestController
  static class ProbeController {
    private final IdentityService identityService;

    ProbeController(IdentityService identityService) {
      this.identityService = identityService;
    }

    /** The engine's authentication as the security filter set it for this request. */
    @GetMapping("/api/test-platform/whoami")
    Map<String, Object> whoami() {
      Authentication auth = identityService.getCurrentAuthentication();
      return Map.of("user", auth.getUserId(), "groups", auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
    }

    @GetMapping("/api/test-platform/boom")
    String boom() {
      throw new IllegalStateException("internal detail that must not leak: jdbc:secret@db");
    }
  }
}
