package io.pksorchestrator.bench;

import io.pksorchestrator.cli.Progress;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code start-load} command (issue 16 item 2): starts the application (H2 file database in a new directory,
 * security and history exactly as configured, the simulated lab in-process), deploys a no-op process and measures, in
 * one run, at N concurrent clients on localhost only: in-process starts through the Java API, starts through
 * {@code POST /engine-rest/process-definition/key/<no-op>/start} as {@code admin}, and
 * {@code POST /api/v1/cluster-requests} as {@code ticketing}; each with throughput, p50, p99 and the load average.
 */
public final class StartLoadCommand {

  static final String USAGE = """
      usage: java -jar pks-orchestrator.jar start-load [--clients 8] [--requests 2000] [--cluster-requests 600]
                                                       [--warm-up 300] [--dir DIR] [--quiet]
        --clients N           concurrent clients (default 8)
        --requests N          starts per no-op measurement, in-process and /engine-rest (default 2000)
        --cluster-requests N  POST /api/v1/cluster-requests (default 600; each starts a ClusterCreationProcess)
        --warm-up N           unmeasured requests of each kind first (default 300; JIT, pools, caches)
        --dir DIR             directory of the H2 database and the application log, kept (default: a new
                              temporary one, of which only the log is kept)
      """;

  static final String NO_OP = "LoadTestNoOp";

  private StartLoadCommand() {}

  /** The application to start: the launcher hands in its class (this package does not depend on the root). */
  private static Class<?> application;

