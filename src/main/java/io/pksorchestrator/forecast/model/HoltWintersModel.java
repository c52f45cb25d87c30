package io.pksorchestrator.forecast.model;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Additive Holt-Winters with a damped trend and a daily season. Smoothing parameters (alpha, beta, gamma) are fitted
 * by Nelder-Mead on the one-step-ahead Huber loss (robust to spikes) over the last few days; fitting is the costly
 * part, so fitted parameters are reused from {@link SeriesContext#params()} when present.
 */
public final class HoltWintersModel implements CandidateModel {

  /** Trend damping: a trend is believed for hours, not extrapolated forever. */
  static final double PHI = 0.98;
  private static final int FIT_DAYS = 4;
  private static final int MAX_EVALUATIONS = 120;

  @Override
  public String name() {
    return "holt-winters-daily";
  }

  @Override
  public boolean applicable(SeriesContext series) {
    return series.n() >= 2 * series.daySteps();
  }

  /** Fits alpha, beta, gamma on the recent days of the series. */
  public double[] fit(SeriesContext series) {
    int m = series.daySteps();
    int length = Math.min(series.n(), (FIT_DAYS + 1) * m);
    double[] y = java.util.Arrays.copyOfRange(series.y(), series.n() - length, series.n());
    double delta = 2 * series.scale();
    MultivariateFunction loss = x -> run(y, m, sigmoid(x[0]), sigmoid(x[1]), sigmoid(x[2]), delta, -1, 0, null);
    SimplexOptimizer optimizer = new SimplexOptimizer(1e-6, 1e-9);
    double[] start = {logit(0.3), logit(0.02), logit(0.1)};
    try {
      PointValuePair best = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(loss),
          GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(new double[] {1, 1, 1}));
      return new double[] {sigmoid(best.getPoint()[0]), sigmoid(best.getPoint()[1]), sigmoid(best.getPoint()[2])};
    } catch (TooManyEvaluationsException e) {
      // the budget is deliberately small; the start values are a sound default
      return new double[] {0.3, 0.02, 0.1};
    }
  }

  @Override
  public double[][] predict(SeriesContext series, int firstOrigin, int horizon) {
    double[] p = series.params() != null && series.params().daySteps() == series.daySteps()
        && series.params().holtWinters() != null ? series.params().holtWinters() : fit(series);
    double[][] out = new double[series.n() - firstOrigin][horizon];
    run(series.y(), series.daySteps(), p[0], p[1], p[2], Double.NaN, firstOrigin, horizon, out);
    return out;
  }

  /**
   * Runs the filter over {@code y}. Returns the one-step Huber loss (when {@code delta} is a number); when
   * {@code out} is given, records the forecasts from every origin at or after {@code firstOrigin}.
   */
  static double run(double[] y, int m, double alpha, double beta, double gamma, double delta, int firstOrigin,
      int horizon, double[][] out) {
    double[] season = new double[m];
    double level = 0;
    for (int i = 0; i < m; i++) {
      level += y[i] / m;
    }
    double trend = 0;
    if (y.length >= 2 * m) {
      double next = 0;
      for (int i = m; i < 2 * m; i++) {
        next += y[i] / m;
      }
      trend = (next - level) / m;
    }
    for (int i = 0; i < m; i++) {
      season[i] = y[i] - level;
    }
    double loss = 0;
    for (int t = m; t < y.length; t++) {
      int s = t % m;
      double predicted = level + PHI * trend + season[s];
      double error = y[t] - predicted;
      if (!Double.isNaN(delta)) {
        double a = Math.abs(error);
        loss += a <= delta ? a * a : delta * (2 * a - delta);
      }
      double newLevel = alpha * (y[t] - season[s]) + (1 - alpha) * (level + PHI * trend);
      trend = beta * (newLevel - level) + (1 - beta) * PHI * trend;
      level = newLevel;
      season[s] = gamma * (y[t] - level) + (1 - gamma) * season[s];
      if (out != null && t >= firstOrigin) {
        record(out[t - firstOrigin], level, trend, season, t, m);
      }
    }
    if (out != null) {
      // origins inside the first season (very short series) get a flat forecast at the value
      for (int t = Math.max(0, firstOrigin); t < Math.min(m, y.length); t++) {
        java.util.Arrays.fill(out[t - firstOrigin], y[t]);
      }
    }
    return loss;
  }

  private static void record(double[] row, double level, double trend, double[] season, int t, int m) {
    double damp = 0;
    double phiPower = 1;
    for (int h = 1; h <= row.length; h++) {
      phiPower *= PHI;
      damp += phiPower;
      row[h - 1] = level + damp * trend + season[(t + h) % m];
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
