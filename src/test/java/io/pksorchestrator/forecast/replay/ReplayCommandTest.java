package io.pksorchestrator.forecast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReplayCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void replaysATraceAndWritesTheTimelineSummaryAndChart() throws Exception {
    Path trace = dir.resolve("daily.csv");
    List<String> lines = new ArrayList<>(List.of("timestamp,value"));
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int i = 0; i < 3 * 288; i++) {
      double v = 100 + 80 * Math.sin(2 * Math.PI * i / 288);
      lines.add(Trace.TIMESTAMP.format(t.plusMinutes(5L * i)) + "," + (i == 10 ? "" : String.valueOf(v)));
    }
    Files.write(trace, lines);
    Path outDir = dir.resolve("out");
    assertThat(run("--trace", trace.toString(), "--out", outDir.toString(), "--warmup", "1d")).as(err.toString())
        .isZero();
    List<String> timeline = Files.readAllLines(outDir.resolve("timeline.csv"));
    assertThat(timeline.get(0))
        .isEqualTo("timestamp,demand_cores,ready_nodes,requested_nodes,forecast_cores,forecast_upper_cores");
    assertThat(timeline).hasSize(1 + (3 * 288 - 1) * 5 + 1);
    assertThat(timeline.get(1)).startsWith("2024-01-01 00:00:00,");
    JsonNode summary = new ObjectMapper().readTree(outDir.resolve("summary.json").toFile());
    for (String name : List.of("product", "oracle", "reactive", "buffer_equal_cost")) {
      assertThat(summary.path(name).path("cost_vs_oracle").isNumber()).as(name).isTrue();
      assertThat(summary.path(name).has("under_time_share")).isTrue();
    }
    assertThat(summary.path("oracle").path("under_time_share").asDouble()).isZero();
    assertThat(summary.path("buffer_equal_cost").path("node_hours").asDouble())
        .isCloseTo(summary.path("product").path("node_hours").asDouble(), org.assertj.core.data.Offset.offset(1.0));
    assertThat(summary.path("options").path("lead_time_minutes").asInt()).isEqualTo(10);
    assertThat(Files.size(outDir.resolve("replay.png"))).isPositive();
    // the scoring of the written timeline gives the reported product figures
    double under = 0;
    int scored = 0;
    for (String row : timeline.subList(1 + 1440, timeline.size())) {
      String[] c = row.split(",", -1);
      scored++;
      under += Double.parseDouble(c[1]) > Integer.parseInt(c[2]) * 8 ? 1 : 0;
    }
    assertThat(summary.path("product").path("under_time_share").asDouble()).isEqualTo(under / scored);
  }

  @Test
  void progressGoesToStandardErrorAsALineEveryTenthAndQuietTurnsItOff() throws Exception {
    Path trace = dir.resolve("flat.csv");
    List<String> lines = new ArrayList<>(List.of("timestamp,value"));
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int i = 0; i < 2 * 288; i++) {
      lines.add(Trace.TIMESTAMP.format(t.plusMinutes(5L * i)) + "," + (100 + i % 7));
    }
    Files.write(trace, lines);

    assertThat(run("--trace", trace.toString(), "--out", dir.resolve("a").toString(), "--warmup", "1d"))
        .as(err.toString()).isZero();
    List<String> progress = err.toString(StandardCharsets.UTF_8).lines().toList();
    // 2 days less 5 minutes of minutes at a decision every 5 minutes
    assertThat(progress).hasSize(10).allMatch(l -> l.startsWith("replay: "));
    assertThat(progress.get(0)).startsWith("replay: 10% (58 of 576 decisions) after ").endsWith(" left");
    assertThat(progress.get(9)).startsWith("replay: 100% (576 of 576 decisions) after ");
    String results = withoutTiming(out.toString(StandardCharsets.UTF_8));

    out.reset();
    err.reset();
    assertThat(run("--trace", trace.toString(), "--out", dir.resolve("a").toString(), "--warmup", "1d", "--quiet"))
        .isZero();
    assertThat(err.size()).as("standard error with --quiet").isZero();
    assertThat(withoutTiming(out.toString(StandardCharsets.UTF_8))).as("standard output is the same")
        .isEqualTo(results).contains("strategy").contains("buffer_equal_cost");
  }

  @Test
  void sweepWritesBothCurvesWithProgressAndTheBufferAtZeroIsTheReactiveBaseline() throws Exception {
    Path trace = dir.resolve("daily.csv");
    List<String> lines = new ArrayList<>(List.of("timestamp,value"));
    LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (int i = 0; i < 3 * 288; i++) {
      lines.add(Trace.TIMESTAMP.format(t.plusMinutes(5L * i)) + ","
          + (100 + 80 * Math.sin(2 * Math.PI * i / 288) + (i % 37 == 0 ? 60 : 0)));
    }
    Files.write(trace, lines);
    assertThat(run("--trace", trace.toString(), "--out", dir.resolve("one").toString(), "--warmup", "1d",
        "--quiet")).isZero();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("one/summary.json").toFile());
    err.reset();
    out.reset();

    Path outDir = dir.resolve("sweep");
    assertThat(run("--sweep", "--trace", trace.toString(), "--out", outDir.toString(), "--warmup", "1d"))
        .as(err.toString()).isZero();
    List<String> csv = Files.readAllLines(outDir.resolve("pareto.csv"));
    assertThat(csv.get(0)).isEqualTo("strategy,setting,cost_vs_oracle,under_time_share,unmet_demand_share,"
        + "node_hours,scale_actions_per_day");
    List<String[]> rows = csv.subList(1, csv.size()).stream().map(r -> r.split(",")).toList();
    assertThat(rows).hasSize(1 + ParetoSweep.QUANTILES.length + ParetoSweep.OFFSETS.length);
    assertThat(rows.stream().filter(r -> r[0].equals("product")).map(r -> Double.parseDouble(r[1])))
        .containsExactly(0.6, 0.7, 0.8, 0.9, 0.95, 0.98);
    // the default settings give the plain replay's figures; the buffer at b = 0 is the reactive baseline
    String[] chosen = rows.get(0);
    assertThat(chosen[0]).isEqualTo("product_default");
    assertThat(Double.parseDouble(chosen[3])).isEqualTo(summary.path("product").path("under_time_share").asDouble());
    assertThat(Double.parseDouble(chosen[5])).isEqualTo(summary.path("product").path("node_hours").asDouble());
    String[] zero = rows.stream().filter(r -> r[0].equals("buffer")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(zero[1])).isZero();
    assertThat(Double.parseDouble(zero[3])).isEqualTo(summary.path("reactive").path("under_time_share").asDouble());
    assertThat(Double.parseDouble(zero[5])).isEqualTo(summary.path("reactive").path("node_hours").asDouble());
    // a larger buffer never costs less
    List<Double> bufferCost = rows.stream().filter(r -> r[0].equals("buffer")).map(r -> Double.parseDouble(r[2]))
        .toList();
    assertThat(bufferCost).isSorted();
    assertThat(bufferCost.get(bufferCost.size() - 1)).isGreaterThan(bufferCost.get(0));
    assertThat(Files.size(outDir.resolve("pareto.png"))).isPositive();
    List<String> progress = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(progress).hasSize(10).allMatch(l -> l.startsWith("replay --sweep: "));
    assertThat(progress.get(9)).startsWith("replay --sweep: 100% (6,048 of 6,048 decisions)");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("product_default").contains("pareto.png");
  }

  /** The last line of the results names the run's duration in seconds. */
  private static String withoutTiming(String results) {
    return results.replaceAll("; [0-9.]+ s; wrote", "; _ s; wrote");
  }

  @Test
  void exitCodesSayWhatWentWrong() throws Exception {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("usage: java -jar pks-orchestrator.jar replay");
    assertThat(run("--trace", dir.resolve("missing.csv").toString(), "--out", dir.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("trace file not found");
    assertThat(run("--bogus", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown option --bogus");
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, List.of("timestamp,value", "2024-01-01 00:00:00,1", "2024-01-01 00:01:00,x"));
    assertThat(run("--trace", bad.toString(), "--out", dir.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("bad.csv:3: value 'x' is not a number");
  }
}
