package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.junit.jupiter.api.Test;

/** The credential cache is only on while the engine's identity provider is ours (docs/security.md §7). */
class LoginPolicyPluginTest {

  private final SecurityProperties properties = new SecurityProperties(null, null, null, null, null, null);
  private final LoginThrottle throttle = new LoginThrottle(properties);

  @Test
  void theCacheStaysOnWithOurIdentityProvider() {
    VerifiedCredentials cache = new VerifiedCredentials(new CredentialCacheProperties(Duration.ofSeconds(10), 10));
    var config = new StandaloneInMemProcessEngineConfiguration();
    LoginPolicyPlugin plugin = new LoginPolicyPlugin(properties, throttle, cache);
    plugin.preInit(config);
    plugin.postInit(config);
    assertThat(cache.enabled()).isTrue();
  }

  @Test
  void anotherIdentityProviderTurnsTheCacheOffWhetherItCameBeforeOrAfterOurs() {
    VerifiedCredentials before = new VerifiedCredentials(new CredentialCacheProperties(Duration.ofSeconds(10), 10));
    var config = new StandaloneInMemProcessEngineConfiguration();
    config.setIdentityProviderSessionFactory(new GenericManagerFactory(DbIdentityServiceProvider.class));
    LoginPolicyPlugin plugin = new LoginPolicyPlugin(properties, throttle, before);
    plugin.preInit(config);
    plugin.postInit(config);
    assertThat(before.enabled()).isFalse();

    VerifiedCredentials after = new VerifiedCredentials(new CredentialCacheProperties(Duration.ofSeconds(10), 10));
    var config2 = new StandaloneInMemProcessEngineConfiguration();
    LoginPolicyPlugin plugin2 = new LoginPolicyPlugin(properties, throttle, after);
    plugin2.preInit(config2);
    config2.setIdentityProviderSessionFactory(new GenericManagerFactory(DbIdentityServiceProvider.class));
    plugin2.postInit(config2);
    assertThat(after.enabled()).isFalse();
    after.remember("admin", "right", new VerifiedCredentials.Identity("admin", List.of(), List.of()),
        after.generation());
    assertThat(after.find("admin", "right")).isNull();
  }
}
