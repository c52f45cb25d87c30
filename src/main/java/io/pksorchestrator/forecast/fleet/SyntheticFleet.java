package io.pksorchestrator.forecast.fleet;

import io.pksorchestrator.forecast.DemandSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Seeded synthetic cluster demand for the fleet benchmark: a per-cluster mix of daily and weekly cycles (business
 * hours, weekend dip or uplift), trend, noise, occasional spikes, a level shift in some clusters, missing samples,
 * and some flat or bursty clusters.
 */
final class SyntheticFleet {

  private SyntheticFleet() {}

  static DemandSeries cluster(long seed, Instant end, Duration step, int points) {
    Random r = new Random(seed);
    int day = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
    double base = 10 + r.nextDouble() * 150;
    double dailyAmp = base * (0.1 + r.nextDouble() * 0.6);
    double weekend = (r.nextDouble() - 0.6) * 0.5;
    double trend = (r.nextDouble() - 0.5) * base * 0.02 / day;
    double noise = base * (0.01 + r.nextDouble() * 0.08);
    int kind = r.nextInt(10); // 0: flat, 1: bursty, else seasonal
    int shiftAt = r.nextInt(4) == 0 ? points - r.nextInt(points / 2) : Integer.MAX_VALUE;
    double shift = (r.nextDouble() - 0.3) * base * 0.5;
    Instant start = end.minus(step.multipliedBy(points - 1L));
    long startIndex = start.toEpochMilli() / step.toMillis();
    double[] v = new double[points];
    for (int i = 0; i < points; i++) {
      long t = startIndex + i;
      double phase = (double) Math.floorMod(t, day) / day;
      int weekday = (int) Math.floorMod(Math.floorDiv(t, day) + 3, 7); // 1970-01-01 was a Thursday
      double y = base + trend * i;
      if (kind == 1) {
        y += r.nextDouble() < 0.03 ? base * (1 + 3 * r.nextDouble()) : 0;
        y += noise * 3 * r.nextGaussian();
      } else if (kind != 0) {
        y += dailyAmp * Math.max(-0.6, Math.sin(2 * Math.PI * (phase - 0.3))) * (weekday >= 5 ? 1 + weekend : 1);
        y += noise * r.nextGaussian();
        y += r.nextDouble() < 0.002 ? base * r.nextDouble() : 0;
      }
      y += i >= shiftAt ? shift : 0;
      v[i] = r.nextDouble() < 0.01 ? Double.NaN : Math.max(0, y);
    }
    return new DemandSeries(start, step, v);
  }
}
