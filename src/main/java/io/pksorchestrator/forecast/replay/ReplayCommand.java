package io.pksorchestrator.forecast.replay;

import io.pksorchestrator.cli.Progress;
import io.pksorchestrator.forecast.BacktestingForecaster;
import io.pksorchestrator.forecast.HeadroomScalingPlanner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code replay} command: runs the benchmark and writes its files. Starts no web server and no Spring. */
public final class ReplayCommand {

  /** Turns the progress on standard error off. */
  static final String QUIET = "--quiet";
  /** Runs the cost / under-provisioning sweep instead of one replay. */
  static final String SWEEP = "--sweep";

  private ReplayCommand() {}

  /** Runs the command with the arguments after {@code replay}; returns the process exit code. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      boolean quiet = Arrays.asList(args).contains(QUIET);
      boolean sweep = Arrays.asList(args).contains(SWEEP);
      ReplayOptions options = ReplayOptions.parse(Arrays.stream(args)
          .filter(a -> !a.equals(QUIET) && !a.equals(SWEEP)).toArray(String[]::new));
      if (options == null) {
        out.print(ReplayOptions.USAGE);
        return 0;
      }
      if (sweep) {
        sweep(options, out, err, quiet);
      } else {
        execute(options, out, err, quiet);
      }
      return 0;
    } catch (ReplayException e) {
      err.println("replay: " + e.getMessage());
      return e.exitCode();
    } catch (IOException e) {
      err.println("replay: cannot write the output: " + e.getMessage() + " (check --out is a writable directory)");
      return 3;
    }
  }

  /** The sweep: {@code pareto.csv} and {@code pareto.png}; progress on {@code err}, the table on {@code out}. */
  static List<ParetoSweep.Point> sweep(ReplayOptions options, PrintStream out, PrintStream err, boolean quiet)
      throws IOException {
    long began = System.nanoTime();
    Trace trace = Trace.read(options.trace());
    double[] demand = trace.demandCores(options.peakCores());
    if (demand.length <= options.warmup()) {
      throw new ReplayException(3, "no minute is scored: the trace has " + demand.length
          + " minutes, the warm-up is " + options.warmup() + "; shorten --warmup");
    }
    Files.createDirectories(options.out());
    List<ParetoSweep.Point> points;
    try (Progress progress = Progress.on(err, "replay --sweep", ParetoSweep.work(demand.length, options),
        "decisions", quiet)) {
      points = ParetoSweep.run(trace.start(), demand, options, progress);
    }
    ParetoSweep.writeCsv(options.out().resolve("pareto.csv"), points);
    ParetoSweep.writeChart(options.out().resolve("pareto.png"), points);
    out.printf(Locale.ROOT, "%-16s %8s %8s %10s %10s%n", "strategy", "setting", "cost", "under_time", "unmet");
    for (ParetoSweep.Point p : points) {
      out.printf(Locale.ROOT, "%-16s %8.2f %8.3f %10.4f %10.5f%n", p.strategy(), p.setting(),
          p.score().costVsOracle(), p.score().underTimeShare(), p.score().unmetDemandShare());
    }
    out.printf(Locale.ROOT, "%.1f s; wrote %s and %s%n", (System.nanoTime() - began) / 1e9,
        options.out().resolve("pareto.csv"), options.out().resolve("pareto.png"));
    return points;
  }

  /** Progress (the product's decisions) goes to {@code err} unless {@code quiet}; results to {@code out}. */
  static Map<String, Score> execute(ReplayOptions options, PrintStream out, PrintStream err, boolean quiet)
      throws IOException {
    long began = System.nanoTime();
    Trace trace = Trace.read(options.trace());
    double[] demand = trace.demandCores(options.peakCores());
    if (demand.length <= options.warmup()) {
      throw new ReplayException(3, "no minute is scored: the trace has " + demand.length
          + " minutes, the warm-up is " + options.warmup() + "; shorten --warmup");
    }
    Files.createDirectories(options.out());
    BacktestingForecaster forecaster = new BacktestingForecaster();
    ProductReplay.Result product;
    try (Progress progress = Progress.on(err, "replay", ProductReplay.decisions(demand.length, options),
        "decisions", quiet)) {
      product = new ProductReplay(forecaster, new HeadroomScalingPlanner(), forecaster.settings().maxHistory(),
          forecaster.settings().refitEvery(), Runtime.getRuntime().availableProcessors()).run(trace.start(), demand, options, progress);
    }
    double nc = options.nodeCores();
    int w = options.warmup();
    CapacityRun oracle = Baselines.oracle(demand, nc, options.minNodes());
    double oracleHours = Score.nodeHours(oracle.ready(), w);
    CapacityRun reactive = Baselines.reactive(demand, nc, options.minNodes(), options.leadTime());
    Score productScore = Score.of(demand, product.run(), nc, w, oracleHours);
    BufferSearch.Result buffer = BufferSearch.find(demand, nc, options.minNodes(), options.leadTime(), w,
        productScore.nodeHours());
    Map<String, Score> scores = new LinkedHashMap<>();
    scores.put("product", productScore);
    scores.put("oracle", Score.of(demand, oracle, nc, w, oracleHours));
    scores.put("reactive", Score.of(demand, reactive, nc, w, oracleHours));
    scores.put("buffer_equal_cost", Score.of(demand, buffer.run(), nc, w, oracleHours));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("minutes", demand.length);
    extra.put("scored_minutes", demand.length - w);
    extra.put("buffer_b", buffer.b());
    extra.put("product_models_chosen", product.models());
    ReplayReport.writeTimeline(options.out().resolve("timeline.csv"), trace.start(), demand, product);
    ReplayReport.writeSummary(options.out().resolve("summary.json"), options, extra, scores);
    ReplayChart.write(options.out().resolve("replay.png"), trace.start(), demand, product.run().ready(),
        reactive.ready(), nc, w);
    out.printf(Locale.ROOT, "%-18s %10s %10s %12s %8s %10s%n", "strategy", "under_time", "unmet", "node_hours",
        "cost", "actions/d");
    scores.forEach((name, s) -> out.printf(Locale.ROOT, "%-18s %10.4f %10.5f %12.1f %8.3f %10.1f%n", name,
        s.underTimeShare(), s.unmetDemandShare(), s.nodeHours(), s.costVsOracle(), s.scaleActionsPerDay()));
    out.printf(Locale.ROOT, "buffer b = %.4f; models %s; %.1f s; wrote %s%n", buffer.b(), product.models(),
        (System.nanoTime() - began) / 1e9, options.out());
    return scores;
  }
}
