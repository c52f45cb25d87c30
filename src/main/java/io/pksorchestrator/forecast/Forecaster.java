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

  /**
   * Same as {@link #forecast(DemandSeries, Duration)} for a series with a stable identity (e.g.
   * {@code foundation/cluster}): an implementation may reuse model parameters fitted for that series in an
   * earlier cycle instead of fitting them again every cycle.
   *
   * @param seriesKey stable identity of the series; {@code null} means none
   */
  default Forecast forecast(String seriesKey, DemandSeries history, Duration horizon) {
    return forecast(history, horizon);
  }
}
