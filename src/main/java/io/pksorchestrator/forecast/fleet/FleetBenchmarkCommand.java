package io.pksorchestrator.forecast.fleet;

import io.pksorchestrator.cli.Progress;
import io.pksorchestrator.forecast.BacktestingForecaster;
import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.HeadroomScalingPlanner;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.BenchmarkScalingPolicy;
import io.pksorchestrator.forecast.ScalingInput;
import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.forecast.replay.ReplayException;
import io.pksorchestrator.forecast.replay.ReplayOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The {@code fleet-benchmark} command: one forecasting and planning cycle (what the forecasting process does every
 * cycle) for a fleet of synthetic clusters, with no parameters cached (the worst case: every cluster is fitted).
 * Prints wall time, time per cluster, heap used and the process's peak RSS.
 */
public final class FleetBenchmarkCommand {

  static final String USAGE = """
      usage: java -jar pks-orchestrator.jar fleet-benchmark [--clusters 1000] [--days 14] [--step 5m] [--threads N]
                                                            [--quiet]
      Generates seeded synthetic demand histories and times one forecasting + planning cycle over all of them.
        --clusters N   clusters in the fleet (default 1000)
        --days N       days of history per cluster (default 14)
        --step D       history step (default 5m)
        --threads N    worker threads (default: available processors)
        --quiet        no progress on standard error (by default: a bar on a terminal, else a line every 10%)
      """;

  private FleetBenchmarkCommand() {}

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    int clusters = 1000;
    int days = 14;
    int stepMinutes = 5;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean quiet = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          out.print(USAGE);
          return 0;
        }
        if (a.equals("--quiet")) {
          quiet = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new ReplayException(2, "option " + a + " needs a value (see --help)");
        }
        String v = args[++i];
        switch (a) {
          case "--clusters" -> clusters = positiveInt(a, v);
          case "--days" -> days = positiveInt(a, v);
          case "--step" -> stepMinutes = Math.max(1, minutes(v));
          case "--threads" -> threads = positiveInt(a, v);
          default -> throw new ReplayException(2, "unknown option " + a + " (see --help)");
        }
      }
      execute(clusters, days, stepMinutes, threads, out, Progress.on(err, "fleet-benchmark", clusters,
          "clusters forecast", quiet));
      return 0;
    } catch (ReplayException e) {
      err.println("fleet-benchmark: " + e.getMessage());
      return e.exitCode();
    } catch (Exception e) {
      err.println("fleet-benchmark: failed: " + e);
      return 1;
    }
  }

  private static void execute(int clusters, int days, int stepMinutes, int threads, PrintStream out,
      Progress progress) throws Exception {
    Duration step = Duration.ofMinutes(stepMinutes);
    int points = (int) (Duration.ofDays(days).toMinutes() / stepMinutes);
    Instant now = Instant.parse("2026-03-02T12:00:00Z");
    List<DemandSeries> fleet = new ArrayList<>(clusters);
    for (int c = 0; c < clusters; c++) {
      fleet.add(SyntheticFleet.cluster(42L + c, now, step, points));
    }
    BacktestingForecaster forecaster = new BacktestingForecaster();
    HeadroomScalingPlanner planner = new HeadroomScalingPlanner();
    ScalingPolicy policy = BenchmarkScalingPolicy.policy(8, 3, 200, Duration.ofMinutes(10), Duration.ofMinutes(5));
    Duration horizon = policy.leadTime().plus(policy.decisionInterval());
    System.gc();
    long heapBefore = usedHeap();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    long cpuBegan = processCpuNanos();
    List<Future<ScalingDecision>> results = new ArrayList<>(clusters);
    for (int c = 0; c < clusters; c++) {
      String key = "bench/cluster-" + c;
      DemandSeries history = fleet.get(c);
      results.add(pool.submit(() -> {
        Forecast f = forecaster.forecast(key, history, horizon);
        ScalingDecision decision = planner.plan(new ScalingInput(history.end(), 10, history, f, null, null), policy);
        progress.advance();
        return decision;
      }));
    }
    int changes = 0;
    try (progress) {
      for (Future<ScalingDecision> r : results) {
        changes += r.get().isChange() ? 1 : 0;
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuBegan) / 1e9;
    long heapAfter = usedHeap();
    pool.shutdown();
    out.printf(Locale.ROOT, "clusters=%d history=%d points (%d days at %dm) threads=%d cpus=%d%n", clusters, points,
        days, stepMinutes, threads, Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "cycle wall time: %.2f s (%.2f ms per cluster); %d of %d decisions change the size%n",
        seconds, seconds * 1000 / clusters, changes, clusters);
    out.printf(Locale.ROOT, "process CPU time during the cycle: %.2f s (%.2f ms per cluster; wall time on %d idle "
        + "cores would be about %.2f s)%n", cpuSeconds, cpuSeconds * 1000 / clusters, threads, cpuSeconds / threads);
    out.printf(Locale.ROOT, "heap used: %.0f MB before the cycle (fleet histories loaded), %.0f MB after; max heap "
        + "%.0f MB%n", heapBefore / 1e6, heapAfter / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    out.println("peak RSS: " + peakRss());
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return line.substring(6).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: not available
    }
    return "n/a";
  }

  private static int positiveInt(String name, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ReplayException(2, name + ": '" + v + "' must be a positive whole number");
  }

  private static int minutes(String v) {
    String[] args = {"--trace", "x", "--out", "y", "--interval", v};
    return ReplayOptions.parse(args).interval();
  }
}
