package io.pksorchestrator.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The login policy in the engine ({@code pkso.security.login.*}): an account waits at most {@code delay-max} after
 * a wrong password and is never locked for good (Camunda's {@code loginMaxAttempts} would lock it permanently after
 * ten); every password check of a request is counted against its source ({@link ThrottledIdentityProvider}), and
 * every identity change empties the cache of verified credentials ({@link VerifiedCredentials}).
 */
@Component
public class LoginPolicyPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(LoginPolicyPlugin.class);

  private final SecurityProperties.Login login;
  private final LoginThrottle throttle;
  private final VerifiedCredentials credentials;

  public LoginPolicyPlugin(SecurityProperties properties, LoginThrottle throttle, VerifiedCredentials credentials) {
    this.login = properties.login();
    this.throttle = throttle;
    this.credentials = credentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() == null) {
      configuration.setIdentityProviderSessionFactory(new ThrottledIdentityProvider.Factory(throttle, credentials));
    } else {
      credentials.disable();
      LOG.warn("PKSO-SEC033 Another identity provider is configured: refused logins are not counted per source,"
          + " and verified credentials are not cached");
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getIdentityProviderSessionFactory() instanceof ThrottledIdentityProvider.Factory)
        && credentials.enabled()) {
      credentials.disable();
      LOG.warn("PKSO-SEC033 Another identity provider replaced ours: refused logins are not counted per source,"
          + " and verified credentials are not cached");
    }
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase((int) login.delayBase().toSeconds());
    configuration.setLoginDelayFactor(login.delayFactor());
    configuration.setLoginDelayMaxTime((int) login.delayMax().toSeconds());
    LOG.info("PKSO-SEC034 Login policy: account delay {} s growing x{} up to {} s, never locked for good; {} refused"
        + " logins per source within {} s throttle that source", login.delayBase().toSeconds(), login.delayFactor(),
        login.delayMax().toSeconds(), login.sourceMaxFailures(), login.sourceWindow().toSeconds());
  }
}
