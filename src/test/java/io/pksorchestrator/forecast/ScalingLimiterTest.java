package io.pksorchestrator.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule that holds a change back, alone and in the default order. */
class ScalingLimiterTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Map<String, ScalingLimit> RULES = Map.of("STEP_UP", ScalingLimiter.STEP_UP, "COOLDOWN",
      ScalingLimiter.COOLDOWN, "SCALE_DOWN_FLOOR", ScalingLimiter.SCALE_DOWN_FLOOR, "STEP_DOWN",
      ScalingLimiter.STEP_DOWN, "BOUNDS", ScalingLimiter.BOUNDS);

  private static ScalingPolicy policy(int min, int max, int step, int hysteresis) {
    return new ScalingPolicy(8, 1.0, min, max, step, Duration.ofMinutes(10), Duration.ofMinutes(5),
        Duration.ofMinutes(30), hysteresis);
  }

  private static WorkerEstimate estimate(int desired, int floor) {
    return new WorkerEstimate(desired * 8.0, floor * 8.0, desired * 8.0, Duration.ofMinutes(15), desired, desired,
        desired, floor, "test", 0.95);
  }

  private static ScalingInput input(int current, int minutesSinceUp) {
    return new ScalingInput(NOW, current, null, null,
        minutesSinceUp < 0 ? null : NOW.minus(Duration.ofMinutes(minutesSinceUp)), null);
  }

  /**
   * Table: rule (ALL = the default limiter), current, desired, scale-down floor, minutes since the last scale-up
   * (-1 = never), min, max, step, hysteresis, expected target, expected note ("-" = none).
   */
  @ParameterizedTest(name = "[{index}] {0}: {12}")
  @CsvSource(delimiter = '|', value = {
      "STEP_UP          | 5  | 30 | 30 | -1 | 0 | 99 | 10 | 0 | 15 | step limited to +10 | cuts a large scale-up",
      "STEP_UP          | 5  | 12 | 12 | -1 | 0 | 99 | 10 | 0 | 12 | -                   | leaves a small one",
      "STEP_UP          | 20 | 2  | 2  | -1 | 0 | 99 | 10 | 0 | 2  | -                   | ignores a scale-down",
      "COOLDOWN         | 10 | 4  | 4  | 5  | 0 | 99 | 10 | 0 | 10 | scale-down held: cooldown 30m after the last scale-up | holds a scale-down",
      "COOLDOWN         | 10 | 4  | 4  | 30 | 0 | 99 | 10 | 0 | 4  | -                   | ends after the cooldown",
      "COOLDOWN         | 10 | 4  | 4  | -1 | 0 | 99 | 10 | 0 | 4  | -                   | no scale-up, no cooldown",
      "COOLDOWN         | 4  | 10 | 10 | 5  | 0 | 99 | 10 | 0 | 10 | -                   | never holds a scale-up",
      "SCALE_DOWN_FLOOR | 10 | 4  | 9  | -1 | 0 | 99 | 10 | 0 | 9  | forecast and recent peak 72.0 cores allow 9 | down to the recent peak's need",
      "SCALE_DOWN_FLOOR | 10 | 4  | 4  | -1 | 0 | 99 | 10 | 2 | 6  | forecast and recent peak 32.0 cores allow 6 | keeps the hysteresis",
      "SCALE_DOWN_FLOOR | 10 | 4  | 9  | -1 | 0 | 99 | 10 | 1 | 10 | scale-down held: recent peak 72.0 cores (+1 hysteresis) needs 10 | holds when floor + hysteresis reach the size",
      "SCALE_DOWN_FLOOR | 4  | 10 | 10 | -1 | 0 | 99 | 10 | 3 | 10 | -                   | ignores a scale-up",
      "STEP_DOWN        | 20 | 2  | 2  | -1 | 0 | 99 | 5  | 0 | 15 | step limited to -5  | cuts a large scale-down",
      "STEP_DOWN        | 20 | 16 | 16 | -1 | 0 | 99 | 5  | 0 | 16 | -                   | leaves a small one",
      "BOUNDS           | 5  | 2  | 2  | -1 | 3 | 99 | 10 | 0 | 3  | raised to minimum 3 | floors at the minimum",
      "BOUNDS           | 2  | 2  | 2  | -1 | 3 | 99 | 10 | 0 | 3  | raised to minimum 3 | raises a size below the minimum without a change",
      "BOUNDS           | 5  | 20 | 20 | -1 | 3 | 12 | 10 | 0 | 12 | capped at maximum 12 | caps at the maximum",
      "ALL              | 5  | 30 | 30 | -1 | 3 | 12 | 10 | 0 | 12 | capped at maximum 12 | step, then the maximum",
      "ALL              | 20 | 2  | 2  | 60 | 3 | 99 | 5  | 0 | 15 | step limited to -5  | floor, then the step down",
      "ALL              | 10 | 2  | 2  | 5  | 3 | 99 | 10 | 0 | 10 | scale-down held: cooldown 30m after the last scale-up | the cooldown holds before the floor",
      "ALL              | 6  | 6  | 6  | -1 | 3 | 99 | 10 | 0 | 6  | -                   | no change, no note"})
  void limits(String rule, int current, int desired, int floor, int minutesSinceUp, int min, int max, int step,
      int hysteresis, int expected, String note, String name) {
    ScalingPolicy p = policy(min, max, step, hysteresis);
    ScalingInput in = input(current, minutesSinceUp);
    WorkerEstimate e = estimate(desired, floor);
    LimitedChange result = rule.equals("ALL") ? new ScalingLimiter().limit(in, e, p)
        : RULES.get(rule).apply(LimitedChange.of(current, desired), in, e, p);
    assertThat(result.targetWorkers()).as(String.valueOf(result.notes())).isEqualTo(expected);
    assertThat(result.currentWorkers()).isEqualTo(current);
    if (note.equals("-")) {
      assertThat(result.notes()).isEmpty();
    } else {
      assertThat(result.notes()).last().isEqualTo(note);
    }
  }

  @ParameterizedTest
  @CsvSource({"STEP_UP", "COOLDOWN", "SCALE_DOWN_FLOOR", "STEP_DOWN", "BOUNDS"})
  void aRuleKeepsTheNotesOfTheRulesBeforeIt(String rule) {
    LimitedChange before = new LimitedChange(20, 2, List.of("earlier"));
    LimitedChange after = RULES.get(rule).apply(before, input(20, 5), estimate(2, 2), policy(3, 12, 5, 0));
    assertThat(after.notes()).first().isEqualTo("earlier");
  }
}
