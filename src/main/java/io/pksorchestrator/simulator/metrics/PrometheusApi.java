package io.pksorchestrator.simulator.metrics;

import static io.pksorchestrator.simulator.core.Json.obj;

import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.core.SimException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated Prometheus HTTP API ({@code /api/v1/query_range}, {@code /api/v1/query}). Any PromQL is
 * accepted; only a {@code cluster="<name>"} (or {@code cluster=~"<regex>"}) label matcher is read from it, and
 * the answer is the demand series of the matching clusters. No data exists after the simulated present.
 */
public final class PrometheusApi {

  /** Prometheus refuses range queries above this many points per series. */
  static final int MAX_POINTS = 11_000;
  private static final Pattern CLUSTER = Pattern.compile("cluster\\s*(=~|!=|=)\\s*\"([^\"]*)\"");

  private final Workloads workloads;
  private final Scheduler scheduler;
  private final String foundation;

  public PrometheusApi(Workloads workloads, Scheduler scheduler, String foundation) {
    this.workloads = workloads;
    this.scheduler = scheduler;
    this.foundation = foundation;
  }

  /** {@code query_range}: a matrix with one series per matching cluster. */
  public Map<String, Object> queryRange(String query, String start, String end, String step) {
    if (query == null || query.isBlank()) {
      throw badData("1:1: parse error: no expression found in input");
    }
    Instant from = time(start, "start");
    Instant to = time(end, "end");
    double stepSeconds = duration(step);
    if (to.isBefore(from)) {
      throw badData("end timestamp must not be before start time");
    }
    if ((to.getEpochSecond() - from.getEpochSecond()) / stepSeconds + 1 > MAX_POINTS) {
      throw badData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
    }
    Instant now = scheduler.now();
    List<Map<String, Object>> result = new ArrayList<>();
    for (String cluster : matching(query)) {
      List<List<Object>> values = new ArrayList<>();
      for (double t = from.getEpochSecond() + from.getNano() / 1e9; t <= to.getEpochSecond() + to.getNano() / 1e9; t += stepSeconds) {
        Instant at = Instant.ofEpochMilli((long) (t * 1000));
        if (at.isAfter(now)) {
          break;
        }
        double when = t;
        workloads.demand(cluster, at).ifPresent(v -> values.add(List.of(when, format(v))));
      }
      if (!values.isEmpty()) {
        result.add(obj("metric", labels(cluster), "values", values));
      }
    }
    return obj("status", "success", "data", obj("resultType", "matrix", "result", result));
  }

  /** Instant {@code query}: a vector with one sample per matching cluster at {@code time} (default: now). */
  public Map<String, Object> query(String query, String time) {
    if (query == null || query.isBlank()) {
      throw badData("1:1: parse error: no expression found in input");
    }
    Instant at = time == null || time.isBlank() ? scheduler.now() : time(time, "time");
    List<Map<String, Object>> result = new ArrayList<>();
    if (!at.isAfter(scheduler.now())) {
      for (String cluster : matching(query)) {
        Optional<Double> v = workloads.demand(cluster, at);
        v.ifPresent(value -> result.add(obj("metric", labels(cluster),
            "value", List.of(at.toEpochMilli() / 1000.0, format(value)))));
      }
    }
    return obj("status", "success", "data", obj("resultType", "vector", "result", result));
  }

  private Map<String, Object> labels(String cluster) {
    return obj("cluster", cluster, "foundation", foundation);
  }

  private List<String> matching(String query) {
    Predicate<String> filter = c -> true;
    Matcher m = CLUSTER.matcher(query);
    int matchers = 0;
    String equal = null;
    while (m.find()) {
      String op = m.group(1);
      String value = m.group(2);
      matchers++;
      if (op.equals("=")) {
        equal = value;
      }
      Pattern regex = op.equals("=~") ? Pattern.compile(value) : null;
      Predicate<String> one = switch (op) {
        case "=~" -> c -> regex.matcher(c).matches();
        case "!=" -> c -> !c.equals(value);
        default -> c -> c.equals(value);
      };
      filter = filter.and(one);
    }
    if (matchers == 1 && equal != null) { // one cluster by name: no walk over a large fleet
      return workloads.has(equal) ? List.of(equal) : List.of();
    }
    List<String> names = new ArrayList<>();
    for (String c : workloads.clusters()) {
      if (filter.test(c)) {
        names.add(c);
      }
    }
    return names;
  }

  private static String format(double v) {
    String s = String.valueOf(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /** Prometheus accepts unix seconds (with fraction) or RFC 3339. */
  static Instant time(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      throw badData("invalid parameter \"" + name + "\": cannot parse \"\" to a valid timestamp");
    }
    try {
      double seconds = Double.parseDouble(raw);
      return Instant.ofEpochMilli(Math.round(seconds * 1000));
    } catch (NumberFormatException e) {
      try {
        return Instant.parse(raw);
      } catch (DateTimeParseException e2) {
        throw badData("invalid parameter \"" + name + "\": cannot parse \"" + raw + "\" to a valid timestamp");
      }
    }
  }

  /** Step as float seconds or a Prometheus duration (30s, 5m, 1h, 1d). */
  static double duration(String raw) {
    if (raw == null || raw.isBlank()) {
      throw badData("invalid parameter \"step\": cannot parse \"\" to a valid duration");
    }
    double seconds;
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(raw);
    if (raw.matches("[0-9.]+")) {
      seconds = Double.parseDouble(raw);
    } else if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      seconds = switch (m.group(2)) {
        case "ms" -> n / 1000.0;
        case "s" -> n;
        case "m" -> n * 60;
        case "h" -> n * 3600;
        case "d" -> n * 86400;
        default -> n * 604800;
      };
    } else {
      throw badData("invalid parameter \"step\": cannot parse \"" + raw + "\" to a valid duration");
    }
    if (seconds <= 0) {
      throw badData("zero or negative query resolution step widths are not accepted. Try a positive integer");
    }
    return seconds;
  }

  private static SimException badData(String message) {
    return new SimException(400, obj("status", "error", "errorType", "bad_data", "error", message), message);
  }
}
