package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/** Cleans a raw history for the models: drops leading gaps, fills inner and trailing gaps, measures the noise. */
public final class SeriesPreparation {

  private SeriesPreparation() {}

  /** Number of non-missing samples. */
  public static int observedCount(double[] values) {
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        count++;
      }
    }
    return count;
  }

  /** Index of the first non-missing sample, or {@code values.length}. */
  public static int firstObserved(double[] values) {
    int i = 0;
    while (i < values.length && Double.isNaN(values[i])) {
      i++;
    }
    return i;
  }

  /**
   * Fills gaps in {@code values} (which must start with an observed sample): a gap of up to {@code daySteps / 4}
   * is bridged linearly; a longer gap takes the value of one day earlier shifted to join its ends (a linear bridge
   * would flatten a whole daily cycle); trailing gaps hold the last observed value. Negative values become zero.
   */
  public static double[] fill(double[] values, int daySteps) {
    double[] y = Arrays.copyOf(values, values.length);
    int i = 0;
    while (i < y.length) {
      if (!Double.isNaN(y[i])) {
        y[i] = Math.max(0, y[i]);
        i++;
        continue;
      }
      int gapStart = i;
      while (i < y.length && Double.isNaN(y[i])) {
        i++;
      }
      double before = y[gapStart - 1];
      if (i == y.length) {
        Arrays.fill(y, gapStart, y.length, before);
        break;
      }
      double after = Math.max(0, y[i]);
      int length = i - gapStart;
      boolean seasonal = length > daySteps / 4 && gapStart - daySteps >= 0 && i - daySteps >= 0;
      for (int k = 0; k < length; k++) {
        double w = (k + 1.0) / (length + 1);
        double bridge = before + w * (after - before);
        if (seasonal) {
          int j = gapStart + k - daySteps;
          double lineYesterday = y[gapStart - 1 - daySteps] + w * (y[i - daySteps] - y[gapStart - 1 - daySteps]);
          bridge += y[j] - lineYesterday;
        }
        y[gapStart + k] = Math.max(0, bridge);
      }
    }
    return y;
  }

  /** Robust scale of step-to-step changes (1.4826 x median absolute change), never zero. */
  public static double changeScale(double[] y) {
    if (y.length < 2) {
      return 1e-9;
    }
    double[] d = new double[y.length - 1];
    double level = 0;
    for (int i = 1; i < y.length; i++) {
      d[i - 1] = Math.abs(y[i] - y[i - 1]);
      level += Math.abs(y[i]);
    }
    double mad = 1.4826 * Backtest.orderStatistics(d, d.length, d.length / 2)[0];
    return Math.max(mad, 1e-6 * (level / y.length) + 1e-9);
  }

  /**
   * Local scale at every index, known at that index: an exponentially weighted mean of the series up to it
   * (half-life {@code halfLifeSteps}) plus {@code base}. A band proportional to it is affine in the recent level:
   * it follows the level as a relative band does, but keeps {@code base} of width when the level is low.
   */
  public static double[] localLevelScale(double[] y, double halfLifeSteps, double base) {
    double[] out = new double[y.length];
    double decay = Math.pow(0.5, 1 / Math.max(1e-9, halfLifeSteps));
    double level = y.length == 0 ? 0 : y[0];
    for (int i = 0; i < y.length; i++) {
      level = decay * level + (1 - decay) * y[i];
      out[i] = Math.max(1e-9, Math.max(0, level) + base);
    }
    return out;
  }
}
