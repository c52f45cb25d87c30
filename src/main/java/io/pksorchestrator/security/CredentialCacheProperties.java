package io.pksorchestrator.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cache of verified HTTP Basic credentials ({@code pkso.security.credential-cache.*}, docs/security.md §7): a
 * request whose user and password were verified within {@code ttl} on this node, with no identity change through
 * the engine since, skips the password check and the group and tenant queries.
 *
 * @param ttl how long a verified credential is trusted without checking it again (default 10s; {@code 0s}: no cache,
 *     every request checks the password); at most 5 minutes
 * @param maxEntries credentials kept at most (default 1000; when full the cache is emptied)
 */
@ConfigurationProperties("pkso.security.credential-cache")
public record CredentialCacheProperties(Duration ttl, Integer maxEntries) {

  public CredentialCacheProperties {
    ttl = ttl == null ? Duration.ofSeconds(10) : ttl;
    maxEntries = maxEntries == null ? 1000 : maxEntries;
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(5)) > 0 || maxEntries < 1) {
      throw new IllegalArgumentException("pkso.security.credential-cache: ttl must be from 0s to 5m, max-entries"
          + " >= 1");
    }
  }
}
