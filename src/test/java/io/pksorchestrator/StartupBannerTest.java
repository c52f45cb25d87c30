package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.security.IdentityBootstrap;
import io.pksorchestrator.security.IdentityBootstrap.BootstrapUser;
import io.pksorchestrator.security.IdentityBootstrap.PasswordOrigin;
import io.pksorchestrator.security.SecurityProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** What a start tells a newcomer: where to log in, which users exist and where their passwords came from. */
class StartupBannerTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    // an engine of its own: the bootstrap's users must not appear in the process tests' database
    var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setProcessEngineName("startup-banner-test")
        .setJdbcUrl("jdbc:h2:mem:startup-banner-test;DB_CLOSE_DELAY=-1");
    // group ids with dashes, as the application's StarterAuthorizationPlugin allows
    configuration.getProcessEnginePlugins().add(new io.pksorchestrator.security.StarterAuthorizationPlugin());
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void passwordsAreGeneratedOnceThenKeptOrSetFromConfiguration() {
    IdentityBootstrap first = bootstrap(Map.of());
    first.run(null);
    assertThat(first.users()).containsExactly(
        new BootstrapUser("admin", "camunda-admin", PasswordOrigin.GENERATED),
        new BootstrapUser("operator", "platform-operators", PasswordOrigin.GENERATED),
        new BootstrapUser("ticketing", "ticketing", PasswordOrigin.GENERATED));

    IdentityBootstrap restart = bootstrap(Map.of("pkso.security.operator-password", "chosen-by-the-operator"));
    restart.run(null);
    assertThat(restart.users()).extracting(BootstrapUser::passwordOrigin)
        .containsExactly(PasswordOrigin.KEPT, PasswordOrigin.CONFIGURED, PasswordOrigin.KEPT);
    assertThat(engine.getIdentityService().checkPassword("operator", "chosen-by-the-operator")).isTrue();
  }

  @Test
  void bannerNamesEveryAddressAndWhereEachPasswordCameFrom() {
    MockEnvironment env = new MockEnvironment().withProperty("pkso.simulator.enabled", "true")
        .withProperty("pkso.simulator.port", "9494").withProperty("pkso.simulator.foundation", "lab");
    String text = StartupBanner.text(8484, env, List.of(
        new BootstrapUser("admin", "camunda-admin", PasswordOrigin.GENERATED),
        new BootstrapUser("operator", "platform-operators", PasswordOrigin.CONFIGURED),
        new BootstrapUser("ticketing", "ticketing", PasswordOrigin.KEPT)));

    assertThat(text.lines()).first().isEqualTo("PKSO-START001 pks-orchestrator is ready.");
    assertThat(text)
        .containsPattern("Cockpit, Tasklist, Admin +http://localhost:8484/camunda/app/\n")
        .containsPattern("Fleet overview +http://localhost:8484/\n")
        .containsPattern("Ticketing API /api/v1 docs +http://localhost:8484/swagger-ui.html\n")
        .containsPattern("Camunda REST API +http://localhost:8484/engine-rest\n")
        .containsPattern("Simulated foundation 'lab' +http://localhost:9494/lab ")
        .containsPattern("admin +\\(camunda-admin\\) +password generated at this start, printed once above "
            + "\\(PKSO-SEC012\\)")
        .containsPattern("operator +\\(platform-operators\\) +password set from PKSO_OPERATOR_PASSWORD")
        .containsPattern("ticketing +\\(ticketing\\) +password set at an earlier start, not shown again; to reset "
            + "it set PKSO_TICKETING_PASSWORD and restart");

    String withoutSimulatorOrWebapps = StartupBanner.text(8080, new MockEnvironment()
        .withProperty("camunda.bpm.webapp.enabled", "false"), List.of());
    assertThat(withoutSimulatorOrWebapps).doesNotContain("Simulated").doesNotContain("Cockpit")
        .contains("http://localhost:8080/engine-rest");
  }

  private static IdentityBootstrap bootstrap(Map<String, String> properties) {
    SecurityProperties security = new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("pkso.security", SecurityProperties.class);
    return new IdentityBootstrap(engine, security);
  }
}