  public static int run(Class<?> applicationClass, String[] args) {
    application = applicationClass;
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    int clients = 8;
    int requests = 2000;
    int clusterRequests = 600;
    int warmUp = 300;
    Path dir = null;
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
          throw new IllegalArgumentException("option " + a + " needs a value (see --help)");
        }
        String v = args[++i];
        switch (a) {
          case "--clients" -> clients = bounded(a, v, 1, 64);
          case "--requests" -> requests = bounded(a, v, 1, 100_000);
          case "--cluster-requests" -> clusterRequests = bounded(a, v, 0, 20_000);
          case "--warm-up" -> warmUp = bounded(a, v, 0, 100_000);
          case "--dir" -> dir = Path.of(v);
          default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("start-load: " + e.getMessage());
      return 2;
    }
    try {
      execute(clients, requests, clusterRequests, warmUp, dir, quiet, out, err);
      return 0;
    } catch (Exception e) {
      err.println("start-load: failed: " + e);
      return 1;
    }
  }

  private static int bounded(String option, String v, int min, int max) {
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("option " + option + " needs a whole number from " + min + " to " + max
        + ", got '" + v + "'");
  }

  private static void execute(int clients, int requests, int clusterRequests, int warmUp, Path dirOption,
      boolean quiet, PrintStream out, PrintStream err) throws Exception {
    Path dir = dirOption != null ? Files.createDirectories(dirOption) : Files.createTempDirectory("pkso-start-load-");
    String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    String ticketingPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Map<String, String> props = new LinkedHashMap<>();
    props.put("server.port", "0");
    props.put("server.address", "127.0.0.1");
    props.put("spring.datasource.url", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pkso")
        + ";DB_CLOSE_ON_EXIT=FALSE");
    props.put("pkso.simulator.port", "0");
    props.put("pkso.simulator.control-token", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
    props.put("pkso.security.admin-password", adminPassword);
    props.put("pkso.security.operator-password", HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
    props.put("pkso.security.ticketing-password", ticketingPassword);
    props.put("logging.file.name", dir.resolve("application.log").toString());
    props.put("logging.threshold.console", "OFF");
    props.put("spring.main.banner-mode", "off");
    String[] appArgs = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    err.println("start-load: starting the application; database and log in " + dir);
    ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application).run(appArgs);
    long total = 2L * (warmUp + requests) + (clusterRequests == 0 ? 0 : warmUp / 3 + clusterRequests);
    try (Progress progress = Progress.on(err, "start-load", total, "requests", quiet)) {
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      String base = "http://127.0.0.1:" + port;
      BpmnModelInstance model = Bpmn.createExecutableProcess(NO_OP).name("Load test no-op")
          .camundaHistoryTimeToLive(1).startEvent("Event_Started").endEvent("Event_Ended").done();
      ctx.getBean(RepositoryService.class).createDeployment().name("start-load").addModelInstance(NO_OP + ".bpmn",
          model).deploy();
      RuntimeService runtime = ctx.getBean(RuntimeService.class);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword)
          .getBytes(StandardCharsets.UTF_8));
      String ticketing = "Basic " + Base64.getEncoder().encodeToString(("ticketing:" + ticketingPassword)
          .getBytes(StandardCharsets.UTF_8));
      out.printf(Locale.ROOT, "start-load: %d concurrent clients, %d cores, max heap %.0f MB, H2 file database%n",
          clients, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e6);

      IntFunction<Integer> inProcess = i -> {
        runtime.startProcessInstanceByKey(NO_OP);
        return 200;
      };
      IntFunction<Integer> engineRest = i -> post(http, base + "/engine-rest/process-definition/key/" + NO_OP
          + "/start", admin, "{}");
      AtomicInteger clusterNo = new AtomicInteger();
      IntFunction<Integer> clusterRequest = i -> {
        String name = String.format(Locale.ROOT, "load-%05d", clusterNo.incrementAndGet());
        return post(http, base + "/api/v1/cluster-requests", ticketing, "{\"foundation\":\"lab\",\"clusterName\":\""
            + name + "\",\"planName\":\"small\",\"externalHostname\":\"" + name + ".k8s.example.com\",\"ticketId\":\""
            + name.toUpperCase(Locale.ROOT) + "\"}");
      };
      report(out, "in-process RuntimeService.startProcessInstanceByKey", measure(clients, warmUp, requests,
          inProcess, progress));
      report(out, "POST /engine-rest/process-definition/key/" + NO_OP + "/start (admin)", measure(clients, warmUp,
          requests, engineRest, progress));
      if (clusterRequests > 0) {
        report(out, "POST /api/v1/cluster-requests (ticketing)", measure(clients, warmUp / 3, clusterRequests,
            clusterRequest, progress));
      }
    } finally {
      ctx.close();
      if (dirOption == null) {
        try {
          err.println("start-load: " + removeDatabase(dir) + " bytes of database removed; the log stays in " + dir);
        } catch (java.io.IOException | RuntimeException e) {
          err.println("start-load: could not remove the database in " + dir + ": " + e);
        }
      }
    }
  }

  /**
   * Removes everything but {@code application.log} from the command's own temporary directory: a run leaves a
   * 300-800 MB H2 file that nothing reads afterwards (with {@code --dir} the caller's directory is left as it is).
   * Returns the bytes removed.
   */
  static long removeDatabase(Path dir) throws java.io.IOException {
    long removed = 0;
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (p.equals(dir) || p.getFileName().toString().equals("application.log")) {
          continue;
        }
        if (Files.isRegularFile(p)) {
          removed += Files.size(p);
        }
        Files.deleteIfExists(p);
      }
    }
    return removed;
  }

  private static int post(HttpClient http, String url, String authorization, String json) {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Authorization", authorization).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1;
    }
  }

  /** Latencies in ns of the measured calls, failed calls, wall time, load average before and after. */
  record Result(long[] latencies, int failed, Map<Integer, Integer> statuses, double seconds, String loadBefore,
      String loadAfter, ThreadCpu.Usage cpu) {}

  private static Result measure(int clients, int warmUp, int count, IntFunction<Integer> call, Progress progress)
      throws Exception {
    AtomicInteger clientNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
      Thread t = new Thread(r, ThreadCpu.LOAD_CLIENT + "-" + clientNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      runAll(pool, warmUp, call, progress, new long[warmUp], new int[warmUp]);
      String before = loadAverage();
      long[] latencies = new long[count];
      int[] statuses = new int[count];
      ThreadCpu.Snapshot cpuBefore = ThreadCpu.snapshot();
      long began = System.nanoTime();
      runAll(pool, count, call, progress, latencies, statuses);
      double seconds = (System.nanoTime() - began) / 1e9;
      ThreadCpu.Usage cpu = ThreadCpu.snapshot().since(cpuBefore);
      Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
      int failed = 0;
      for (int s : statuses) {
        byStatus.merge(s, 1, Integer::sum);
        failed += s >= 200 && s < 300 ? 0 : 1;
      }
      return new Result(latencies, failed, byStatus, seconds, before, loadAverage(), cpu);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void runAll(ExecutorService pool, int count, IntFunction<Integer> call, Progress progress,
      long[] latencies, int[] statuses) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    int threads = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          int status;
          try {
            status = call.apply(i);
          } catch (RuntimeException e) {
            status = -1;
          }
          latencies[i] = System.nanoTime() - t0;
          statuses[i] = status;
          progress.advance();
        }
        return null;
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
  }

  private static void report(PrintStream out, String what, Result r) {
    long[] sorted = r.latencies().clone();
    Arrays.sort(sorted);
    out.printf(Locale.ROOT, "%s: %d in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, failed %d %s;"
        + " load average %s before, %s after%n", what, sorted.length, r.seconds(), sorted.length / r.seconds(),
        percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, r.failed(),
        r.statuses(), r.loadBefore(), r.loadAfter());
    out.println("  " + r.cpu().perThousand(sorted.length));
  }

  private static double percentile(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static String loadAverage() {
    try {
      return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
    } catch (Exception e) {
      return "unknown";
    }
  }
}
