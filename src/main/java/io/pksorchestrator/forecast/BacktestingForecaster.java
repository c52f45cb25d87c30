package io.pksorchestrator.forecast;

import io.pksorchestrator.forecast.model.Backtest;
import io.pksorchestrator.forecast.model.CandidateModel;
import io.pksorchestrator.forecast.model.HarmonicRegressionModel;
import io.pksorchestrator.forecast.model.HoltWintersModel;
import io.pksorchestrator.forecast.model.LastValueModel;
import io.pksorchestrator.forecast.model.ParameterCache;
import io.pksorchestrator.forecast.model.RecentMaxModel;
import io.pksorchestrator.forecast.model.SeasonalDeltaModel;
import io.pksorchestrator.forecast.model.SeriesContext;
import io.pksorchestrator.forecast.model.SeriesPreparation;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link Forecaster}: prepares the history (gaps, trimming), runs every applicable candidate model
 * (last value, recent peak, daily and weekly seasonal naive anchored on the current level, damped Holt-Winters with
 * optimised parameters, harmonic regression) from every origin of a rolling backtest window, keeps the model whose
 * calibrated upper band has the lowest pinball loss at the upper quantile, and returns its forecast with the band
 * calibrated on its own backtest residuals (absolute, relative to the forecast, or scaled by the recent level plus a
 * base: whichever scores best). Stateless apart from a parameter cache; thread-safe.
 */
public final class BacktestingForecaster implements Forecaster {

  private static final int MAX_BACKTESTED_STEPS = 48;

  private final ForecastSettings settings;
  private final ParameterCache cache = new ParameterCache(100_000);
  private final HoltWintersModel holtWinters = new HoltWintersModel();
  private final HarmonicRegressionModel harmonic = new HarmonicRegressionModel();

