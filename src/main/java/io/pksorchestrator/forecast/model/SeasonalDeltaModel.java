package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/**
 * Seasonal naive anchored on the current level: {@code y[o] + median_k(y[o+h-kP] - y[o-kP])} over the last
 * {@code cycles} seasons of period P. It follows level shifts at once (anchored on the last value) and takes the
 * shape of the coming hours from past days or weeks; the median ignores a spike or an anomaly in one past cycle.
 */
public final class SeasonalDeltaModel implements CandidateModel {

  private final boolean weekly;
  private final int cycles;

  /**
   * @param weekly period of one week (else one day)
   * @param cycles how many past seasons the shape is taken from
   */
  public SeasonalDeltaModel(boolean weekly, int cycles) {
    this.weekly = weekly;
    this.cycles = cycles;
  }

  @Override
  public String name() {
    return weekly ? "seasonal-naive-weekly" : "seasonal-naive-daily";
  }

  private int period(SeriesContext series) {
    return weekly ? series.weekSteps() : series.daySteps();
  }

  @Override
  public boolean applicable(SeriesContext series) {
    return series.n() > period(series) + 1;
  }

  @Override
  public double[][] predict(SeriesContext series, int firstOrigin, int horizon) {
    double[] y = series.y();
    int p = period(series);
    double[][] out = new double[y.length - firstOrigin][horizon];
    double[] deltas = new double[cycles];
    for (int o = firstOrigin; o < y.length; o++) {
      for (int h = 1; h <= horizon; h++) {
        int count = 0;
        for (int k = 1; k <= cycles; k++) {
          int past = o - k * p;
          // the analogue of o+h must itself lie at or before the origin and inside the series
          if (past < 0 || past + h > o) {
            continue;
          }
          deltas[count++] = y[past + h] - y[past];
        }
        out[o - firstOrigin][h - 1] = y[o] + (count == 0 ? 0 : median(deltas, count));
      }
    }
    return out;
  }

  static double median(double[] values, int count) {
    if (count == 1) {
      return values[0];
    }
    double[] copy = Arrays.copyOf(values, count);
    if (count % 2 == 1) {
      return Backtest.orderStatistics(copy, count, count / 2)[0];
    }
    double[] middle = Backtest.orderStatistics(copy, count, count / 2 - 1);
    return (middle[0] + middle[1]) / 2;
  }
}
