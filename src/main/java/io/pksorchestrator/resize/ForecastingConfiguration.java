package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.BacktestingForecaster;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.forecast.HeadroomScalingPlanner;
import io.pksorchestrator.forecast.ScalingPlanner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The forecaster and planner of {@code io.pksorchestrator.forecast} (plain classes, no Spring) as beans, the same
 * code the replay benchmark measures, tuned by {@code pkso.forecast.*} ({@link ForecastProperties}). Another
 * configuration may provide its own beans instead.
 */
@Configuration(proxyBeanMethods = false)
public class ForecastingConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Forecaster forecaster(ForecastProperties properties) {
    return new BacktestingForecaster(properties.toSettings());
  }

  @Bean
  @ConditionalOnMissingBean
  ScalingPlanner scalingPlanner() {
    return new HeadroomScalingPlanner();
  }
}
