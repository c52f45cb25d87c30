package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/**
 * Scores a model's rolling-origin forecasts and calibrates its prediction band from the same residuals
 * (split-conformal style: the band at horizon h is the point forecast plus empirical quantiles of the errors at h).
 * Band shapes compete: absolute errors (constant width), errors relative to the forecast (width proportional
 * to the level, for series whose noise grows with load) and, when a local scale is given, errors divided by the
 * scale known at their origin (width proportional to the scale now: locally weighted conformal prediction); the one
 * with the lowest loss is kept.
 *
 * @param error mean pinball loss of the calibrated upper band at the upper quantile (under-forecasts weigh
 *     {@code q / (1 - q)} times more than over-forecasts: 19x at 0.95)
 * @param relative whether the band is relative to the forecast level
 * @param floor smallest level a relative band is scaled by (keeps it from vanishing near zero)
 * @param upperOffset per horizon, the upper-quantile residual (absolute, relative to the level, or in units of the
 *     local scale)
 * @param lowerOffset per horizon, the lower-quantile residual
 * @param medianOffset per horizon, the median residual (bias correction of the point forecast)
 * @param local whether the band is in units of the local scale (then {@code relative} is false)
 * @param scaleNow the local scale at the newest origin, which a local band's offsets are multiplied by; NaN if not
 *     local
 * @param scaleMean the mean local scale over the backtest origins (the band's typical width); NaN if not local
 */
