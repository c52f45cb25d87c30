package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.security.IdentityBootstrap;
import io.pksorchestrator.security.IdentityBootstrap.BootstrapUser;
import io.pksorchestrator.security.IdentityBootstrap.PasswordOrigin;
import io.pksorchestrator.security.SecurityProperties;
import io.pksorchestrator.simulator.SimulatorSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** What a start tells a newcomer: where to log in, which users exist and where their passwords came from. */
class StartupBannerTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.coverage().build();

  static ProcessEngine engine;
  static Snapshot before;

  /** Ids of the identity entities, filters and authorizations in the process-test engine's database. */
  record Snapshot(Set<String> users, Set<String> groups, Set<String> authorizations, Set<String> filters) {
    static Snapshot of(ProcessEngine engine) {
      return new Snapshot(ids(engine.getIdentityService().createUserQuery().list(), User::getId),
          ids(engine.getIdentityService().createGroupQuery().list(), Group::getId),
          ids(engine.getAuthorizationService().createAuthorizationQuery().list(), Authorization::getId),
          ids(engine.getFilterService().createFilterQuery().list(), Filter::getId));
    }

    private static <T> Set<String> ids(List<T> list, Function<T, String> id) {
      return list.stream().map(id).collect(Collectors.toSet());
    }
  }

  @BeforeAll
  static void remember() {
    engine = extension.getProcessEngine();
    before = Snapshot.of(engine);
  }

  /** The process tests share this engine: what the bootstrap created goes again. */
  @AfterAll
  static void removeWhatTheBootstrapCreated() {
    Snapshot after = Snapshot.of(engine);
    after.filters().stream().filter(id -> !before.filters().contains(id))
        .forEach(engine.getFilterService()::deleteFilter);
    after.authorizations().stream().filter(id -> !before.authorizations().contains(id))
        .forEach(engine.getAuthorizationService()::deleteAuthorization);
    after.users().stream().filter(id -> !before.users().contains(id))
        .forEach(engine.getIdentityService()::deleteUser);
    after.groups().stream().filter(id -> !before.groups().contains(id))
        .forEach(engine.getIdentityService()::deleteGroup);
    assertThat(Snapshot.of(engine)).isEqualTo(before);
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
    SimulatorSettings.publish(env); // as at every start: the simulator's effective settings, defaults included
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
        .containsPattern("Simulated foundation 'lab' +http://localhost:9494/lab \\(speed 60x; ")
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
