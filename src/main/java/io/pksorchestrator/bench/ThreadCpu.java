package io.pksorchestrator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM during a measurement, split by thread group (a thread's name without its trailing numbers, so
 * {@code http-nio-127.0.0.1-8080-exec-3} counts as {@code http-nio-127.0.0.1-8080-exec}): the request threads of the
 * application and of the in-process simulator, the load clients and the JDK HTTP client, the job executor, and
 * "other" (GC, JIT compiler and threads that ended during the measurement: the process's CPU time minus the live
 * threads' sum). Per-request CPU is what tells which path costs more, also on a busy machine where throughput
 * does not.
 */
final class ThreadCpu {

  static final String LOAD_CLIENT = "start-load-client";
  private static final Pattern TRAILING_NUMBER = Pattern.compile("([-_ ]?\\d+)+$");

  private ThreadCpu() {}

  /** CPU ns by thread id (with its group) and of the whole process. */
  record Snapshot(Map<Long, String> groups, Map<Long, Long> cpu, long processCpu) {

    Usage since(Snapshot before) {
      Map<String, Long> byGroup = new HashMap<>();
      long threads = 0;
      for (Map.Entry<Long, Long> e : cpu.entrySet()) {
        long delta = e.getValue() - before.cpu.getOrDefault(e.getKey(), 0L);
        if (delta > 0) {
          byGroup.merge(groups.get(e.getKey()), delta, Long::sum);
          threads += delta;
        }
      }
      long process = processCpu < 0 || before.processCpu < 0 ? -1 : processCpu - before.processCpu;
      return new Usage(process, byGroup, process < 0 ? 0 : Math.max(0, process - threads));
    }
  }

  /** CPU ns used between two snapshots: the process's, each thread group's, and the rest. */
  record Usage(long processNanos, Map<String, Long> groupNanos, long otherNanos) {

    /** One line: milliseconds of CPU per 1,000 requests, the process's, then the groups above 2 % of it. */
    String perThousand(int requests) {
      double scale = 1000.0 / requests / 1e6;
      long total = processNanos > 0 ? processNanos : groupNanos.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Long> shown = new LinkedHashMap<>();
      groupNanos.entrySet().stream().filter(e -> e.getValue() * 50 >= total)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> shown.put(e.getKey(), e.getValue()));
      long small = groupNanos.values().stream().mapToLong(Long::longValue).sum()
          - shown.values().stream().mapToLong(Long::longValue).sum();
      String groups = shown.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() * scale))
          .collect(Collectors.joining(", "));
      return String.format(Locale.ROOT, "CPU ms per 1,000 requests: process %s; %s, other threads %.0f,"
          + " GC/JIT/ended threads %.0f", processNanos < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f",
          processNanos * scale), groups, small * scale, otherNanos * scale);
    }
  }

  static Snapshot snapshot() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, String> groups = new HashMap<>();
    Map<Long, Long> cpu = new HashMap<>();
    if (threads.isThreadCpuTimeSupported()) {
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null) {
          continue;
        }
        long ns = threads.getThreadCpuTime(info.getThreadId());
        if (ns >= 0) {
          groups.put(info.getThreadId(), group(info.getThreadName()));
          cpu.put(info.getThreadId(), ns);
        }
      }
    }
    return new Snapshot(groups, cpu, processCpu());
  }

  static String group(String threadName) {
    String g = TRAILING_NUMBER.matcher(threadName).replaceFirst("");
    return g.isEmpty() ? threadName : g;
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
