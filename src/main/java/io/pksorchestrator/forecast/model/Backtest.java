package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/**
 * Scores a model's rolling-origin forecasts and calibrates its prediction band from the same residuals
 * (split-conformal style: the band at horizon h is the point forecast plus empirical quantiles of the errors at h).
 *
 * @param error mean pinball loss of the calibrated upper band at the upper quantile (under-forecasts weigh
 *     {@code q / (1 - q)} times more than over-forecasts: 19x at 0.95)
 * @param upperOffset per horizon, the upper-quantile residual added to the point forecast
 * @param lowerOffset per horizon, the lower-quantile residual
 * @param medianOffset per horizon, the median residual (bias correction of the point forecast)
 */
public record Backtest(double error, double[] upperOffset, double[] lowerOffset, double[] medianOffset) {

  /**
   * @param y the series
   * @param predictions the model's forecasts from origins {@code firstOrigin..n-1}
   * @param horizon steps scored (forecast rows may be longer; later steps reuse the last offset)
   */
  public static Backtest score(double[] y, double[][] predictions, int firstOrigin, int horizon, double upperQ,
      double lowerQ) {
    int n = y.length;
    double[] upper = new double[horizon];
    double[] lower = new double[horizon];
    double[] median = new double[horizon];
    double total = 0;
    int count = 0;
    double[][] residuals = new double[horizon][];
    for (int h = 1; h <= horizon; h++) {
      int origins = Math.max(0, n - h - firstOrigin);
      double[] r = new double[origins];
      for (int o = firstOrigin; o + h < n; o++) {
        r[o - firstOrigin] = y[o + h] - predictions[o - firstOrigin][h - 1];
      }
      residuals[h - 1] = r;
      double[] sorted = r.clone();
      Arrays.sort(sorted);
      upper[h - 1] = quantile(sorted, upperQ);
      lower[h - 1] = quantile(sorted, lowerQ);
      median[h - 1] = quantile(sorted, 0.5);
    }
    // a band must widen (weakly) with the horizon: uncertainty does not shrink further ahead
    for (int h = 1; h < horizon; h++) {
      upper[h] = Math.max(upper[h], upper[h - 1]);
      median[h] = Math.max(lower[h], Math.min(upper[h], median[h]));
      lower[h] = Math.min(lower[h], lower[h - 1]);
    }
    for (int h = 0; h < horizon; h++) {
      for (double r : residuals[h]) {
        double e = r - upper[h];
        total += e > 0 ? upperQ * e : (upperQ - 1) * e;
        count++;
      }
    }
    return new Backtest(count == 0 ? Double.POSITIVE_INFINITY : total / count, upper, lower, median);
  }

  /** Linear-interpolation quantile of sorted values (0 for none). */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  public double upperAt(int h) {
    return upperOffset.length == 0 ? 0 : upperOffset[Math.min(h, upperOffset.length - 1)];
  }

  public double medianAt(int h) {
    return medianOffset.length == 0 ? 0 : medianOffset[Math.min(h, medianOffset.length - 1)];
  }

  public double lowerAt(int h) {
    return lowerOffset.length == 0 ? 0 : lowerOffset[Math.min(h, lowerOffset.length - 1)];
  }
}
