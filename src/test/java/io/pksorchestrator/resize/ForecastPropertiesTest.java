package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.ForecastSettings;
import io.pksorchestrator.forecast.ForecastStatus;
import io.pksorchestrator.forecast.Forecaster;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code pkso.forecast.*} reaches the forecaster the product uses, and a bad combination stops the start-up. */
class ForecastPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(ForecastingConfiguration.class, Binding.class);

  @EnableConfigurationProperties(ForecastProperties.class)
  static class Binding {}

  /** Two days of a 5-minute daily cycle: enough for the default minimum history (24 h). */
  private static final DemandSeries TWO_DAYS = new DemandSeries(Instant.parse("2026-11-01T00:00:00Z"),
      Duration.ofMinutes(5), java.util.stream.IntStream.range(0, 576)
          .mapToDouble(i -> 20 + 10 * Math.sin(2 * Math.PI * i / 288.0)).toArray());

  @Test
  void defaultsAreTheBenchmarkedSettingsAndForecastTwoDays() {
    context.run(ctx -> {
      assertThat(ctx.getBean(ForecastProperties.class).toSettings()).isEqualTo(ForecastSettings.defaults());
      assertThat(ctx.getBean(Forecaster.class).forecast(TWO_DAYS, Duration.ofHours(1)).status())
          .isEqualTo(ForecastStatus.READY);
    });
  }

  @Test
  void configuredMinimumHistoryChangesWhatTheProductsForecasterDoes() {
    context.withPropertyValues("pkso.forecast.min-history=3d", "pkso.forecast.upper-quantile=0.9").run(ctx -> {
      ForecastSettings settings = ctx.getBean(ForecastProperties.class).toSettings();
      assertThat(settings.minHistory()).isEqualTo(Duration.ofDays(3));
      assertThat(settings.upperQuantile()).isEqualTo(0.9);
      assertThat(ctx.getBean(Forecaster.class).forecast(TWO_DAYS, Duration.ofHours(1)).status())
          .isEqualTo(ForecastStatus.INSUFFICIENT_HISTORY);
    });
  }

  @Test
  void inconsistentQuantilesStopTheStartUpWithTheRule() {
    context.withPropertyValues("pkso.forecast.lower-quantile=0.6").run(ctx -> assertThat(ctx).hasFailed()
        .getFailure().rootCause().hasMessageContaining("0 < lower < 0.5 < upper < 1").hasMessageContaining("0.6"));
  }
}
