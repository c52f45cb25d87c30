package io.pksorchestrator.forecast.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code timeline.csv} and {@code summary.json}. */
final class ReplayReport {

  private ReplayReport() {}

  /**
   * One row per minute: {@code timestamp,demand_cores,ready_nodes,requested_nodes,forecast_cores,
   * forecast_upper_cores}; requested_nodes = nodes requested but not yet serving; the forecast columns are empty
   * where the product had no ready forecast.
   */
  static void writeTimeline(Path file, Instant start, double[] demand, ProductReplay.Result product)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("timestamp,demand_cores,ready_nodes,requested_nodes,forecast_cores,forecast_upper_cores\n");
      StringBuilder row = new StringBuilder(96);
      for (int t = 0; t < demand.length; t++) {
        row.setLength(0);
        row.append(Trace.TIMESTAMP.format(start.plusSeconds(60L * t).atOffset(ZoneOffset.UTC))).append(',')
            .append(demand[t]).append(',').append(product.run().ready()[t]).append(',')
            .append(product.run().pending()[t]).append(',');
        if (!Double.isNaN(product.forecastMean()[t])) {
          row.append(product.forecastMean()[t]);
        }
        row.append(',');
        if (!Double.isNaN(product.forecastUpper()[t])) {
          row.append(product.forecastUpper()[t]);
        }
        w.write(row.append('\n').toString());
      }
    }
  }

  static void writeSummary(Path file, ReplayOptions options, Map<String, Object> extra, Map<String, Score> scores)
      throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> opts = new LinkedHashMap<>();
    opts.put("trace", options.trace().toString());
    opts.put("peak_cores", options.peakCores());
    opts.put("node_cores", options.nodeCores());
    opts.put("min_nodes", options.minNodes());
    opts.put("lead_time_minutes", options.leadTime());
    opts.put("interval_minutes", options.interval());
    opts.put("warmup_minutes", options.warmup());
    root.put("options", opts);
    root.putAll(extra);
    scores.forEach((name, s) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("under_time_share", s.underTimeShare());
      m.put("unmet_demand_share", s.unmetDemandShare());
      m.put("node_hours", s.nodeHours());
      m.put("cost_vs_oracle", s.costVsOracle());
      m.put("scale_actions_per_day", s.scaleActionsPerDay());
      root.put(name, m);
    });
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
  }
}
