package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.simulator.metrics.Workloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The lab workloads do what docs/simulator.md promises, with the documented node sizes (usable cores per worker:
 * small 3.2, medium/large 6.4 = allocatable × 0.8): the busy-hour demand over the coming week asks for
 * 2–4 more workers on web-staging, 3–5 more on payments-prod, fewer on ml-train; the others fit.
 */
class LabWorkloadsTest {

  private final SimulatedFoundation foundation = new SimulatedFoundation(new SimulatorProperties(),
      new SimulatedClock(Instant.parse("2026-03-02T00:00:00Z"), 60), Clock.systemUTC());

  @Test
  void demandAsksForTheDocumentedResizes() {
    assertThat(extraWorkersNeeded("web-staging", 6.4, 3)).isBetween(2, 4);
    assertThat(extraWorkersNeeded("payments-prod", 6.4, 6)).isBetween(3, 5);
    assertThat(extraWorkersNeeded("ml-train", 6.4, 4)).isLessThanOrEqualTo(-1);
    assertThat(extraWorkersNeeded("analytics", 6.4, 5)).isZero();
    assertThat(extraWorkersNeeded("batch-dev", 3.2, 3)).isZero();
  }

  /** Workers needed for the 95th-percentile demand of the next 7 days minus the workers the cluster has. */
  private int extraWorkersNeeded(String cluster, double usablePerWorker, int workers) {
    Workloads w = foundation.workloads();
    Instant now = foundation.now();
    double[] values = new double[7 * 24 * 12];
    for (int i = 0; i < values.length; i++) {
      values[i] = w.demand(cluster, now.plus(Duration.ofMinutes(5L * i))).orElseThrow();
    }
    java.util.Arrays.sort(values);
    double p95 = values[(int) (values.length * 0.95)];
    return (int) Math.ceil(p95 / usablePerWorker) - workers;
  }
}
