package io.pksorchestrator.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HeadroomScalingPlannerTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(5);
  private final HeadroomScalingPlanner planner = new HeadroomScalingPlanner();

  private static ScalingPolicy policy(int min, int max, int step, int hysteresis) {
    return new ScalingPolicy(8, 1.0, min, max, step, Duration.ofMinutes(10), Duration.ofMinutes(5),
        Duration.ofMinutes(10), hysteresis);
  }

  private static DemandSeries history(double... recent) {
    double[] v = new double[300];
    Arrays.fill(v, recent[0]);
    System.arraycopy(recent, 0, v, v.length - recent.length, recent.length);
    return new DemandSeries(NOW.minus(STEP.multipliedBy(v.length - 1)), STEP, v);
  }

  private static Forecast forecast(double upper) {
    double[] u = {upper, upper, upper};
    return new Forecast(ForecastStatus.READY, "test", NOW.plus(STEP), STEP, u, u, u, 0.95, 0);
  }

  /**
   * Table: current workers, observed demand (last three samples), forecast upper (-1 = not ready), minutes since
   * the last scale-up (-1 = never), min, max, step, hysteresis, expected target.
   */
  @ParameterizedTest(name = "[{index}] {10}")
  @CsvSource({
      "5, 40 40 40, 70, -1, 3, 50, 10, 0, 9, scale up ahead of the forecast",
      "5, 40 40 60, 20, -1, 3, 50, 10, 0, 8, never below what observed demand needs now",
      "5, 40 40 40, 400, -1, 3, 50, 10, 0, 15, step limits a scale-up",
      "5, 40 40 40, 400, -1, 3, 12, 10, 0, 12, maximum caps a scale-up",
      "5, 1 1 1, 1, 60, 3, 50, 10, 0, 3, minimum floors a scale-down",
      "2, 1 1 1, 1, 60, 3, 50, 10, 0, 3, below minimum is raised",
      "10, 30 30 30, 30, 5, 3, 50, 10, 0, 10, cooldown after a scale-up holds a scale-down",
      "10, 30 30 30, 30, 60, 3, 50, 10, 0, 4, scale down when forecast and observations allow",
      "10, 30 30 30, 30, 60, 3, 50, 10, 2, 6, hysteresis keeps workers above need",
      "10, 70 30 30, 30, 60, 3, 50, 10, 0, 9, recent peak holds a scale-down the forecast allows",
      "10, 30 30 30, 75, 60, 3, 50, 10, 0, 10, forecast holds a scale-down the observations allow",
      "20, 8 8 8, 8, 60, 3, 50, 5, 0, 15, step limits a scale-down",
      "5, 40 40 60, -1, -1, 3, 50, 10, 0, 8, insufficient history scales up reactively on observed demand",
      "10, 30 30 30, -1, 60, 3, 50, 10, 0, 4, insufficient history scales down on observed demand only",
      "6, 44 44 44, 44, -1, 3, 50, 10, 0, 6, no change when the size fits"})
  void plans(int current, String observed, double upper, int minutesSinceUp, int min, int max, int step,
      int hysteresis, int expected, String name) {
    double[] obs = Arrays.stream(observed.split(" ")).mapToDouble(Double::parseDouble).toArray();
    Forecast f = upper < 0 ? Forecast.insufficientHistory(NOW.plus(STEP), STEP) : forecast(upper);
    Instant lastUp = minutesSinceUp < 0 ? null : NOW.minus(Duration.ofMinutes(minutesSinceUp));
    ScalingDecision d = planner.plan(new ScalingInput(NOW, current, history(obs), f, lastUp, null),
        policy(min, max, step, hysteresis));
    assertThat(d.targetWorkers()).as(d.reason()).isEqualTo(expected);
    assertThat(d.currentWorkers()).isEqualTo(current);
    assertThat(d.neededNowWorkers()).isEqualTo((int) Math.ceil(obs[obs.length - 1] / 8));
    assertThat(d.forecastWorkers()).isEqualTo(upper < 0 ? -1 : (int) Math.ceil(upper / 8));
    assertThat(d.reason()).isNotBlank().contains(upper < 0 ? "no forecast" : "forecast (test)");
  }

  @Test
  void utilisationAddsHeadroomToTheForecast() {
    ScalingPolicy p = new ScalingPolicy(8, 0.8, 3, 50, 10, Duration.ofMinutes(10), Duration.ofMinutes(5),
        Duration.ofMinutes(10), 0);
    ScalingDecision d = planner.plan(new ScalingInput(NOW, 5, history(40, 40, 40), forecast(64), null, null), p);
    assertThat(d.targetWorkers()).isEqualTo(10);
    assertThat(d.reason()).contains("64.0 cores within 15m needs 10 workers");
  }

  @Test
  void rejectsAnInvalidPolicy() {
    assertThatThrownBy(() -> planner.plan(new ScalingInput(NOW, 5, history(1), forecast(1), null, null),
        policy(10, 5, 1, 0))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minWorkers");
  }
}
