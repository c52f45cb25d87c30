package io.pksorchestrator.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pksorchestrator.cli.Progress;
import io.pksorchestrator.platform.metrics.PrometheusMetricsGateway;
import io.pksorchestrator.resize.ForecastScalingProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code fleet-scale} command: runs the whole application (engine, H2 file database, history level and cleanup as
 * configured) against the simulated foundation holding a synthetic fleet (in this JVM, or the standalone simulator in
 * a process of its own with {@code --simulator-port}) for a stretch of simulated time and reports
 * what the forecasting cycle costs at that fleet: cycle wall time (p50, max; the first cycle, which back-fills the
 * fleet's history, apart), Prometheus query time, database rows and bytes added per simulated day (engine history and
 * demand samples apart) and the application's RSS (and the standalone simulator's). Progress on standard error,
 * figures on standard output.
 */
public final class FleetScaleCommand {

  static final String USAGE = """
      usage: java -jar pks-orchestrator.jar fleet-scale [--clusters 1000] [--days 1] [--speed 144] [--cycle 60s]
                                                        [--batch-size 20] [--history 14d] [--dir DIR] [--quiet]
                                                        [--mode forecast-and-scale]
                                                        [--simulator-port P [--simulator-pid PID]]
      Starts the application with the simulated foundation holding N synthetic clusters and measures the
      forecasting cycle over a stretch of simulated time.
        --clusters N    synthetic clusters besides the lab's five (default 1000)
        --days D        simulated days measured after the first cycle (default 1; fractions allowed)
        --speed S       simulated seconds per wall second (default 144: a simulated day in 10 wall minutes)
        --cycle D       wall-time interval of the forecasting timer (default 60s; production: 5m)
        --batch-size N  pkso.resize.cycle-batch-size (default: as configured, 20)
        --history D     demand history of each synthetic cluster at start (default 14d, the forecast's window)
        --dir DIR       directory of the H2 database and the application log (default: a new temporary one)
        --mode M        default mode of the clusters: forecast-and-scale (default: proposals start resize
                        processes, the harsher case) or forecast-only (production's default)
        --simulator-port P  use the standalone simulator on localhost:P (started with the same --speed and
                        --synthetic-clusters=N --synthetic-history=D; scripts/fleet-scale.sh does that) instead of
                        the simulator inside this JVM: the RSS figure is then the application's alone
        --simulator-pid PID the standalone simulator's process: its RSS is reported too (Linux)
        --quiet         no progress on standard error
      """;

  /** Production's cycle: R/PT5M, 288 cycles per day. */
  static final int PRODUCTION_CYCLES_PER_DAY = 288;

  private FleetScaleCommand() {}

  /** The application to start: the launcher hands in its class (this package does not depend on the root). */
  private static Class<?> application;