  public BacktestingForecaster(ForecastSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public BacktestingForecaster() {
    this(ForecastSettings.defaults());
  }

  public ForecastSettings settings() {
    return settings;
  }

  @Override
  public Forecast forecast(DemandSeries history, Duration horizon) {
    return forecast(null, history, horizon);
  }

  @Override
  public Forecast forecast(String seriesKey, DemandSeries history, Duration horizon) {
    Objects.requireNonNull(history, "history");
    Duration step = history.step();
    if (step == null || step.isZero() || step.isNegative()) {
      throw new IllegalArgumentException("history step must be positive, got " + step);
    }
    if (horizon == null || horizon.isZero() || horizon.isNegative()) {
      throw new IllegalArgumentException("forecast horizon must be positive, got " + horizon);
    }
    Instant start = history.end().plus(step);
    double[] raw = history.values();
    int maxSteps = (int) Math.max(1, settings.maxHistory().toMillis() / step.toMillis());
    int from = Math.max(0, raw.length - maxSteps);
    from += SeriesPreparation.firstObserved(Arrays.copyOfRange(raw, from, raw.length));
    double[] recent = Arrays.copyOfRange(raw, from, raw.length);
    if (step.multipliedBy(SeriesPreparation.observedCount(recent)).compareTo(settings.minHistory()) < 0
        || recent.length < 3) {
      return Forecast.insufficientHistory(start, step);
    }
    int daySteps = (int) Math.max(2, Math.round((double) Duration.ofDays(1).toMillis() / step.toMillis()));
    double[] y = SeriesPreparation.fill(recent, daySteps);
    long epochIndex = Math.floorDiv(history.start().toEpochMilli(), step.toMillis()) + from;
    SeriesContext context = new SeriesContext(y, epochIndex, daySteps, 7 * daySteps,
        SeriesPreparation.changeScale(y), null);
    context = withParameters(seriesKey, context, history.end());
    int horizonSteps = (int) Math.max(1, Math.ceil((double) horizon.toMillis() / step.toMillis()));
    return best(context, horizonSteps, start, step);
  }

  private SeriesContext withParameters(String key, SeriesContext context, Instant now) {
    if (!holtWinters.applicable(context) && !harmonic.applicable(context)) {
      return context;
    }
    ParameterCache.Entry entry = cache.get(key);
    boolean stale = entry == null || entry.daySteps() != context.daySteps() || entry.fittedAt().isAfter(now)
        || Duration.between(entry.fittedAt(), now).compareTo(settings.refitEvery()) >= 0;
    if (stale) {
      entry = new ParameterCache.Entry(now, context.daySteps(),
          holtWinters.applicable(context) ? holtWinters.fit(context) : null,
          harmonic.applicable(context) ? harmonic.fit(context) : null);
      cache.put(key, entry);
    }
    return new SeriesContext(context.y(), context.epochIndex(), context.daySteps(), context.weekSteps(),
        context.scale(), entry);
  }

  private List<CandidateModel> candidates(SeriesContext context) {
    return List.of(new LastValueModel(), new RecentMaxModel(Math.max(1, context.daySteps() / 24)),
        new SeasonalDeltaModel(false, 7), new SeasonalDeltaModel(true, 2), holtWinters, harmonic);
  }

  private Forecast best(SeriesContext context, int horizonSteps, Instant start, Duration step) {
    int n = context.n();
    int backtestSteps = (int) Math.max(1, settings.backtestWindow().toMillis() / step.toMillis());
    int firstOrigin = Math.max(n - 1 - backtestSteps, n / 3);
    int scored = Math.min(horizonSteps, MAX_BACKTESTED_STEPS);
    // relative bands scale with the level, but never below a quarter of the recent mean level
    double floor = Math.max(1e-9, 0.25 * mean(context.y(), firstOrigin));
    // locally weighted band: scale = recent level (exponentially weighted) + a share of the window's mean level
    double[] localScale = settings.localBandHalfLife().isZero() ? null
        : SeriesPreparation.localLevelScale(context.y(),
            (double) settings.localBandHalfLife().toMillis() / step.toMillis(),
            settings.localBandBase() * mean(context.y(), firstOrigin));
    String bestName = null;
    double[] bestRow = null;
    Backtest bestScore = null;
    Backtest.Residuals bestResiduals = null;
    for (CandidateModel model : candidates(context)) {
      if (!model.applicable(context)) {
        continue;
      }
      double[][] predictions;
      try {
        predictions = model.predict(context, firstOrigin, horizonSteps);
      } catch (RuntimeException e) {
        continue; // a numerically failing candidate is simply not chosen; last-value always works
      }
      Backtest.Residuals residuals = Backtest.Residuals.of(context.y(), predictions, firstOrigin, scored, floor,
          localScale);
      Backtest score = residuals.score(settings.upperQuantile(), settings.lowerQuantile());
      if (bestScore == null || score.error() < bestScore.error()) {
        bestResiduals = residuals;
        bestName = model.name();
        bestRow = predictions[predictions.length - 1];
        bestScore = score;
      }
    }
    double level = Math.max(1e-9, mean(context.y(), firstOrigin));
    double quantile = settings.upperQuantile();
    Backtest band = bestScore;
    while (width(band, level) > settings.headroomBudget() && quantile - 0.05 >= settings.minUpperQuantile() - 1e-9) {
      quantile -= 0.05;
      band = bestResiduals.score(quantile, settings.lowerQuantile());
    }
    double[] mean = new double[horizonSteps];
    double[] lower = new double[horizonSteps];
    double[] upper = new double[horizonSteps];
    for (int h = 0; h < horizonSteps; h++) {
      mean[h] = Math.max(0, band.median(h, bestRow[h]));
      upper[h] = Math.max(mean[h], band.upper(h, bestRow[h]));
      lower[h] = Math.max(0, Math.min(mean[h], band.lower(h, bestRow[h])));
    }
    return new Forecast(ForecastStatus.READY, bestName, start, step, mean, lower, upper, quantile,
        bestScore.error());
  }

  /** Mean width of the band above the point forecast, as a share of the level. */
  private static double width(Backtest band, double level) {
    double sum = 0;
    for (int h = 0; h < band.upperOffset().length; h++) {
      sum += band.upperOffset()[h] - band.medianOffset()[h];
    }
    double w = sum / Math.max(1, band.upperOffset().length);
    return band.local() ? w * band.scaleMean() / level : band.relative() ? w : w / level;
  }

  private static double mean(double[] y, int from) {
    double sum = 0;
    for (int i = from; i < y.length; i++) {
      sum += y[i];
    }
    return sum / Math.max(1, y.length - from);
  }
}
