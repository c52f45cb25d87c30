package io.pksorchestrator.forecast.model;

/**
 * A prepared series handed to the candidate models: no missing values, fixed step.
 *
 * @param y values, oldest first, gaps already filled
 * @param epochIndex index of {@code y[0]} counted in steps since the Unix epoch (keeps harmonic phases absolute)
 * @param daySteps steps per day
 * @param weekSteps steps per week
 * @param scale robust scale of step-to-step changes (for outlier-robust losses), positive
 * @param params fitted parameters of this series from an earlier cycle, reused when fresh
 */
public record SeriesContext(double[] y, long epochIndex, int daySteps, int weekSteps, double scale,
    ParameterCache.Entry params) {

  public int n() {
    return y.length;
  }
}