  public static int run(Class<?> applicationClass, String[] args) {
    application = applicationClass;
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("fleet-scale: " + e.getMessage());
      return 2;
    }
    if (o == null) {
      out.print(USAGE);
      return 0;
    }
    try {
      execute(o, out, err);
      return 0;
    } catch (Exception e) {
      err.println("fleet-scale: failed: " + e);
      return 1;
    }
  }

  record Options(int clusters, double days, double speed, Duration cycle, Integer batchSize, Duration history,
      Path dir, boolean quiet, String mode, Integer simulatorPort, Long simulatorPid) {

    static Options parse(String[] args) {
      int clusters = 1000;
      double days = 1;
      double speed = 144;
      Duration cycle = Duration.ofSeconds(60);
      Integer batchSize = null;
      Duration history = Duration.ofDays(14);
      Path dir = null;
      boolean quiet = false;
      String mode = "forecast-and-scale";
      Integer simulatorPort = null;
      Long simulatorPid = null;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          return null;
        }
        if (a.equals("--quiet")) {
          quiet = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + a + " needs a value (see --help)");
        }
        String v = args[++i];
        try {
          switch (a) {
            case "--clusters" -> clusters = Integer.parseInt(v);
            case "--days" -> days = Double.parseDouble(v);
            case "--speed" -> speed = Double.parseDouble(v);
            case "--cycle" -> cycle = duration(v);
            case "--batch-size" -> batchSize = Integer.parseInt(v);
            case "--history" -> history = duration(v);
            case "--dir" -> dir = Path.of(v);
            case "--mode" -> mode = v;
            case "--simulator-port" -> simulatorPort = Integer.parseInt(v);
            case "--simulator-pid" -> simulatorPid = Long.parseLong(v);
            default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("option " + a + " needs a number, got '" + v + "'");
        }
      }
      if (clusters < 1 || clusters > 20_000 || !(days > 0) || !(speed >= 1) || cycle.toSeconds() < 1
          || (batchSize != null && batchSize < 1) || history.toHours() < 24) {
        throw new IllegalArgumentException("need 1 <= --clusters <= 20000, --days > 0, --speed >= 1, --cycle >= 1s,"
            + " --batch-size >= 1 and --history >= 1d (see --help)");
      }
      if (!mode.equals("forecast-only") && !mode.equals("forecast-and-scale")) {
        throw new IllegalArgumentException("--mode is forecast-only or forecast-and-scale, got '" + mode + "'");
      }
      if (simulatorPort != null && (simulatorPort < 1 || simulatorPort > 65535)) {
        throw new IllegalArgumentException("--simulator-port is a port (1-65535), got " + simulatorPort);
      }
      if (simulatorPid != null && simulatorPort == null) {
        throw new IllegalArgumentException("--simulator-pid needs --simulator-port (see --help)");
      }
      return new Options(clusters, days, speed, cycle, batchSize, history, dir, quiet, mode, simulatorPort,
          simulatorPid);
    }

    /** {@code 60s}, {@code 5m}, {@code 2h}, {@code 14d} or ISO 8601. */
    static Duration duration(String v) {
      if (v.matches("\\d+[smhd]")) {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(v);
    }
  }

  private static void execute(Options o, PrintStream out, PrintStream err) throws Exception {
    Path dir = o.dir() != null ? Files.createDirectories(o.dir()) : Files.createTempDirectory("pkso-fleet-scale-");
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", "0");
    props.put("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pkso")
        + ";DB_CLOSE_ON_EXIT=FALSE");
    props.put("pkso.simulator.speed", String.valueOf(o.speed()));
    if (o.simulatorPort() == null) {
      props.put("pkso.simulator.enabled", "true");
      props.put("pkso.simulator.port", "0");
      props.put("pkso.simulator.synthetic-clusters", String.valueOf(o.clusters()));
      props.put("pkso.simulator.synthetic-history", o.history().toString());
      props.put("pkso.simulator.control-token", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
    } else {
      // the standalone simulator (its own process) holds the fleet: this JVM is the application alone
      props.put("pkso.simulator.enabled", "false");
      props.put("pkso.simulator.port", String.valueOf(o.simulatorPort()));
    }
    props.put("pkso.resize.forecast-cycle", "R/" + o.cycle());
    // production's decision interval and the harsher mode: proposals start resize processes (guards apply)
    props.put("pkso.resize.decision-interval", "PT5M");
    props.put("pkso.resize.default-mode", o.mode());
    if (o.batchSize() != null) {
      props.put("pkso.resize.cycle-batch-size", String.valueOf(o.batchSize()));
    }
    // logs to a file in DIR: standard output carries only the figures
    props.put("logging.file.name", dir.resolve("application.log").toString());
    props.put("logging.threshold.console", "OFF");
    props.put("spring.main.banner-mode", "off");
    // chosen passwords: the generated ones would be printed on standard output; nobody logs in during the run
    for (String user : List.of("admin", "operator", "ticketing")) {
      props.put("pkso.security." + user + "-password", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
    }

    Duration measured = Duration.ofSeconds(Math.round(o.days() * 86400 / o.speed()));
    long expectedCycles = Math.max(1, measured.toSeconds() / Math.max(1, o.cycle().toSeconds())) + 1;
    err.printf(Locale.ROOT, "fleet-scale: starting the application with %d synthetic clusters (speed %sx, cycle every"
        + " %s wall, %s simulated days = %s wall after the first cycle); database and log in %s%n", o.clusters(),
        o.speed(), o.cycle(), o.days(), measured, dir);
    long startNanos = System.nanoTime();
    // as command-line arguments: they win over application.yml (default properties would not)
    String[] appArgs = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
        .run(appArgs);
    try (Progress progress = Progress.on(err, "fleet-scale", expectedCycles, "cycles", o.quiet())) {
      double startSeconds = (System.nanoTime() - startNanos) / 1e9;
      HistoryService history = ctx.getBean(HistoryService.class);
      JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
      MeterRegistry meters = ctx.getBean(MeterRegistry.class);

      // the first cycle back-fills every cluster's history: measured apart, the window starts after it
      HistoricProcessInstance first = waitForFirstCompletedCycle(history, Duration.ofMinutes(30));
      int seen = finishedCycles(history).size();
      progress.advance(seen);
      Sizes before = Sizes.of(jdbc);
      long fileBefore = fileSize(dir);
      QueryTimes queriesBefore = QueryTimes.of(meters);
      long windowStart = System.nanoTime();
      while (System.nanoTime() - windowStart < measured.toNanos()) {
        Thread.sleep(1000);
        int now = finishedCycles(history).size();
        if (now > seen) {
          progress.advance(now - seen);
          seen = now;
        }
      }
      double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
      Sizes after = Sizes.of(jdbc);
      long fileAfter = fileSize(dir);
      QueryTimes queriesAfter = QueryTimes.of(meters);
      List<HistoricProcessInstance> cycles = finishedCycles(history);
      long[] rss = rss(Path.of("/proc/self/status"));
      long[] simulatorRss = o.simulatorPid() == null ? null
          : rss(Path.of("/proc/" + o.simulatorPid() + "/status"));

      List<Double> completed = new ArrayList<>();
      String lastCompleted = first.getId();
      int skipped = 0;
      int running = (int) history.createHistoricProcessInstanceQuery()
          .processDefinitionKey(ForecastScalingProcess.KEY).unfinished().count();
      for (HistoricProcessInstance c : cycles) {
        if (!c.getStartTime().after(first.getStartTime())) {
          continue;
        }
        if (skippedCycle(history, c)) {
          skipped++;
        } else {
          completed.add(c.getDurationInMillis() / 1000.0);
          lastCompleted = c.getId();
        }
      }
      Collections.sort(completed);
      double simulatedDays = windowSeconds * o.speed() / 86400;
      int cyclesInWindow = completed.size() + skipped;

      out.printf(Locale.ROOT, "fleet-scale: %d synthetic clusters + 5 lab clusters, batch size %s, %d cores, max heap"
          + " %.0f MB; application started in %.1f s%n", o.clusters(), o.batchSize() == null ? "as configured"
          : o.batchSize(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6,
          startSeconds);
      out.printf(Locale.ROOT, "first cycle (back-fills %s of history per cluster): %.1f s wall%n", o.history(),
          first.getDurationInMillis() / 1000.0);
      out.printf(Locale.ROOT, "measured: %.2f simulated days in %.0f s wall (speed %s), %d cycles completed, %d skipped"
          + " (an earlier cycle still ran), %d still running%n", simulatedDays, windowSeconds, o.speed(),
          completed.size(), skipped, running);
      if (!completed.isEmpty()) {
        out.printf(Locale.ROOT, "cycle wall time: p50 %.1f s, max %.1f s (target: <= 60 s)%n",
            completed.get((completed.size() - 1) / 2), completed.get(completed.size() - 1));
      }
      QueryTimes q = queriesAfter.minus(queriesBefore);
      out.printf(Locale.ROOT, "Prometheus queries (application side, HTTP included): %d in the window, mean %.1f ms,"
          + " total %.1f s = %.1f s per cycle; first cycle and window together: %d queries, %.1f s%n", q.count(),
          q.count() == 0 ? 0 : q.seconds() * 1000 / q.count(), q.seconds(), cyclesInWindow == 0 ? 0
          : q.seconds() / Math.max(1, completed.size()), queriesAfter.count(), queriesAfter.seconds());
      Sizes added = after.minus(before);
      double perDay = 1 / simulatedDays;
      double historyPerCycle = completed.isEmpty() ? 0 : 1.0 / cyclesInWindow;
      out.printf(Locale.ROOT, "demand samples: +%d rows, +%.1f MB per simulated day (%d rows, %.1f MB in all)%n",
          Math.round(added.demandRows() * perDay), added.demandBytes() * perDay / 1e6, after.demandRows(),
          after.demandBytes() / 1e6);
      long cycleRows = after.cycleRows() - before.cycleRows();
      double cycleBytes = after.cycleBytes() - before.cycleBytes();
      long otherHistoryRows = added.historyRows() - cycleRows;
      double otherHistoryBytes = added.historyBytes() - cycleBytes;
      out.printf(Locale.ROOT, "engine history of the forecasting cycles: +%d rows, +%.2f MB in %d cycles = %.0f rows,"
          + " %.3f MB per cycle; per day of production cycles (%d, R/PT5M): +%d rows, +%.1f MB%n", cycleRows,
          cycleBytes / 1e6, cyclesInWindow, cycleRows * historyPerCycle, cycleBytes * historyPerCycle / 1e6,
          PRODUCTION_CYCLES_PER_DAY, Math.round(cycleRows * historyPerCycle * PRODUCTION_CYCLES_PER_DAY),
          cycleBytes * historyPerCycle * PRODUCTION_CYCLES_PER_DAY / 1e6);
      out.printf(Locale.ROOT, "engine history of the other processes (resizes the cycles started): +%d rows, +%.1f MB"
          + " per simulated day%n", Math.round(otherHistoryRows * perDay), otherHistoryBytes * perDay / 1e6);
      out.printf(Locale.ROOT, "other tables (pkso_*, ACT_RU_*, ACT_GE_*): %+d rows, %+.1f MB per simulated day%n",
          Math.round(added.otherRows() * perDay), added.otherBytes() * perDay / 1e6);
      // steady state: one sample per cluster and 5-minute step (the window above may still hold back-fill of clusters
      // whose first collection failed); one completed cycle's history (skipped cycles write much less)
      double bytesPerSample = after.demandRows() == 0 ? 0 : (double) after.demandBytes() / after.demandRows();
      long samplesPerDay = (o.clusters() + 5L) * 288;
      double[] oneCycle = Sizes.ofInstance(jdbc, lastCompleted);
      double growth = samplesPerDay * bytesPerSample + oneCycle[1] * PRODUCTION_CYCLES_PER_DAY
          + otherHistoryBytes * perDay + Math.max(0, added.otherBytes() * perDay);
      out.printf(Locale.ROOT, "steady state per day: demand samples %d rows x %.1f bytes = %.1f MB; one completed cycle"
          + " %.0f history rows, %.3f MB x %d cycles = %.1f MB%n", samplesPerDay, bytesPerSample,
          samplesPerDay * bytesPerSample / 1e6, oneCycle[0], oneCycle[1] / 1e6, PRODUCTION_CYCLES_PER_DAY,
          oneCycle[1] * PRODUCTION_CYCLES_PER_DAY / 1e6);
      out.printf(Locale.ROOT, "engine history of one completed cycle by table: %s%n", Sizes.byTable(jdbc,
          lastCompleted));
      out.printf(Locale.ROOT, "database growth per day (live data: steady demand samples + completed cycles at R/PT5M +"
          + " other history and tables at this speed): %.1f MB (target: <= 100 MB)%n", growth / 1e6);
      out.printf(Locale.ROOT, "H2 file: %.1f MB after the first cycle, %.1f MB at the end (%+.1f MB per simulated day"
          + " at this speed, free space H2 has not reclaimed included)%n", fileBefore / 1e6, fileAfter / 1e6,
          (fileAfter - fileBefore) * perDay / 1e6);
      if (o.simulatorPort() == null) {
        out.printf(Locale.ROOT, "RSS: %.0f MB now, peak %.0f MB (application and simulated foundation in one JVM;"
            + " target: <= 1024 MB)%n", rss[0] / 1024.0, rss[1] / 1024.0);
      } else {
        out.printf(Locale.ROOT, "RSS of the application (the simulated foundation in its own process): %.0f MB now,"
            + " peak %.0f MB (target: <= 1024 MB); JVM arguments: %s%n", rss[0] / 1024.0, rss[1] / 1024.0,
            String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        long committed = Runtime.getRuntime().totalMemory();
        System.gc(); // after the RSS figures: the live heap at the end of the run
        out.printf(Locale.ROOT, "heap: %.0f MB committed at the end, max %.0f MB; live after a full collection at the"
            + " end: %.0f MB (the GC log, -Xlog:gc, shows it during the run)%n", committed / 1e6,
            Runtime.getRuntime().maxMemory() / 1e6,
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
      }
      if (simulatorRss != null) {
        out.printf(Locale.ROOT, "RSS of the standalone simulated foundation (pid %d, %d synthetic clusters): %.0f MB"
            + " now, peak %.0f MB%n", o.simulatorPid(), o.clusters(), simulatorRss[0] / 1024.0,
            simulatorRss[1] / 1024.0);
      }
    } finally {
      ctx.close();
    }
  }

  private static HistoricProcessInstance waitForFirstCompletedCycle(HistoryService history, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (HistoricProcessInstance c : finishedCycles(history)) {
        if (ForecastScalingProcess.Elements.END.equals(c.getEndActivityId())) {
          return c;
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("no forecasting cycle finished within " + timeout + ": see the application log");
  }

  private static List<HistoricProcessInstance> finishedCycles(HistoryService history) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ForecastScalingProcess.KEY)
        .finished().orderByProcessInstanceStartTime().asc().list();
  }

  private static boolean skippedCycle(HistoryService history, HistoricProcessInstance c) {
    List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery().processInstanceId(c.getId())
        .activityId(ForecastScalingProcess.Elements.END_SKIPPED).list();
    return !ends.isEmpty();
  }

  /** Rows and bytes (H2's DISK_SPACE_USED) of the tables, by group. */
  record Sizes(long historyRows, long historyBytes, long demandRows, long demandBytes, long otherRows,
      long otherBytes, long cycleRows, double cycleBytes) {

    /** History tables with a PROC_DEF_KEY_ column: the forecasting cycles' share of rows (and of bytes, pro rata). */
    static final List<String> KEYED = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
        "ACT_HI_JOB_LOG", "ACT_HI_INCIDENT", "ACT_HI_TASKINST", "ACT_HI_IDENTITYLINK");

    static Sizes of(JdbcTemplate jdbc) {
      long[] s = new long[6];
      long cycleRows = 0;
      double cycleBytes = 0;
      List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA ="
          + " 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class);
      for (String t : tables) {
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + t + "\"", Long.class);
        long bytes = jdbc.queryForObject("SELECT DISK_SPACE_USED('PUBLIC.\"" + t + "\"')", Long.class);
        String u = t.toUpperCase(Locale.ROOT);
        int group = u.startsWith("ACT_HI_") ? 0 : u.equals("PKSO_DEMAND_SAMPLE") ? 2 : 4;
        s[group] += rows;
        s[group + 1] += bytes;
        if (KEYED.contains(u) && rows > 0) {
          String column = u.equals("ACT_HI_JOB_LOG") ? "PROCESS_DEF_KEY_" : "PROC_DEF_KEY_";
          long mine = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + t + "\" WHERE " + column + " = ?", Long.class,
              ForecastScalingProcess.KEY);
          cycleRows += mine;
          cycleBytes += (double) bytes * mine / rows;
        }
      }
      return new Sizes(s[0], s[1], s[2], s[3], s[4], s[5], cycleRows, cycleBytes);
    }

    /** Rows and bytes (pro rata per table) of one process instance's history, per table: {@code ACT_HI_ACTINST 6, ...}. */
    static String byTable(JdbcTemplate jdbc, String processInstanceId) {
      List<String> parts = new ArrayList<>();
      for (String t : KEYED) {
        if (t.equals("ACT_HI_IDENTITYLINK")) {
          continue;
        }
        String column = t.equals("ACT_HI_JOB_LOG") ? "PROCESS_INSTANCE_ID_" : "PROC_INST_ID_";
        long mine = jdbc.queryForObject("SELECT COUNT(*) FROM " + t + " WHERE " + column + " = ?", Long.class,
            processInstanceId);
        parts.add(t + " " + mine);
      }
      return String.join(", ", parts);
    }

    /** Rows and bytes (pro rata per table) of one process instance's history. */
    static double[] ofInstance(JdbcTemplate jdbc, String processInstanceId) {
      double rows = 0;
      double bytes = 0;
      for (String t : KEYED) {
        if (t.equals("ACT_HI_IDENTITYLINK")) {
          continue; // no instance column; a forecasting cycle has no user tasks
        }
        String column = t.equals("ACT_HI_JOB_LOG") ? "PROCESS_INSTANCE_ID_" : "PROC_INST_ID_";
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class);
        if (all == 0) {
          continue;
        }
        long mine = jdbc.queryForObject("SELECT COUNT(*) FROM " + t + " WHERE " + column + " = ?", Long.class,
            processInstanceId);
        long size = jdbc.queryForObject("SELECT DISK_SPACE_USED('PUBLIC." + t + "')", Long.class);
        rows += mine;
        bytes += (double) size * mine / all;
      }
      return new double[] {rows, bytes};
    }

    Sizes minus(Sizes o) {
      return new Sizes(historyRows - o.historyRows, historyBytes - o.historyBytes, demandRows - o.demandRows,
          demandBytes - o.demandBytes, otherRows - o.otherRows, otherBytes - o.otherBytes, cycleRows - o.cycleRows,
          cycleBytes - o.cycleBytes);
    }
  }

  record QueryTimes(long count, double seconds) {
    static QueryTimes of(MeterRegistry meters) {
      long count = 0;
      double seconds = 0;
      for (Timer t : meters.find(PrometheusMetricsGateway.QUERY_TIMER).timers()) {
        count += t.count();
        seconds += t.totalTime(TimeUnit.SECONDS);
      }
      return new QueryTimes(count, seconds);
    }

    QueryTimes minus(QueryTimes o) {
      return new QueryTimes(count - o.count, seconds - o.seconds);
    }
  }

  /** VmRSS and VmHWM in KB of the process whose {@code /proc/<pid>/status} this is (Linux), or -1. */
  static long[] rss(Path status) {
    long[] kb = {-1, -1};
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          kb[0] = Long.parseLong(line.replaceAll("\\D", ""));
        } else if (line.startsWith("VmHWM:")) {
          kb[1] = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return kb;
  }

  private static long fileSize(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".mv.db")).mapToLong(p -> p.toFile().length())
          .sum();
    }
  }
}
