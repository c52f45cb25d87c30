package io.pksorchestrator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-request CPU of the start-load command: threads grouped by name, a busy thread's CPU counted in its group. */
class ThreadCpuTest {

  @Test
  void threadsAreGroupedByNameWithoutTrailingNumbers() {
    assertThat(ThreadCpu.group("http-nio-127.0.0.1-41523-exec-7")).isEqualTo("http-nio-127.0.0.1-41523-exec");
    assertThat(ThreadCpu.group("start-load-client-3")).isEqualTo("start-load-client");
    assertThat(ThreadCpu.group("HttpClient-1-Worker-0")).isEqualTo("HttpClient-1-Worker");
    assertThat(ThreadCpu.group("camundaTaskExecutor-2")).isEqualTo("camundaTaskExecutor");
    assertThat(ThreadCpu.group("main")).isEqualTo("main");
  }

  @Test
  void aBusyThreadsCpuIsCountedInItsGroup() throws Exception {
    ThreadCpu.Snapshot before = ThreadCpu.snapshot();
    Thread busy = new Thread(() -> {
      long end = System.nanoTime() + 400_000_000L;
      long x = 0;
      while (System.nanoTime() < end) {
        x += Long.numberOfTrailingZeros(x + 1);
      }
      if (x == 42) {
        System.out.print("");
      }
    }, "busy-worker-1");
    busy.start();
    Thread.sleep(150); // measured while it still runs: a thread that has ended is no longer listed
    ThreadCpu.Usage usage = ThreadCpu.snapshot().since(before);
    busy.join();
    assertThat(usage.groupNanos().getOrDefault("busy-worker", 0L)).isGreaterThan(5_000_000L);
    assertThat(usage.perThousand(1000)).startsWith("CPU ms per 1,000 requests: process ").contains("busy-worker");
  }
}
