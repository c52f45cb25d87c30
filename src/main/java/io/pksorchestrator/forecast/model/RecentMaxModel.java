package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/** Flat forecast at the peak of the recent window: the fallback for bursty series without seasonality. */
public final class RecentMaxModel implements CandidateModel {

  private final int windowSteps;

  /** @param windowSteps how many recent samples the peak is taken over */
  public RecentMaxModel(int windowSteps) {
    this.windowSteps = Math.max(1, windowSteps);
  }

  @Override
  public String name() {
    return "recent-max";
  }

  @Override
  public boolean applicable(SeriesContext series) {
    return series.n() >= windowSteps;
  }

  @Override
  public double[][] predict(SeriesContext series, int firstOrigin, int horizon) {
    double[] y = series.y();
    double[][] out = new double[y.length - firstOrigin][horizon];
    for (int o = firstOrigin; o < y.length; o++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = Math.max(0, o - windowSteps + 1); i <= o; i++) {
        max = Math.max(max, y[i]);
      }
      Arrays.fill(out[o - firstOrigin], max);
    }
    return out;
  }
}
