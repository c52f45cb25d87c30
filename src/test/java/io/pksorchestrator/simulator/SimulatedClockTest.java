package io.pksorchestrator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
  private final AtomicLong wall = new AtomicLong();
  private final SimulatedClock clock = new SimulatedClock(START, 60, wall::get);

  @Test
  void runsAtSpeedTimesWallTime() {
    wall.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void pauseStopsTimeAndAdvanceJumps() {
    wall.addAndGet(Duration.ofSeconds(1).toNanos());
    clock.pause();
    wall.addAndGet(Duration.ofSeconds(100).toNanos());
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    clock.advance(Duration.ofHours(2));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(121)));
    clock.resume();
    wall.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(122)));
  }

  @Test
  void speedChangeKeepsTheCurrentInstant() {
    wall.addAndGet(Duration.ofSeconds(1).toNanos());
    clock.setSpeed(1);
    wall.addAndGet(Duration.ofSeconds(30).toNanos());
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofSeconds(90)));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> clock.setSpeed(0)).hasMessageContaining("positive");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("backwards");
  }
}
