package io.pksorchestrator.simulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deterministic faults armed by configuration or by tests: each fault fires for exactly the next N matching
 * occurrences, then disarms itself. Thread-safe.
 */
public final class FaultInjector {

  /** An armed HTTP fault; {@code status} 0 means "answer normally after the latency". */
  public record HttpFault(String method, String pathGlob, int status, Duration latency, int remaining) {}

  private static final class Armed {
    final String method;
    final String glob;
    final Pattern pattern;
    final int status;
    final Duration latency;
    int remaining;

    Armed(String method, String glob, int status, Duration latency, int remaining) {
      this.method = method;
      this.glob = glob;
      this.pattern = Pattern.compile(globToRegex(glob));
      this.status = status;
      this.latency = latency;
      this.remaining = remaining;
    }
  }

  private final List<Armed> http = new ArrayList<>();
  private final Map<String, Integer> clusterFailures = new HashMap<>();
  private int boshTaskErrors;
  private int installationFailures;

  /** Arms an HTTP fault for the next {@code count} calls of {@code method} (or *) on paths matching the glob. */
  public synchronized void addHttpFault(String method, String pathGlob, int status, Duration latency, int count) {
    if (pathGlob == null || !pathGlob.startsWith("/")) {
      throw new IllegalArgumentException("A fault needs a path glob starting with /, e.g. /lab/pks/v1/clusters/**");
    }
    if (status != 0 && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("A fault status must be 4xx or 5xx (or 0 for latency only), not " + status);
    }
    if (count < 1) {
      throw new IllegalArgumentException("A fault count must be at least 1, not " + count);
    }
    Duration delay = latency == null ? Duration.ZERO : latency;
    if (status == 0 && delay.isZero()) {
      throw new IllegalArgumentException("A fault needs a status (e.g. 503, 429) or a latency (e.g. PT35S)");
    }
    http.add(new Armed(method == null || method.isBlank() ? "*" : method.toUpperCase(), pathGlob, status, delay, count));
  }

  /** Consumes one occurrence of the first armed fault matching the call, if any. */
  public synchronized Optional<HttpFault> takeHttpFault(String method, String path) {
    for (Iterator<Armed> it = http.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if ((a.method.equals("*") || a.method.equalsIgnoreCase(method)) && a.pattern.matcher(path).matches()) {
        a.remaining--;
        if (a.remaining <= 0) {
          it.remove();
        }
        return Optional.of(new HttpFault(a.method, a.glob, a.status, a.latency, a.remaining));
      }
    }
    return Optional.empty();
  }

  /** Makes the next {@code count} operations on {@code cluster} end {@code failed}. */
  public synchronized void failNextClusterOperation(String cluster, int count) {
    clusterFailures.merge(cluster, count, Integer::sum);
  }

  /** Consumes a pending failure for {@code cluster}. */
  public synchronized boolean takeClusterFailure(String cluster) {
    Integer n = clusterFailures.get(cluster);
    if (n == null || n <= 0) {
      return false;
    }
    if (n == 1) {
      clusterFailures.remove(cluster);
    } else {
      clusterFailures.put(cluster, n - 1);
    }
    return true;
  }

  /** Makes the next {@code count} BOSH tasks end in state error. */
  public synchronized void failNextBoshTasks(int count) {
    boshTaskErrors += count;
  }

  /** Consumes a pending BOSH task error. */
  public synchronized boolean takeBoshTaskError() {
    if (boshTaskErrors <= 0) {
      return false;
    }
    boshTaskErrors--;
    return true;
  }

  /** Makes the next {@code count} Ops Manager installations fail. */
  public synchronized void failNextInstallations(int count) {
    installationFailures += count;
  }

  /** Consumes a pending installation failure. */
  public synchronized boolean takeInstallationFailure() {
    if (installationFailures <= 0) {
      return false;
    }
    installationFailures--;
    return true;
  }

  /** What is armed, for the test endpoint. */
  public synchronized Map<String, Object> describe() {
    List<HttpFault> faults = http.stream()
        .map(a -> new HttpFault(a.method, a.glob, a.status, a.latency, a.remaining)).toList();
    return Map.of("http", faults, "clusterFailures", Map.copyOf(clusterFailures),
        "boshTaskErrors", boshTaskErrors, "installationFailures", installationFailures);
  }

  /** Disarms everything. */
  public synchronized void clear() {
    http.clear();
    clusterFailures.clear();
    boshTaskErrors = 0;
    installationFailures = 0;
  }

  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }
}
