package io.pksorchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache of verified credentials on its own: TTL, generations, bound, off switch (docs/security.md §7). */
class VerifiedCredentialsTest {

  private static final VerifiedCredentials.Identity ADMIN = new VerifiedCredentials.Identity("admin",
      List.of("camunda-admin"), List.of());
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private VerifiedCredentials cache(Duration ttl, int max) {
    return new VerifiedCredentials(new CredentialCacheProperties(ttl, max), now::get);
  }

  @Test
  void aVerifiedCredentialIsFoundForItsTtlOnlyAndOnlyWithTheSamePassword() {
    VerifiedCredentials cache = cache(Duration.ofSeconds(10), 10);
    cache.remember("admin", "right", ADMIN, cache.generation());
    assertThat(cache.find("admin", "right")).isEqualTo(ADMIN);
    assertThat(cache.find("admin", "wrong")).isNull();
    assertThat(cache.find("admin", "right ")).isNull();
    assertThat(cache.find("admi", "nright")).as("user and password are not simply concatenated").isNull();
    now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(cache.find("admin", "right")).isEqualTo(ADMIN);
    now.addAndGet(1);
    assertThat(cache.find("admin", "right")).as("expired").isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void anIdentityChangeForgetsEverythingAndKeepsOutAConcurrentCheckOfTheOldState() {
    VerifiedCredentials cache = cache(Duration.ofSeconds(10), 10);
    cache.remember("admin", "right", ADMIN, cache.generation());
    long before = cache.generation();
    cache.invalidateAll();
    assertThat(cache.find("admin", "right")).isNull();
    cache.remember("operator", "old", ADMIN, before);
    assertThat(cache.find("operator", "old")).as("verified before the change, remembered after it").isNull();
    cache.remember("operator", "new", ADMIN, cache.generation());
    assertThat(cache.find("operator", "new")).isEqualTo(ADMIN);
  }

  @Test
  void boundedAndOffWithAZeroTtl() {
    VerifiedCredentials cache = cache(Duration.ofSeconds(10), 3);
    for (int i = 0; i < 7; i++) {
      cache.remember("u" + i, "p", ADMIN, cache.generation());
      assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
    VerifiedCredentials off = cache(Duration.ZERO, 3);
    off.remember("admin", "right", ADMIN, off.generation());
    assertThat(off.enabled()).isFalse();
    assertThat(off.find("admin", "right")).isNull();
    VerifiedCredentials disabled = cache(Duration.ofSeconds(10), 3);
    disabled.remember("admin", "right", ADMIN, disabled.generation());
    disabled.disable();
    disabled.remember("admin", "right", ADMIN, disabled.generation());
    assertThat(disabled.find("admin", "right")).as("another identity provider: off").isNull();
  }

  @Test
  void settingsAreValidated() {
    assertThat(new CredentialCacheProperties(null, null)).isEqualTo(
        new CredentialCacheProperties(Duration.ofSeconds(10), 1000));
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofMinutes(6), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofSeconds(-1), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
