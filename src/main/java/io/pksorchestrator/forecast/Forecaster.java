package io.pksorchestrator.forecast;

import java.time.Duration;

/**
 * Forecasts a demand series: fits candidate models, chooses one per series by rolling backtests with an error
 * measure that punishes under-forecasts, and returns the point forecast with prediction quantiles. Pure Java,
 * no Spring, no Camunda; safe to call from several threads.
 */
public interface Forecaster {

  /**
   * @param history demand on a fixed step, oldest first
   * @param horizon how far ahead to forecast
   * @return a READY forecast, or {@link ForecastStatus#INSUFFICIENT_HISTORY} below the minimum history
   */
  Forecast forecast(DemandSeries history, Duration horizon);
}