public record Backtest(double error, boolean relative, double floor, double[] upperOffset, double[] lowerOffset,
    double[] medianOffset, boolean local, double scaleNow, double scaleMean) {

  /** An absolute or relative band (no local scale). */
  public Backtest(double error, boolean relative, double floor, double[] upperOffset, double[] lowerOffset,
      double[] medianOffset) {
    this(error, relative, floor, upperOffset, lowerOffset, medianOffset, false, Double.NaN, Double.NaN);
  }

  /**
   * @param y the series
   * @param predictions the model's forecasts from origins {@code firstOrigin..n-1}
   * @param horizon steps scored (forecast rows may be longer; later steps reuse the last offset)
   * @param floor smallest level for relative bands (e.g. a fraction of the series' mean), positive
   */
  public static Backtest score(double[] y, double[][] predictions, int firstOrigin, int horizon, double upperQ,
      double lowerQ, double floor) {
    return Residuals.of(y, predictions, firstOrigin, horizon, floor).score(upperQ, lowerQ);
  }

  /**
   * A model's backtest residuals per horizon, absolute and relative to the forecast: computed once, then scored at
   * any quantiles (the headroom budget tries several). Quantiles are found by selection, not by sorting (the same
   * values, in linear instead of n log n time: sorting was most of a forecast's time).
   */
  public static final class Residuals {

    private final double[] y;
    private final double[][] predictions;
    private final int firstOrigin;
    private final int horizon;
    private final double floor;
    private final double[][] absolute;
    private final double[][] relative;
    private final double[][] scaled;
    private final double[] localScale;
    private final int[] counts;

    private Residuals(double[] y, double[][] predictions, int firstOrigin, int horizon, double floor,
        double[] localScale) {
      this.y = y;
      this.localScale = localScale;
      this.predictions = predictions;
      this.firstOrigin = firstOrigin;
      this.horizon = horizon;
      this.floor = floor;
      int n = y.length;
      int size = Math.max(0, n - 1 - firstOrigin);
      absolute = new double[horizon][size];
      relative = new double[horizon][size];
      scaled = localScale == null ? null : new double[horizon][size];
      counts = new int[horizon];
      for (int h = 1; h <= horizon; h++) {
        int count = 0;
        for (int o = firstOrigin; o + h < n; o++) {
          double p = predictions[o - firstOrigin][h - 1];
          absolute[h - 1][count] = y[o + h] - p;
          relative[h - 1][count] = (y[o + h] - p) / Math.max(p, floor);
          if (scaled != null) {
            scaled[h - 1][count] = (y[o + h] - p) / localScale[o];
          }
          count++;
        }
        counts[h - 1] = count;
      }
    }

    /** The residuals of {@code predictions} (see {@link Backtest#score}). */
    public static Residuals of(double[] y, double[][] predictions, int firstOrigin, int horizon, double floor) {
      return new Residuals(y, predictions, firstOrigin, horizon, floor, null);
    }

    /**
     * As {@link #of}, with a third band shape that competes: residuals normalised by a local scale known at the
     * origin ({@code localScale[i]}: the scale known at index i, positive), so the band widens where the scale is
     * high and narrows where it is low (locally weighted, or normalised, split-conformal prediction).
     */
    public static Residuals of(double[] y, double[][] predictions, int firstOrigin, int horizon, double floor,
        double[] localScale) {
      return new Residuals(y, predictions, firstOrigin, horizon, floor, localScale);
    }

    /** The best of the absolute, the relative and (when there is a local scale) the locally scaled band. */
    public Backtest score(double upperQ, double lowerQ) {
      Backtest abs = calibrate(upperQ, lowerQ, false, false);
      Backtest rel = calibrate(upperQ, lowerQ, true, false);
      Backtest best = rel.error < abs.error ? rel : abs;
      if (scaled != null) {
        Backtest loc = calibrate(upperQ, lowerQ, false, true);
        if (loc.error < best.error) {
          best = loc;
        }
      }
      return best;
    }

    private Backtest calibrate(double upperQ, double lowerQ, boolean isRelative, boolean isLocal) {
      int n = y.length;
      double[] upper = new double[horizon];
      double[] lower = new double[horizon];
      double[] median = new double[horizon];
      double[][] sorted = isLocal ? scaled : isRelative ? relative : absolute;
      for (int h = 0; h < horizon; h++) {
        upper[h] = selectQuantile(sorted[h], counts[h], upperQ);
        lower[h] = selectQuantile(sorted[h], counts[h], lowerQ);
        median[h] = selectQuantile(sorted[h], counts[h], 0.5);
      }
      // a band must widen (weakly) with the horizon: uncertainty does not shrink further ahead
      for (int h = 1; h < horizon; h++) {
        upper[h] = Math.max(upper[h], upper[h - 1]);
        lower[h] = Math.min(lower[h], lower[h - 1]);
        median[h] = Math.max(lower[h], Math.min(upper[h], median[h]));
      }
      double scaleMean = Double.NaN;
      if (isLocal) {
        double sum = 0;
        for (int o = firstOrigin; o < n; o++) {
          sum += localScale[o];
        }
        scaleMean = sum / Math.max(1, n - firstOrigin);
      }
      double total = 0;
      int count = 0;
      for (int h = 0; h < horizon; h++) {
        for (int o = firstOrigin; o + h + 1 < n; o++) {
          double p = predictions[o - firstOrigin][h];
          double band = p + upper[h] * (isLocal ? localScale[o] : isRelative ? Math.max(p, floor) : 1);
          double e = y[o + h + 1] - band;
          total += e > 0 ? upperQ * e : (upperQ - 1) * e;
          count++;
        }
      }
      return new Backtest(count == 0 ? Double.POSITIVE_INFINITY : total / count, isRelative, floor, upper, lower,
          median, isLocal, isLocal ? localScale[n - 1] : Double.NaN, scaleMean);
    }
  }

  /**
   * {@link #quantile} of the first {@code count} values of {@code a} as if they were sorted, found by selection
   * (reorders those values, keeps them as a set; 0 for none).
   */
  static double selectQuantile(double[] a, int count, double q) {
    if (count == 0) {
      return 0;
    }
    for (int i = 0; i < count; i++) {
      if (Double.isNaN(a[i])) { // sorting puts NaN last; selection would not: keep the sorted answer
        Arrays.sort(a, 0, count);
        return quantile(a, count, q);
      }
    }
    double pos = q * (count - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(count - 1, lo + 1);
    double atLo = select(a, count, lo);
    double atHi = atLo;
    if (hi != lo) {
      atHi = a[lo + 1];
      for (int i = lo + 2; i < count; i++) {
        atHi = Math.min(atHi, a[i]);
      }
    }
    return atLo + (pos - lo) * (atHi - atLo);
  }

  /**
   * The k-th and (k+1)-th smallest of the first {@code count} values of {@code a} (the (k+1)-th only when
   * {@code k + 1 < count}, else the k-th twice), as sorting would give them (NaN counts as largest); reorders
   * those values.
   */
  static double[] orderStatistics(double[] a, int count, int k) {
    for (int i = 0; i < count; i++) {
      if (Double.isNaN(a[i])) {
        Arrays.sort(a, 0, count);
        return new double[] {a[k], a[Math.min(count - 1, k + 1)]};
      }
    }
    double atK = select(a, count, k);
    double next = atK;
    if (k + 1 < count) {
      next = a[k + 1];
      for (int i = k + 2; i < count; i++) {
        next = Math.min(next, a[i]);
      }
    }
    return new double[] {atK, next};
  }

  /**
   * Reorders the first {@code count} values of {@code a} so that {@code a[k]} is the k-th smallest, those before it
   * are not larger and those after it not smaller; returns {@code a[k]} (Hoare's selection, median-of-three pivot).
   */
  static double select(double[] a, int count, int k) {
    int left = 0;
    int right = count - 1;
    while (right > left) {
      int mid = (left + right) >>> 1;
      double pivot = median3(a[left], a[mid], a[right]);
      int i = left;
      int j = right;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        break;
      }
    }
    return a[k];
  }

  private static double median3(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  /** Linear-interpolation quantile of the first {@code count} sorted values (0 for none). */
  static double quantile(double[] sorted, int count, double q) {
    if (count == 0) {
      return 0;
    }
    double pos = q * (count - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(count - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private double at(double[] offsets, int h, double prediction) {
    double o = offsets.length == 0 ? 0 : offsets[Math.min(h, offsets.length - 1)];
    return prediction + o * (local ? scaleNow : relative ? Math.max(prediction, floor) : 1);
  }

  /** Upper band at horizon index {@code h} (0-based) around the point {@code prediction}. */
  public double upper(int h, double prediction) {
    return at(upperOffset, h, prediction);
  }

  public double lower(int h, double prediction) {
    return at(lowerOffset, h, prediction);
  }

  /** The bias-corrected point forecast. */
  public double median(int h, double prediction) {
    return at(medianOffset, h, prediction);
  }
}
