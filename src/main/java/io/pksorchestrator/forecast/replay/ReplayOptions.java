package io.pksorchestrator.forecast.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options of the {@code replay} command.
 *
 * @param trace demand trace CSV
 * @param out output directory
 * @param peakCores demand at the trace's 99th percentile, in cores
 * @param nodeCores allocatable cores per node
 * @param minNodes fewest nodes
 * @param leadTime minutes from requesting a node to it serving
 * @param interval minutes between two decisions of the product
 * @param warmup minutes not scored at the start
 */
public record ReplayOptions(Path trace, Path out, double peakCores, double nodeCores, int minNodes, int leadTime,
    int interval, int warmup) {

  public static final String USAGE = """
      usage: java -jar pks-orchestrator.jar replay --trace FILE --out DIR [options]
      Replays a demand trace through the product's forecaster and planner and through the baselines
      (oracle, reactive, buffer_equal_cost); writes DIR/timeline.csv, DIR/summary.json and DIR/replay.png.
        --trace FILE       CSV 'timestamp,value' with header (required)
        --out DIR          output directory, created if missing (required)
        --peak-cores N     demand at the trace's 99th percentile, in cores (default 160)
        --node-cores N     allocatable cores per node (default 8)
        --min-nodes N      fewest nodes (default 3)
        --lead-time D      node provisioning lead time (default 10m)
        --interval D       time between two decisions of the product (default 5m)
        --warmup D         not scored at the start (default 7d)
        --sweep            instead of one replay: the product over upper quantiles 0.6 ... 0.98 (each
                           fixed) and the static buffer over offsets 0 ... 3; writes DIR/pareto.csv
                           and DIR/pareto.png (cost vs under-provisioned time share, both curves)
        --quiet            no progress on standard error (by default: a bar on a terminal, else a line
                           every 10%)
        --help             this text
      Durations: whole minutes written as 30m, 2h, 7d (or ISO-8601 like PT10M). Exit codes: 0 done,
      2 bad command line, 3 bad or missing input, 1 unexpected failure.
      """;
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd])");

  /** Parses the arguments after {@code replay}; {@code null} means help was asked for. */
  public static ReplayOptions parse(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return null;
      }
      if (!arg.startsWith("--")) {
        throw new ReplayException(2, "unexpected argument '" + arg + "' (options start with --; see --help)");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ReplayException(2, "option --" + name + " needs a value (see --help)");
      }
      if (!java.util.Set.of("trace", "out", "peak-cores", "node-cores", "min-nodes", "lead-time", "interval",
          "warmup").contains(name)) {
        throw new ReplayException(2, "unknown option --" + name + " (see --help)");
      }
      given.put(name, value);
    }
    if (!given.containsKey("trace") || !given.containsKey("out")) {
      throw new ReplayException(2, "--trace FILE and --out DIR are required (see --help)");
    }
    double peak = positive("peak-cores", given.getOrDefault("peak-cores", "160"));
    double node = positive("node-cores", given.getOrDefault("node-cores", "8"));
    int min = nonNegativeInt("min-nodes", given.getOrDefault("min-nodes", "3"));
    int lead = minutes("lead-time", given.getOrDefault("lead-time", "10m"));
    int interval = minutes("interval", given.getOrDefault("interval", "5m"));
    if (interval < 1) {
      throw new ReplayException(2, "--interval must be at least 1m, got " + given.get("interval"));
    }
    int warmup = minutes("warmup", given.getOrDefault("warmup", "7d"));
    return new ReplayOptions(Path.of(given.get("trace")), Path.of(given.get("out")), peak, node, min, lead,
        interval, warmup);
  }

  static int minutes(String name, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long seconds;
    Matcher m = DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      seconds = switch (m.group(2)) {
        case "s" -> n;
        case "m" -> n * 60;
        case "h" -> n * 3600;
        default -> n * 86400;
      };
    } else {
      try {
        seconds = Duration.parse(text.trim().toUpperCase(Locale.ROOT)).toSeconds();
      } catch (RuntimeException e) {
        throw new ReplayException(2, "--" + name + ": '" + text + "' is not a duration (use e.g. 10m, 2h, 7d)");
      }
    }
    if (seconds < 0 || seconds % 60 != 0) {
      throw new ReplayException(2, "--" + name + ": '" + text + "' must be a non-negative whole number of minutes");
    }
    return (int) (seconds / 60);
  }

  private static double positive(String name, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ReplayException(2, "--" + name + ": '" + text + "' must be a positive number");
  }

  private static int nonNegativeInt(String name, String text) {
    try {
      int v = Integer.parseInt(text.trim());
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ReplayException(2, "--" + name + ": '" + text + "' must be a whole number >= 0");
  }
}
