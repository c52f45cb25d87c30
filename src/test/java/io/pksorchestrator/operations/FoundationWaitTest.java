package io.pksorchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one foundation timer: poll waits in wall time with a floor, deadlines on the engine clock. */
class FoundationWaitTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private final InMemoryFoundation foundations = new InMemoryFoundation("real").foundation("lab", 60);

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void pollWaitIsTheIntervalInWallTimeNeverBelowTheMinimum() {
    assertThat(FoundationWait.pollWait(foundations, "real", Duration.ofSeconds(30))).isEqualTo("PT30S");
    assertThat(FoundationWait.pollWait(foundations, "lab", Duration.ofMinutes(5))).isEqualTo("PT5S");
    assertThat(FoundationWait.pollWait(foundations, "lab", Duration.ofSeconds(30))).isEqualTo("PT1S");
    assertThat(FoundationWait.pollWait(foundations, "lab", Duration.ofSeconds(30), Duration.ofSeconds(2)))
        .isEqualTo("PT2S");
    assertThat(FoundationWait.wallWait(Duration.ofMillis(200))).isEqualTo("PT1S");
    assertThat(FoundationWait.wallWait(Duration.ofSeconds(3))).isEqualTo("PT3S");
  }

  @Test
  void deadlinesAreNowPlusTheTimeoutInWallTimeOnTheEngineClock() {
    assertThat(FoundationWait.deadline(foundations, "lab", Duration.ofMinutes(60)))
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(FoundationWait.deadlineDate(foundations, "real", Duration.ofMinutes(45)))
        .isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(45))));
  }

  @Test
  void dateDeadlinesPassAfterTheirInstantIsoDeadlinesAreReachedAtIt() {
    Date at = Date.from(NOW);
    assertThat(FoundationWait.isPast(at)).isFalse();
    assertThat(FoundationWait.isWithin(at)).isTrue();
    assertThat(FoundationWait.isReached(NOW.toString())).isTrue();
    assertThat(FoundationWait.isPast(Date.from(NOW.minusMillis(1)))).isTrue();
    assertThat(FoundationWait.isWithin(Date.from(NOW.minusMillis(1)))).isFalse();
    assertThat(FoundationWait.isReached(NOW.plusMillis(1).toString())).isFalse();
    assertThat(FoundationWait.isPast(null)).isFalse();
    assertThat(FoundationWait.isWithin(null)).isFalse();
    assertThat(FoundationWait.isReached(null)).isFalse();
  }
}
