package io.pksorchestrator.forecast.model;

import java.util.Arrays;

/** Flat forecast at the last observed value: the robust fallback for series without usable structure. */
public final class LastValueModel implements CandidateModel {

  @Override
  public String name() {
    return "last-value";
  }

  @Override
  public boolean applicable(SeriesContext series) {
    return series.n() >= 1;
  }

  @Override
  public double[][] predict(SeriesContext series, int firstOrigin, int horizon) {
    double[][] out = new double[series.n() - firstOrigin][horizon];
    for (int o = firstOrigin; o < series.n(); o++) {
      Arrays.fill(out[o - firstOrigin], series.y()[o]);
    }
    return out;
  }
}
