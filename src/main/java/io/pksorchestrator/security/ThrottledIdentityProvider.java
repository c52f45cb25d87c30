package io.pksorchestrator.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's database identity provider with every password check of a request counted against its source: a
 * refused login (wrong password, unknown user, user in its short delay) counts for {@link LoginThrottle}; a source
 * that is throttled already is refused without checking (the account's delay is not touched). This is where every
 * login path meets (HTTP Basic on {@code /engine-rest} and {@code /api}, the webapps' login, {@code identity/verify}).
 */
final class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;

  ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    String source = LoginSource.current();
    if (source != null && throttle.retryAfterSeconds(source) > 0) {
      return false;
    }
    boolean accepted = super.checkPassword(userId, password);
    if (!accepted) {
      throttle.recordFailure(source, userId);
    }
    return accepted;
  }

  /** Opens this provider as the engine's read-only and writable identity provider. */
  static final class Factory implements SessionFactory {

    private final LoginThrottle throttle;

    Factory(LoginThrottle throttle) {
      this.throttle = throttle;
    }

    @Override
    public Class<?> getSessionType() {
      return ThrottledIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new ThrottledIdentityProvider(throttle);
    }
  }
}
