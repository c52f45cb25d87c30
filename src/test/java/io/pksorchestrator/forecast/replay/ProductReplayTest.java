package io.pksorchestrator.forecast.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.forecast.ForecastStatus;
import io.pksorchestrator.forecast.HeadroomScalingPlanner;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.ScalingPlanner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductReplayTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final ReplayOptions OPTIONS = new ReplayOptions(Path.of("t"), Path.of("o"), 160, 8, 3, 10, 5, 0);

  @Test
  void decidesAtIntervalBoundariesOnFiveMinuteMaximaUpToTheDecisionMinuteOnly() {
    double[] demand = new double[40];
    for (int t = 0; t < demand.length; t++) {
      demand[t] = t;
    }
    List<DemandSeries> seen = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    Forecaster spy = (history, horizon) -> {
      seen.add(history);
      at.add(history.end());
      assertThat(horizon).isEqualTo(Duration.ofMinutes(15));
      return Forecast.insufficientHistory(history.end().plus(history.step()), history.step());
    };
    new ProductReplay(spy, new HeadroomScalingPlanner(), Duration.ofDays(14)).run(START, demand, OPTIONS);
    assertThat(at).hasSize(8).first().isEqualTo(START);
    assertThat(at.get(3)).isEqualTo(START.plus(Duration.ofMinutes(15)));
    DemandSeries atFifteen = seen.get(3);
    assertThat(atFifteen.step()).isEqualTo(Duration.ofMinutes(5));
    // the complete blocks ending at minutes 15, 10 and 5 cover minutes 11-15, 6-10 and 1-5
    assertThat(atFifteen.values()).containsExactly(5, 10, 15);
    assertThat(atFifteen.start()).isEqualTo(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void requestedNodesServeAfterTheLeadTimeAndRemovalsAreImmediate() {
    double[] demand = new double[60];
    ScalingPlanner scripted = (input, policy) -> {
      long minute = Duration.between(START, input.now()).toMinutes();
      int target = minute == 5 ? 7 : minute == 30 ? 4 : input.currentWorkers();
      return new ScalingDecision(input.currentWorkers(), target, 3, -1, "scripted");
    };
    Forecaster none = (history, horizon) -> new Forecast(ForecastStatus.INSUFFICIENT_HISTORY, "none",
        history.end(), history.step(), new double[0], new double[0], new double[0], Double.NaN, Double.NaN);
    CapacityRun run = new ProductReplay(none, scripted, Duration.ofDays(1)).run(START, demand, OPTIONS).run();
    assertThat(run.ready()[14]).isEqualTo(3);
    assertThat(run.pending()[5]).isEqualTo(4);
    assertThat(run.ready()[15]).isEqualTo(7);
    assertThat(run.ready()[29]).isEqualTo(7);
    assertThat(run.ready()[30]).isEqualTo(4);
    assertThat(run.action()).satisfies(a -> assertThat(a[5] && a[30] && !a[10]).isTrue());
  }

  @Test
  void parallelForecastsGiveTheSameResultsAsSequentialOnes() {
    // 3 days at 1 minute: a daily cycle, a weekly-ish drift and deterministic bursts
    double[] demand = new double[3 * 1440];
    java.util.Random random = new java.util.Random(7);
    for (int t = 0; t < demand.length; t++) {
      demand[t] = 60 + 40 * Math.sin(2 * Math.PI * t / 1440) + t / 200.0 + random.nextGaussian() * 6
          + (random.nextInt(300) == 0 ? 80 : 0);
    }
    ReplayOptions options = new ReplayOptions(Path.of("t"), Path.of("o"), 160, 8, 3, 10, 5, 0);
    io.pksorchestrator.forecast.BacktestingForecaster f1 = new io.pksorchestrator.forecast.BacktestingForecaster();
    io.pksorchestrator.forecast.BacktestingForecaster f2 = new io.pksorchestrator.forecast.BacktestingForecaster();
    ProductReplay.Result sequential = new ProductReplay(f1, new HeadroomScalingPlanner(), Duration.ofDays(14),
        Duration.ofHours(6), 1).run(START, demand, options);
    ProductReplay.Result parallel = new ProductReplay(f2, new HeadroomScalingPlanner(), Duration.ofDays(14),
        Duration.ofHours(6), 3).run(START, demand, options);
    assertThat(sequential.models()).containsKey("none").hasSizeGreaterThan(1);
    assertThat(parallel.run().ready()).containsExactly(sequential.run().ready());
    assertThat(parallel.run().pending()).containsExactly(sequential.run().pending());
    assertThat(parallel.run().action()).containsExactly(sequential.run().action());
    assertThat(parallel.forecastMean()).containsExactly(sequential.forecastMean());
    assertThat(parallel.forecastUpper()).containsExactly(sequential.forecastUpper());
    assertThat(parallel.models()).isEqualTo(sequential.models());
  }
}
