package io.pksorchestrator.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refused logins per source (the client IP address as the server sees it; see docs/security.md for proxies): a
 * source that has {@code source-max-failures} refused logins within {@code source-window} (counted from its first
 * one) is throttled until that window ends. In memory, per node, at most {@code source-tracked} sources (expired ones
 * are dropped first; when every slot is taken by a live window a new source is not tracked and only the account's own
 * delay applies to it). Time is the engine's clock, so tests move both together.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final int maxFailures;
  private final long windowMillis;
  private final int tracked;
  private final Map<String, Window> sources = new ConcurrentHashMap<>();

  public LoginThrottle(SecurityProperties properties) {
    SecurityProperties.Login login = properties.login();
    this.maxFailures = login.sourceMaxFailures();
    this.windowMillis = login.sourceWindow().toMillis();
    this.tracked = login.sourceTracked();
  }

  private record Window(long start, int failures) {}

  /** Seconds until {@code source} may try again; 0 when it is not throttled. */
  public long retryAfterSeconds(String source) {
    Window w = source == null ? null : sources.get(source);
    long now = ClockUtil.getCurrentTime().getTime();
    if (w == null || w.failures < maxFailures || now >= w.start + windowMillis) {
      return 0;
    }
    return Math.max(1, (w.start + windowMillis - now + 999) / 1000);
  }

  /** Counts a refused login of {@code user} from {@code source}. */
  public void recordFailure(String source, String user) {
    if (source == null) {
      return;
    }
    long now = ClockUtil.getCurrentTime().getTime();
    if (!sources.containsKey(source) && sources.size() >= tracked && !makeRoom(now)) {
      LOG.warn("PKSO-SEC032 Not tracking refused logins of {}: {} sources are tracked already", source, tracked);
      return;
    }
    Window w = sources.compute(source, (s, old) -> old == null || now >= old.start + windowMillis
        ? new Window(now, 1) : new Window(old.start, old.failures + 1));
    if (w.failures == maxFailures) {
      LOG.warn("PKSO-SEC030 Throttling logins from {} for {} s after {} refused logins (last for user '{}')", source,
          retryAfterSeconds(source), maxFailures, Logs.safe(user));
    }
  }

  /** Forgets every source (tests; an operator could call it through a debugger, nothing else does). */
  void clear() {
    sources.clear();
  }

  private boolean makeRoom(long now) {
    for (Iterator<Window> it = sources.values().iterator(); it.hasNext(); ) {
      if (now >= it.next().start + windowMillis) {
        it.remove();
      }
    }
    return sources.size() < tracked;
  }
}
