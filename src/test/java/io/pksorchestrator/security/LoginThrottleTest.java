package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-source window of refused logins, on the engine's clock. */
class LoginThrottleTest {

  private static final Date T0 = new Date(1_800_000_000_000L);
  private final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(null, null, null, null, null,
      new SecurityProperties.Login(null, null, null, 3, Duration.ofSeconds(60), 2)));

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(T0);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  @Test
  void aSourceIsThrottledAfterTheLimitUntilItsWindowEnds() {
    throttle.recordFailure("10.0.0.1", "operator");
    throttle.recordFailure("10.0.0.1", "admin");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    at(20);
    throttle.recordFailure("10.0.0.1", "operator");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(40);
    assertThat(throttle.retryAfterSeconds("10.0.0.2")).as("another source").isZero();
    at(59);
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isEqualTo(1);
    at(60);
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).isZero();
    throttle.recordFailure("10.0.0.1", "operator");
    assertThat(throttle.retryAfterSeconds("10.0.0.1")).as("a new window starts").isZero();
  }

  @Test
  void atMostTheConfiguredNumberOfSourcesIsTrackedExpiredOnesMakeRoom() {
    throttle.recordFailure("a", "u");
    throttle.recordFailure("b", "u");
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("c", "u");
    }
    assertThat(throttle.retryAfterSeconds("c")).as("not tracked: table full").isZero();
    at(61);
    for (int i = 0; i < 3; i++) {
      throttle.recordFailure("c", "u");
    }
    assertThat(throttle.retryAfterSeconds("c")).isEqualTo(60);
  }

  @Test
  void loginAttemptsAreCredentialsOutsideTheWebappsTheWebappLoginAndVerify() {
    assertThat(LoginThrottleFilter.isLoginAttempt("GET", "/engine-rest/task", "Basic eDp5")).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("GET", "/api/v1/operations", "basic eDp5")).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("GET", "/engine-rest/task", null)).isFalse();
    assertThat(LoginThrottleFilter.isLoginAttempt("GET", "/camunda/app/tasklist/", "Basic eDp5")).isFalse();
    assertThat(LoginThrottleFilter.isLoginAttempt("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        null)).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("POST", "/camunda//api/admin/auth/user/default/login/cockpit;x",
        null)).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("POST", "/engine-rest/identity/verify", null)).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("POST", "/camunda/api/engine/engine/default/identity/verify",
        null)).isTrue();
    assertThat(LoginThrottleFilter.isLoginAttempt("GET", "/camunda/api/admin/auth/user/default", null)).isFalse();
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new SecurityProperties.Login(Duration.ofSeconds(-1), null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SecurityProperties.Login(null, null, null, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    SecurityProperties.Login defaults = new SecurityProperties(null, null, null, null, null, null).login();
    assertThat(defaults.delayMax()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.sourceMaxFailures()).isEqualTo(5);
    assertThat(defaults.sourceWindow()).isEqualTo(Duration.ofMinutes(1));
  }

  private static void at(long seconds) {
    ClockUtil.setCurrentTime(new Date(T0.getTime() + seconds * 1000));
  }
}
