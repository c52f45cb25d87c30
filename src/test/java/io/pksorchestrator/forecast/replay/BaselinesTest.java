package io.pksorchestrator.forecast.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BaselinesTest {

  private static double[] demand(int minutes, double... steps) {
    // steps: pairs (from minute, cores)
    double[] d = new double[minutes];
    for (int i = 0; i < steps.length; i += 2) {
      for (int t = (int) steps[i]; t < minutes; t++) {
        d[t] = steps[i + 1];
      }
    }
    return d;
  }

  @Test
  void requiredNodesAreAtLeastTheMinimum() {
    assertThat(Baselines.required(0, 8, 3)).isEqualTo(3);
    assertThat(Baselines.required(24, 8, 3)).isEqualTo(3);
    assertThat(Baselines.required(24.01, 8, 3)).isEqualTo(4);
    assertThat(Baselines.required(80, 8, 3)).isEqualTo(10);
  }

  @Test
  void oracleHasTheRequiredNodesEveryMinute() {
    CapacityRun r = Baselines.oracle(demand(4, 0, 10, 2, 40), 8, 3);
    assertThat(r.ready()).containsExactly(3, 3, 5, 5);
    assertThat(r.action()).containsExactly(false, false, true, false);
  }

  @Test
  void reactiveRequestsTheDifferenceAndWaitsTheLeadTime() {
    // 3 nodes until minute 2, then 40 cores = 5 nodes
    CapacityRun r = Baselines.reactive(demand(15, 0, 10, 2, 40), 8, 3, 10);
    assertThat(r.ready()[11]).isEqualTo(3);
    assertThat(r.pending()[2]).isEqualTo(2);
    assertThat(r.ready()[12]).isEqualTo(5);
    assertThat(r.pending()[12]).isZero();
    assertThat(r.action()[2]).isTrue();
    // while nodes are pending, a rise requests only what is missing beyond ready + requested
    CapacityRun more = Baselines.reactive(demand(20, 0, 10, 2, 40, 5, 56), 8, 3, 10);
    assertThat(more.pending()[5]).isEqualTo(4);
    assertThat(more.ready()[15]).isEqualTo(7);
  }

  @Test
  void reactiveScalesDownToTheTenMinutePeakTenMinutesAfterTheLastScaleUp() {
    // up to 40 cores at minute 0..4 from a start of 10, back to 10 cores from minute 5
    double[] d = demand(40, 0, 40, 5, 10);
    CapacityRun r = Baselines.reactive(d, 8, 3, 0);
    assertThat(r.ready()[0]).isEqualTo(5);
    // no scale-up happened, so the only gate is the 10-minute peak: minute 14 still sees minute 4 (40 cores)
    assertThat(r.ready()[13]).isEqualTo(5);
    assertThat(r.ready()[14]).isEqualTo(3);
    assertThat(r.action()[14]).isTrue();
    // after a scale-up at minute 20 (lead 0), no scale-down before minute 30 even though the peak left the window
    double[] e = demand(60, 0, 10, 20, 40, 21, 10);
    CapacityRun s = Baselines.reactive(e, 8, 3, 0);
    assertThat(s.ready()[20]).isEqualTo(5);
    assertThat(s.ready()[29]).isEqualTo(5);
    assertThat(s.ready()[30]).isEqualTo(3);
    // nothing is removed while a request is pending
    double[] f = demand(60, 0, 40, 12, 10, 13, 41);
    CapacityRun p = Baselines.reactive(f, 8, 3, 10);
    assertThat(p.pending()[13]).isEqualTo(1);
    assertThat(p.ready()[22]).isEqualTo(5);
    assertThat(p.ready()[23]).isEqualTo(6);
  }

  @Test
  void scoresFollowTheDefinitions() {
    double[] d = {100, 10, 30, 20, 50};
    CapacityRun run = new CapacityRun(new int[] {0, 2, 3, 2, 5}, new int[5],
        new boolean[] {true, false, true, true, false});
    // warm-up 1 minute: scored minutes 1..4; supply 16, 24, 16, 40 against 10, 30, 20, 50
    Score s = Score.of(d, run, 8, 1, 6);
    assertThat(s.underTimeShare()).isEqualTo(0.75);
    assertThat(s.unmetDemandShare()).isCloseTo((0 + 6 + 4 + 10) / 110.0, within(1e-12));
    assertThat(s.nodeHours()).isCloseTo(12 / 60.0, within(1e-12));
    assertThat(s.costVsOracle()).isCloseTo(12 / 60.0 / 6, within(1e-12));
    assertThat(s.scaleActionsPerDay()).isCloseTo(2 / (4 / 1440.0), within(1e-9));
  }

  @Test
  void bufferBisectionMatchesTheTargetNodeHours() {
    double[] d = new double[3000];
    for (int t = 0; t < d.length; t++) {
      d[t] = 60 + 40 * Math.sin(2 * Math.PI * t / 700) + (t % 37 == 0 ? 30 : 0);
    }
    double reactiveHours = Score.nodeHours(Baselines.reactive(d, 8, 3, 10).ready(), 500);
    double target = reactiveHours * 1.2;
    BufferSearch.Result r = BufferSearch.find(d, 8, 3, 10, 500, target);
    assertThat(r.b()).isPositive();
    assertThat(r.nodeHours()).isCloseTo(target, within(0.5));
    CapacityRun again = Baselines.reactive(Baselines.buffered(d, r.b()), 8, 3, 10);
    assertThat(Score.nodeHours(again.ready(), 500)).isEqualTo(r.nodeHours());
    // a target cheaper than plain reactive gives a negative buffer
    assertThat(BufferSearch.find(d, 8, 3, 10, 500, reactiveHours * 0.9).b()).isNegative();
  }
}
