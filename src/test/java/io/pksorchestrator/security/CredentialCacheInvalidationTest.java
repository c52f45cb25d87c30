package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The cache of verified credentials against a real engine and the real filters (throttle, authentication;
 * docs/security.md §7): every identity change made through the engine takes effect on the next request, and the
 * login throttle and the account's wait still see wrong passwords while the right one is cached.
 */
class CredentialCacheInvalidationTest {

  private static final Date T0 = new Date(1_800_000_000_000L);
  private static ProcessEngine engine;
  private static IdentityService identity;
  private static LoginThrottle throttle;
  private static VerifiedCredentials cache;
  private static int sources;
  private final AtomicReference<RequestAuthenticationFilter.Principal> seen = new AtomicReference<>();
  /** Each test its own addresses: the throttle's windows outlive a test. */
  private final String source = "127.0.1." + (++sources);
  private final String attacker = "127.0.2." + sources;

  @BeforeAll
  static void engine() {
    SecurityProperties properties = new SecurityProperties(null, null, null, null, null,
        new SecurityProperties.Login(Duration.ofSeconds(1), 2, Duration.ofSeconds(10), 5, Duration.ofMinutes(1),
            100));
    throttle = new LoginThrottle(properties);
    cache = new VerifiedCredentials(new CredentialCacheProperties(Duration.ofMinutes(5), 100));
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:credential-cache;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    config.setProcessEngineName("credential-cache");
    config.getProcessEnginePlugins().add(new LoginPolicyPlugin(properties, throttle, cache));
    engine = config.buildProcessEngine();
    identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("readers"));
    identity.saveTenant(identity.newTenant("t1"));
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void user() {
    ClockUtil.setCurrentTime(T0);
    User user = identity.newUser("alice");
    user.setPassword("right-1");
    identity.saveUser(user);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    if (identity.createUserQuery().userId("alice").count() > 0) {
      identity.deleteUser("alice");
    }
  }

  @Test
  void aVerifiedCredentialIsServedFromTheCacheWithinItsTtl() {
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    // A change behind the engine's back (SQL) is not seen: proof that the second request did not ask the engine.
    sql("UPDATE ACT_ID_USER SET SALT_ = 'another-salt' WHERE ID_ = 'alice'");
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    cache.invalidateAll();
    assertThat(call("alice", "right-1", source)).as("the engine asked again").isEqualTo(401);
  }

  @Test
  void aNewPasswordTakesEffectOnTheNextRequest() {
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    User alice = identity.createUserQuery().userId("alice").singleResult();
    alice.setPassword("right-2");
    identity.saveUser(alice);
    assertThat(call("alice", "right-1", source)).isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(T0.getTime() + 2_000));
    assertThat(call("alice", "right-2", source)).isEqualTo(200);
  }

  @Test
  void groupAndTenantMembershipChangesTakeEffectOnTheNextRequest() {
    assertMembership(List.of(), List.of());
    change(i -> i.createMembership("alice", "readers"));
    assertMembership(List.of("readers"), List.of());
    change(i -> i.createTenantUserMembership("t1", "alice"));
    assertMembership(List.of("readers"), List.of("t1"));
    change(i -> i.deleteTenantUserMembership("t1", "alice"));
    assertMembership(List.of("readers"), List.of());
    change(i -> i.createTenantGroupMembership("t1", "readers"));
    assertMembership(List.of("readers"), List.of("t1"));
    change(i -> i.deleteTenantGroupMembership("t1", "readers"));
    assertMembership(List.of("readers"), List.of());
    change(i -> i.deleteMembership("alice", "readers"));
    assertMembership(List.of(), List.of());
  }

  @Test
  void aDeletedUserIsRefusedOnTheNextRequest() {
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    identity.deleteUser("alice");
    assertThat(call("alice", "right-1", source)).isEqualTo(401);
  }

  @Test
  void wrongPasswordsStillCountAndTheAccountsWaitAppliesToTheCachedPasswordToo() {
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      assertThat(call("alice", "wrong", attacker)).as("wrong password %d", i + 1).isEqualTo(401);
    }
    assertThat(call("alice", "right-1", attacker)).as("the source is throttled").isEqualTo(429);
    assertThat(throttle.retryAfterSeconds(attacker)).isPositive();
    assertThat(call("alice", "right-1", source)).as("the account waits after wrong passwords").isEqualTo(401);
    ClockUtil.setCurrentTime(new Date(T0.getTime() + 11_000));
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
  }

  private void assertMembership(List<String> groups, List<String> tenants) {
    assertThat(call("alice", "right-1", source)).isEqualTo(200);
    assertThat(seen.get().groups()).containsExactlyInAnyOrderElementsOf(groups);
    assertThat(seen.get().tenants()).containsExactlyInAnyOrderElementsOf(tenants);
  }

  private static void change(Consumer<IdentityService> change) {
    change.accept(identity);
  }

  private static void sql(String statement) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (var connection = config.getDataSource().getConnection(); var s = connection.createStatement()) {
      s.executeUpdate(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private int call(String user, String password, String source) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/process-definition/key/x/start");
    request.setRemoteAddr(source);
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8)));
    MockHttpServletResponse response = new MockHttpServletResponse();
    seen.set(null);
    HttpServlet target = new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) {
        seen.set((RequestAuthenticationFilter.Principal) req.getUserPrincipal());
        resp.setStatus(200);
      }
    };
    try {
      new MockFilterChain(target, new LoginThrottleFilter(throttle), new RequestAuthenticationFilter(engine,
          new SecurityProperties(null, null, null, null, null, null), cache)).doFilter(request, response);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response.getStatus();
  }
}
