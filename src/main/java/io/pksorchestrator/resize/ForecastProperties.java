package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ForecastSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Forecaster tuning ({@code pkso.forecast.*}), bound here because the forecast package is plain Java. Defaults are
 * {@link ForecastSettings#defaults()}, the settings the replay benchmark measures; an inconsistent combination stops
 * the start-up with the message of {@link ForecastSettings}.
 */
@ConfigurationProperties("pkso.forecast")
public class ForecastProperties {

  private static final ForecastSettings DEFAULTS = ForecastSettings.defaults();

  /** Below this much observed history no prediction is made (the policy then acts on observations only). */
  private Duration minHistory = DEFAULTS.minHistory();
  /** Only the most recent part of a longer history is used per forecast. */
  private Duration maxHistory = DEFAULTS.maxHistory();
  /** Probability level of the upper band the planner sizes for. */
  private double upperQuantile = DEFAULTS.upperQuantile();
  /** Probability level of the lower band. */
  private double lowerQuantile = DEFAULTS.lowerQuantile();
  /** Reach of the rolling-origin backtest that chooses the model (its residuals also calibrate the band). */
  private Duration backtestWindow = DEFAULTS.backtestWindow();
  /** How long fitted model parameters of a cluster are reused before they are fitted again. */
  private Duration refitEvery = DEFAULTS.refitEvery();
  /** Widest band, as a share of the mean level, before the upper quantile is lowered (bursty series). */
  private double headroomBudget = DEFAULTS.headroomBudget();
  /** Lowest quantile the headroom budget may lower the band to. */
  private double minUpperQuantile = DEFAULTS.minUpperQuantile();

  /** The bound values as the forecaster's settings (validated by {@link ForecastSettings}). */
  public ForecastSettings toSettings() {
    return new ForecastSettings(minHistory, maxHistory, upperQuantile, lowerQuantile, backtestWindow, refitEvery,
        headroomBudget, minUpperQuantile);
  }

  public Duration getMinHistory() { return minHistory; }
  public void setMinHistory(Duration minHistory) { this.minHistory = minHistory; }
  public Duration getMaxHistory() { return maxHistory; }
  public void setMaxHistory(Duration maxHistory) { this.maxHistory = maxHistory; }
  public double getUpperQuantile() { return upperQuantile; }
  public void setUpperQuantile(double upperQuantile) { this.upperQuantile = upperQuantile; }
  public double getLowerQuantile() { return lowerQuantile; }
  public void setLowerQuantile(double lowerQuantile) { this.lowerQuantile = lowerQuantile; }
  public Duration getBacktestWindow() { return backtestWindow; }
  public void setBacktestWindow(Duration backtestWindow) { this.backtestWindow = backtestWindow; }
  public Duration getRefitEvery() { return refitEvery; }
  public void setRefitEvery(Duration refitEvery) { this.refitEvery = refitEvery; }
  public double getHeadroomBudget() { return headroomBudget; }
  public void setHeadroomBudget(double headroomBudget) { this.headroomBudget = headroomBudget; }
  public double getMinUpperQuantile() { return minUpperQuantile; }
  public void setMinUpperQuantile(double minUpperQuantile) { this.minUpperQuantile = minUpperQuantile; }
}
