package io.pksorchestrator.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Demand and forecast to workers, before any limit. */
class HeadroomEstimatorTest {

  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(5);
  private final HeadroomEstimator estimator = new HeadroomEstimator();

  private static DemandSeries history(double... recent) {
    double[] v = new double[300];
    Arrays.fill(v, recent[0]);
    System.arraycopy(recent, 0, v, v.length - recent.length, recent.length);
    return new DemandSeries(NOW.minus(STEP.multipliedBy(v.length - 1)), STEP, v);
  }

  private static Forecast forecast(double... upper) {
    return new Forecast(ForecastStatus.READY, "test", NOW.plus(STEP), STEP, upper, upper, upper, 0.9, 0);
  }

  /**
   * Table: observed demand (samples up to now; NaN = missing), forecast upper per step (-1 = not ready), target
   * utilisation, expected needed-now, forecast, desired and scale-down-floor workers. 8 cores per worker; the
   * window (lead 10m + interval 5m) covers the last three samples and the first three forecast steps.
   */
  @ParameterizedTest(name = "[{index}] {8}")
  @CsvSource({
      "40 40 40, 70 70 70, 1.0, 5, 9, 9, 9, forecast above the need now",
      "40 40 60, 20 20 20, 1.0, 8, 3, 8, 8, never below the need now (at full utilisation)",
      "40 40 40, 20 70 20, 1.0, 5, 9, 9, 9, the largest upper value within the window counts",
      "40 40 40, 20 20 20 90, 1.0, 5, 3, 5, 5, beyond the window does not count",
      "40 40 40, 64 64 64, 0.8, 5, 10, 10, 10, utilisation adds headroom to the forecast",
      "90 30 30, 30 30 30, 1.0, 4, 4, 4, 12, the recent peak raises the scale-down floor",
      "90 30 30 30, 30 30 30, 1.0, 4, 4, 4, 4, a peak older than the window does not",
      "40 40 NaN, 40 40 40, 1.0, 5, 5, 5, 5, the latest observed sample stands for now",
      "40 40 60, -1, 1.0, 8, -1, 8, 8, no forecast: reactive on the latest observed demand",
      "40 40 60, -1, 0.8, 8, -1, 10, 10, no forecast: at the target utilisation",
      "0 0 0, 0 0 0, 1.0, 0, 0, 0, 0, no demand needs no workers"})
  void estimates(String observed, String upper, double utilisation, int neededNow, int forecastWorkers, int desired,
      int floor, String name) {
    double[] obs = Arrays.stream(observed.split(" ")).mapToDouble(Double::parseDouble).toArray();
    double[] up = Arrays.stream(upper.split(" ")).mapToDouble(Double::parseDouble).toArray();
    Forecast f = up[0] < 0 ? Forecast.insufficientHistory(NOW.plus(STEP), STEP) : forecast(up);
    ScalingPolicy policy = new ScalingPolicy(8, utilisation, 0, 100, 10, Duration.ofMinutes(10),
        Duration.ofMinutes(5), Duration.ofMinutes(10), 0);
    WorkerEstimate e = estimator.estimate(new ScalingInput(NOW, 5, history(obs), f, null, null), policy);
    assertThat(e.neededNowWorkers()).as("needed now").isEqualTo(neededNow);
    assertThat(e.forecastWorkers()).as("forecast").isEqualTo(forecastWorkers);
    assertThat(e.desiredWorkers()).as("desired").isEqualTo(desired);
    assertThat(e.scaleDownFloorWorkers()).as("scale-down floor").isEqualTo(floor);
    assertThat(e.forecastReady()).isEqualTo(up[0] >= 0);
    assertThat(e.reason()).startsWith(up[0] >= 0 ? "forecast (test) upper 90% " : "no forecast yet");
  }
}
