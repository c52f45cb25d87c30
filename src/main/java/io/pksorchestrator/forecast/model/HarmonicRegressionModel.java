package io.pksorchestrator.forecast.model;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Harmonic (Fourier) regression: daily and weekly harmonics plus a linear trend, fitted by ordinary least squares
 * on half-hour means (cheap and smooth), with the current deviation from the fitted curve carried forward and
 * decaying (an AR(1) on the residuals) so that level shifts are followed at once.
 */
public final class HarmonicRegressionModel implements CandidateModel {

  /**
   * Fitted coefficients. The trend regressor is measured in days from {@code anchor} (an absolute step index), so
   * the fit stays valid while the series moves on.
   */
  public record Fit(double[] beta, long anchor, boolean weekly) {}

  private static final int DAILY_HARMONICS = 4;
  private static final int WEEKLY_HARMONICS = 3;

  @Override
  public String name() {
    return "harmonic-regression";
  }

  @Override
  public boolean applicable(SeriesContext series) {
    return series.n() >= 2 * series.daySteps();
  }

  private static boolean withWeekly(SeriesContext series) {
    return series.n() >= series.weekSteps() + 3 * series.daySteps();
  }

  @Override
  public double[][] predict(SeriesContext series, int firstOrigin, int horizon) {
    double[] y = series.y();
    int n = y.length;
    Fit fit = series.params() != null && series.params().harmonic() != null
        && series.params().daySteps() == series.daySteps()
        && series.params().harmonic().weekly() == withWeekly(series) ? series.params().harmonic() : fit(series);
    double[] fitted = new double[n + horizon];
    double[] features = new double[featureCount(fit.weekly())];
    for (int i = 0; i < n + horizon; i++) {
      fitted[i] = evaluate(fit.beta(), features(series, i, fit.anchor(), fit.weekly(), features));
    }
    double phi = residualAutocorrelation(y, fitted, Math.max(1, firstOrigin - 2 * series.daySteps()));
    double[][] out = new double[n - firstOrigin][horizon];
    for (int o = firstOrigin; o < n; o++) {
      double residual = y[o] - fitted[o];
      double decay = 1;
      for (int h = 1; h <= horizon; h++) {
        decay *= phi;
        out[o - firstOrigin][h - 1] = fitted[o + h] + decay * residual;
      }
    }
    return out;
  }

  /** Fits the coefficients on half-hour means of the series. */
  public Fit fit(SeriesContext series) {
    boolean weekly = withWeekly(series);
    long anchor = series.epochIndex() + series.n();
    return new Fit(coefficients(series, weekly, anchor), anchor, weekly);
  }

  private double[] coefficients(SeriesContext series, boolean weekly, long anchor) {
    int block = Math.max(1, series.daySteps() / 48);
    int rows = series.n() / block;
    int offset = series.n() - rows * block;
    double[] target = new double[rows];
    double[][] design = new double[rows][];
    for (int r = 0; r < rows; r++) {
      double sum = 0;
      for (int i = 0; i < block; i++) {
        sum += series.y()[offset + r * block + i];
      }
      target[r] = sum / block;
      // the block's middle step stands for the block (half a step of phase error at most: negligible)
      design[r] = features(series, offset + r * block + block / 2, anchor, weekly,
          new double[featureCount(weekly)]);
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(target, design);
    try {
      return ols.estimateRegressionParameters();
    } catch (SingularMatrixException e) {
      // e.g. a perfectly flat series: the mean alone
      double[] beta = new double[featureCount(weekly) + 1];
      beta[0] = mean(target);
      return beta;
    }
  }

  private static int featureCount(boolean weekly) {
    return 1 + 2 * DAILY_HARMONICS + (weekly ? 2 * WEEKLY_HARMONICS : 0);
  }

  private static double[] features(SeriesContext series, int i, long anchor, boolean weekly, double[] x) {
    long t = series.epochIndex() + i;
    x[0] = (double) (t - anchor) / series.daySteps();
    int c = 1;
    double[][] day = Harmonics.table(series.daySteps(), DAILY_HARMONICS);
    int dayPhase = (int) Math.floorMod(t, (long) series.daySteps());
    for (int k = 0; k < DAILY_HARMONICS; k++) {
      x[c++] = day[2 * k][dayPhase];
      x[c++] = day[2 * k + 1][dayPhase];
    }
    if (weekly) {
      double[][] week = Harmonics.table(series.weekSteps(), WEEKLY_HARMONICS);
      int weekPhase = (int) Math.floorMod(t, (long) series.weekSteps());
      for (int k = 0; k < WEEKLY_HARMONICS; k++) {
        x[c++] = week[2 * k][weekPhase];
        x[c++] = week[2 * k + 1][weekPhase];
      }
    }
    return x;
  }

  private static double evaluate(double[] beta, double[] x) {
    double v = beta[0];
    for (int j = 0; j < x.length; j++) {
      v += beta[j + 1] * x[j];
    }
    return v;
  }

  private static double residualAutocorrelation(double[] y, double[] fitted, int from) {
    double num = 0;
    double den = 0;
    for (int i = from; i < y.length; i++) {
      double r = y[i] - fitted[i];
      double prev = y[i - 1] - fitted[i - 1];
      num += r * prev;
      den += prev * prev;
    }
    return den == 0 ? 0 : Math.max(0, Math.min(0.999, num / den));
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return v.length == 0 ? 0 : s / v.length;
  }
}
