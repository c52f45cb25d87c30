package io.pksorchestrator.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of the orchestrator ({@code pkso.security.*}). Passwords are bound from the environment
 * ({@code PKSO_ADMIN_PASSWORD}, ...) in {@code config/platform.yml}; an empty password means "generate a random one
 * at start-up and print it once".
 *
 * @param adminPassword password of the user {@code admin} (group camunda-admin); empty: generated at start-up
 * @param operatorPassword password of the user {@code operator} (group platform-operators); empty: generated
 * @param ticketingPassword password of the user {@code ticketing} (group ticketing); empty: generated
 * @param realm realm announced in the {@code WWW-Authenticate} header of 401 responses
 * @param maxQueryBodyBytes largest request body the task-query expression guard inspects; larger bodies get 413
 * @param login what a wrong password costs: the account's short delay and the source's throttle
 */
@ConfigurationProperties("pkso.security")
public record SecurityProperties(
    String adminPassword,
    String operatorPassword,
    String ticketingPassword,
    String realm,
    Integer maxQueryBodyBytes,
    Login login) {

  public SecurityProperties {
    realm = realm == null || realm.isBlank() ? "pks-orchestrator" : realm;
    maxQueryBodyBytes = maxQueryBodyBytes == null ? 1_048_576 : maxQueryBodyBytes;
    login = login == null ? new Login(null, null, null, null, null, null) : login;
  }

  /**
   * Failed logins ({@code pkso.security.login.*}). An account is never locked for good: after a wrong password it
   * waits {@code delayBase}, then {@code delayFactor} times longer after each further one, at most {@code delayMax}
   * (whole seconds; the engine's {@code loginDelay*} settings, with {@code loginMaxAttempts} unlimited). A source
   * (client IP address as the server sees it) that sends {@code sourceMaxFailures} refused passwords within
   * {@code sourceWindow} gets 429 with {@code Retry-After} for every login attempt until that window has passed,
   * without touching the account.
   *
   * @param delayBase the account's wait after its first wrong password (default 1s; 0s: no account delay at all)
   * @param delayFactor growth of that wait per further wrong password (default 2)
   * @param delayMax the longest the account ever waits after a wrong password (default 10s)
   * @param sourceMaxFailures refused logins one source may send within the window (default 5)
   * @param sourceWindow the window that starts with a source's first refused login (default 1m)
   * @param sourceTracked how many sources are tracked at most at once (default 10000)
   */
  public record Login(
      Duration delayBase,
      Integer delayFactor,
      Duration delayMax,
      Integer sourceMaxFailures,
      Duration sourceWindow,
      Integer sourceTracked) {

    public Login {
      delayBase = delayBase == null ? Duration.ofSeconds(1) : delayBase;
      delayFactor = delayFactor == null ? 2 : delayFactor;
      delayMax = delayMax == null ? Duration.ofSeconds(10) : delayMax;
      sourceMaxFailures = sourceMaxFailures == null ? 5 : sourceMaxFailures;
      sourceWindow = sourceWindow == null ? Duration.ofMinutes(1) : sourceWindow;
      sourceTracked = sourceTracked == null ? 10_000 : sourceTracked;
      if (delayBase.isNegative() || delayMax.isNegative() || delayFactor < 1 || sourceMaxFailures < 1
          || sourceWindow.isNegative() || sourceWindow.isZero() || sourceTracked < 1) {
        throw new IllegalArgumentException("pkso.security.login: delays must be >= 0s, delay-factor >= 1,"
            + " source-max-failures >= 1, source-window > 0s, source-tracked >= 1");
      }
    }
  }
}
