package io.pksorchestrator.platform.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.http.Component;
import io.pksorchestrator.platform.http.FoundationClients;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link MetricsGateway} over a Prometheus HTTP API with the foundation's {@code metrics.demand-query}. Long
 * ranges are fetched in windows of at most {@value #MAX_POINTS} points, since Prometheus refuses more than
 * 11,000 points per series. When the query yields several series, they are summed per timestamp.
 */
@org.springframework.stereotype.Component
public class PrometheusMetricsGateway implements MetricsGateway {

  static final int MAX_POINTS = 10_000;

  /** Timer of every Prometheus HTTP query (tags {@code foundation} and {@code api}: query_range). */
  public static final String QUERY_TIMER = "pkso.metrics.prometheus.query";

  private final FoundationClients clients;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  public PrometheusMetricsGateway(FoundationClients clients) {
    this(clients, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  @org.springframework.beans.factory.annotation.Autowired
  public PrometheusMetricsGateway(FoundationClients clients, io.micrometer.core.instrument.MeterRegistry meters) {
    this.clients = clients;
    this.meters = meters;
  }

  private <T> T timed(String foundation, String api, java.util.function.Supplier<T> query) {
    io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start(meters);
    try {
      return query.get();
    } finally {
      sample.stop(meters.timer(QUERY_TIMER, "foundation", foundation, "api", api));
    }
  }

  private PrometheusApi api(String foundation) {
    return clients.api(foundation, Component.METRICS, PrometheusApi.class);
  }

  @Override
  public List<DemandSample> demand(String foundation, String cluster, Instant from, Instant to, Duration step) {
    if (step.isZero() || step.isNegative() || to.isBefore(from)) {
      throw new IllegalArgumentException("Demand range needs from <= to and a positive step (got " + from + ".."
          + to + " step " + step + ")");
    }
    String query = demandQuery(foundation, cluster);
    TreeMap<Instant, Double> sums = new TreeMap<>();
    Duration window = step.multipliedBy(MAX_POINTS - 1);
    Instant start = from;
    while (!start.isAfter(to)) {
      Instant end = start.plus(window).isAfter(to) ? to : start.plus(window);
      Instant windowStart = start;
      PrometheusApi.QueryResponse answer = timed(foundation, "query_range", () -> api(foundation).queryRange(query,
          seconds(windowStart), seconds(end), seconds(step)));
      for (PrometheusApi.Series series : result(foundation, answer)) {
        if (series.values() != null) {
          series.values().forEach(point -> add(sums, point));
        }
      }
      start = end.plus(step);
    }
    List<DemandSample> samples = new ArrayList<>(sums.size());
    sums.forEach((time, cores) -> samples.add(new DemandSample(time, cores)));
    return samples;
  }

  /** The configured PromQL with the cluster name as an escaped PromQL string literal. */
  String demandQuery(String foundation, String cluster) {
    if (clients.config(foundation).metrics() == null) {
      throw new IllegalStateException("Foundation '" + foundation + "' has no metrics source; set pkso.foundations."
          + foundation + ".metrics.url to a Prometheus HTTP API");
    }
    String escaped = cluster.replace("\\", "\\\\").replace("\"", "\\\"");
    return clients.config(foundation).metrics().demandQuery().replace("{cluster}", escaped);
  }

  private static List<PrometheusApi.Series> result(String foundation, PrometheusApi.QueryResponse answer) {
    if (answer == null || !"success".equals(answer.status())) {
      throw new FoundationRejectedException(foundation, 200, "Foundation '" + foundation
          + "' metrics: Prometheus answered status '" + (answer == null ? null : answer.status()) + "'",
          "query not successful");
    }
    return answer.data() == null || answer.data().result() == null ? List.of() : answer.data().result();
  }

  private static void add(Map<Instant, Double> sums, List<JsonNode> point) {
    if (point.size() < 2) {
      return;
    }
    double value;
    try {
      value = Double.parseDouble(point.get(1).asText());
    } catch (NumberFormatException e) {
      return;
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return; // a gap in the series, not a demand of zero
    }
    BigDecimal ts = point.get(0).decimalValue();
    Instant time = Instant.ofEpochMilli(ts.movePointRight(3).longValue());
    sums.merge(time, value, Double::sum);
  }

  private static String seconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }

  private static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }
}
