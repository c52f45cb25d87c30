package io.pksorchestrator.simulator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pksorchestrator.simulator.metrics.Workloads.DailyPeak;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The synthetic daily cycle: base, linear ramp, plateau, linear fall, the same every day, noise bounded. */
class DailyPeakWorkloadTest {

  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private final Workloads workloads = new Workloads(
      DemandTrace.load(DemandTrace.DEFAULT_RESOURCE, Duration.ofMinutes(30)), 42, START);

  @Test
  void rampsToThePeakAtTheGivenTimeOfDayEveryDay() {
    workloads.define("c", peak(LocalTime.of(9, 0), 0, START.minus(Duration.ofDays(3))));

    for (int day = -2; day <= 2; day++) {
      Instant nine = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
      assertThat(demand(nine.minusSeconds(1))).isEqualTo(10, within(1e-3));
      assertThat(demand(nine)).isEqualTo(10, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofMinutes(5)))).isEqualTo(20, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofMinutes(10)))).isEqualTo(30, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofMinutes(70)))).isEqualTo(30, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofMinutes(80)))).isEqualTo(20, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofMinutes(90)))).isEqualTo(10, within(1e-3));
      assertThat(demand(nine.plus(Duration.ofHours(12)))).isEqualTo(10, within(1e-3));
    }
  }

  @Test
  void aPeakMayCrossMidnight() {
    workloads.define("c", peak(LocalTime.of(23, 55), 0, START.minus(Duration.ofDays(1))));

    assertThat(demand(START.minus(Duration.ofMinutes(5)))).isEqualTo(10, within(1e-3));
    assertThat(demand(START.plus(Duration.ofMinutes(5)))).isEqualTo(30, within(1e-3));
    assertThat(demand(START.plus(Duration.ofMinutes(80)))).isEqualTo(15, within(1e-3));
  }

  @Test
  void noiseStaysWithinItsShareAndRepeats() {
    workloads.define("c", peak(LocalTime.of(9, 0), 0.05, START.minus(Duration.ofDays(1))));

    for (int minute = 0; minute < 24 * 60; minute++) {
      Instant t = START.plus(Duration.ofMinutes(minute));
      double value = demand(t);
      assertThat(value).isBetween(10 * 0.95 - 1e-3, 30 * 1.05 + 1e-3);
      assertThat(demand(t)).isEqualTo(value);
    }
    assertThat(demand(START.plus(Duration.ofHours(3)))).isNotEqualTo(demand(START.plus(Duration.ofHours(4))));
  }

  @Test
  void noDataBeforeSince() {
    workloads.define("c", peak(LocalTime.NOON, 0, START));

    assertThat(workloads.demand("c", START.minusSeconds(1))).isEmpty();
    assertThat(workloads.demand("c", START)).isPresent();
  }

  @Test
  void refusesAnImpossibleShape() {
    assertThatThrownBy(() -> new DailyPeak(30, 10, LocalTime.NOON, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0,
        START)).hasMessageContaining("baseCores <= peakCores");
    assertThatThrownBy(() -> new DailyPeak(1, 2, LocalTime.NOON, Duration.ofHours(20), Duration.ofHours(5),
        Duration.ZERO, 0, START)).hasMessageContaining("fit in one day");
    assertThatThrownBy(() -> new DailyPeak(1, 2, LocalTime.NOON, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1.5,
        START)).hasMessageContaining("Noise");
  }

  /** 10 cores; from {@code riseAt} up to 30 over 10 minutes, 60 minutes at 30, down over 20 minutes. */
  private static DailyPeak peak(LocalTime riseAt, double noise, Instant since) {
    return new DailyPeak(10, 30, riseAt, Duration.ofMinutes(10), Duration.ofMinutes(60), Duration.ofMinutes(20),
        noise, since);
  }

  private double demand(Instant t) {
    return workloads.demand("c", t).orElseThrow();
  }
}
