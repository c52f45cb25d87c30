package io.pksorchestrator.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic credentials this node verified recently, with the user's groups and tenants (docs/security.md §7).
 * Keyed on HMAC-SHA256(user, password) under a random key made at start-up and never stored: the password itself is
 * never kept. An entry is trusted for {@code ttl} and only while no identity change happened since it was read: every
 * write of the engine's identity provider (password, user, group, tenant, memberships, lock and unlock) and every
 * refused password check calls {@link #invalidateAll()} at once and again after its transaction commits, which
 * moves the generation on; an entry of an older generation is never used, so a check that read the old state
 * concurrently with a change cannot put it back. Bounded: when {@code maxEntries} are kept, the cache is emptied.
 * Only successful checks are cached: a wrong password is never found here and goes to the engine, whose identity
 * provider counts it for the login throttle.
 */
@Component
public class VerifiedCredentials {

  /** What a verified credential stands for. */
  public record Identity(String userId, java.util.List<String> groups, java.util.List<String> tenants) {}

  private record Entry(Identity identity, long generation, long expiresAt) {}

  private volatile boolean disabled;
  private final long ttlNanos;
  private final int maxEntries;
  private final LongSupplier nanoClock;
  private final SecretKeySpec key;
  private final AtomicLong generation = new AtomicLong();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  @Autowired
  public VerifiedCredentials(CredentialCacheProperties properties) {
    this(properties, System::nanoTime);
  }

  VerifiedCredentials(CredentialCacheProperties properties, LongSupplier nanoClock) {
    this.ttlNanos = properties.ttl().toNanos();
    this.maxEntries = properties.maxEntries();
    this.nanoClock = nanoClock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** Whether the cache is on ({@code ttl} > 0 and the engine's identity provider is ours). */
  public boolean enabled() {
    return ttlNanos > 0 && !disabled;
  }

  /** Turns the cache off for good: identity changes would not reach it (another identity provider). */
  void disable() {
    disabled = true;
    invalidateAll();
  }

  /** The generation to pass to {@link #remember} for a check that starts now. */
  public long generation() {
    return generation.get();
  }

  /** The identity of a credential verified within the TTL and before no identity change, or null. */
  public Identity find(String userId, String password) {
    if (!enabled()) {
      return null;
    }
    String k = keyOf(userId, password);
    Entry e = entries.get(k);
    if (e == null) {
      return null;
    }
    if (e.generation() != generation.get() || nanoClock.getAsLong() - e.expiresAt() >= 0) {
      entries.remove(k, e);
      return null;
    }
    return e.identity();
  }

  /**
   * Keeps a credential the engine has just verified; {@code generationAtCheck} is {@link #generation()} read before
   * the check started, so an identity change during the check keeps it out.
   */
  public void remember(String userId, String password, Identity identity, long generationAtCheck) {
    if (!enabled() || generationAtCheck != generation.get()) {
      return;
    }
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    entries.put(keyOf(userId, password), new Entry(identity, generationAtCheck, nanoClock.getAsLong() + ttlNanos));
  }

  /** Forgets every credential (an identity change or a refused password check). */
  public void invalidateAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private String keyOf(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] user = userId.getBytes(StandardCharsets.UTF_8);
      mac.update(Integer.toString(user.length).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(user);
      mac.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
