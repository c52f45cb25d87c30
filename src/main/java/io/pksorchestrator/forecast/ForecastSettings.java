package io.pksorchestrator.forecast;

import java.time.Duration;

/**
 * Tuning of {@link BacktestingForecaster}.
 *
 * @param minHistory below this much observed history no prediction is made (24 hours)
 * @param maxHistory only the most recent part of a longer history is used (keeps a cycle cheap; 14 days holds two
 *     weekly cycles)
 * @param upperQuantile probability level of the upper band the planner sizes for (e.g. 0.95)
 * @param lowerQuantile probability level of the lower band (e.g. 0.05)
 * @param backtestWindow how far back the rolling-origin backtest reaches (its residuals also calibrate the band)
 * @param refitEvery how long fitted model parameters of a keyed series are reused before they are fitted again
 * @param headroomBudget widest acceptable band, as a share of the mean level: when the band at the upper quantile
 *     is wider (a barely predictable, bursty series) the quantile is lowered in steps of 0.05, down to
 *     {@code minUpperQuantile}, so that an unpredictable series does not buy spare nodes without bound
 * @param minUpperQuantile lowest quantile the headroom budget may lower the band to
 * @param localBandHalfLife half-life of the recent level that scales the locally weighted band (a third band shape
 *     next to the absolute and the relative one, kept when its backtest loss is lowest); zero: no such band
 * @param localBandBase the locally weighted band's scale is the recent level plus this share of the backtest window's
 *     mean level (so it keeps some width when the level is low)
 */
public record ForecastSettings(Duration minHistory, Duration maxHistory, double upperQuantile, double lowerQuantile,
    Duration backtestWindow, Duration refitEvery, double headroomBudget, double minUpperQuantile,
    Duration localBandHalfLife, double localBandBase) {

  /** Default locally weighted band: half-life of the recent level. */
  public static final Duration LOCAL_BAND_HALF_LIFE = Duration.ofHours(1);
  /** Default locally weighted band: base as a share of the mean level. */
  public static final double LOCAL_BAND_BASE = 0.25;

  /** As the canonical constructor, with the default locally weighted band. */
  public ForecastSettings(Duration minHistory, Duration maxHistory, double upperQuantile, double lowerQuantile,
      Duration backtestWindow, Duration refitEvery, double headroomBudget, double minUpperQuantile) {
    this(minHistory, maxHistory, upperQuantile, lowerQuantile, backtestWindow, refitEvery, headroomBudget,
        minUpperQuantile, LOCAL_BAND_HALF_LIFE, LOCAL_BAND_BASE);
  }

  public ForecastSettings {
    if (!(upperQuantile > 0.5 && upperQuantile < 1) || !(lowerQuantile > 0 && lowerQuantile < 0.5)) {
      throw new IllegalArgumentException("quantiles must satisfy 0 < lower < 0.5 < upper < 1, got lower="
          + lowerQuantile + " upper=" + upperQuantile);
    }
    if (!(minUpperQuantile > 0.5 && minUpperQuantile <= upperQuantile) || !(headroomBudget > 0)) {
      throw new IllegalArgumentException("need 0.5 < minUpperQuantile <= upperQuantile and headroomBudget > 0, got "
          + minUpperQuantile + " and " + headroomBudget);
    }
    if (localBandHalfLife == null || localBandHalfLife.isNegative() || !(localBandBase >= 0)) {
      throw new IllegalArgumentException("need localBandHalfLife >= 0 and localBandBase >= 0, got "
          + localBandHalfLife + " and " + localBandBase);
    }
    if (minHistory.isNegative() || maxHistory.compareTo(minHistory) < 0 || backtestWindow.isZero()) {
      throw new IllegalArgumentException("need 0 <= minHistory <= maxHistory and a positive backtest window");
    }
  }

  /** The product's defaults. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(Duration.ofHours(24), Duration.ofDays(14), 0.95, 0.05, Duration.ofDays(2),
        Duration.ofHours(6), 0.65, 0.75);
  }
}
