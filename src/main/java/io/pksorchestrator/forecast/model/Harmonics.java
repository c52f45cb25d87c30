package io.pksorchestrator.forecast.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Precomputed sine and cosine tables of the first harmonics of a period (a period has few distinct phases). */
final class Harmonics {

  private static final Map<Long, double[][]> TABLES = new ConcurrentHashMap<>();

  private Harmonics() {}

  /** Rows {@code 2k} and {@code 2k+1}: sin and cos of harmonic {@code k+1} at each phase {@code 0..period-1}. */
  static double[][] table(int period, int harmonics) {
    return TABLES.computeIfAbsent(((long) period << 8) | harmonics, key -> {
      double[][] t = new double[2 * harmonics][period];
      for (int k = 0; k < harmonics; k++) {
        for (int j = 0; j < period; j++) {
          double a = 2 * Math.PI * (k + 1) * j / period;
          t[2 * k][j] = Math.sin(a);
          t[2 * k + 1][j] = Math.cos(a);
        }
      }
      return t;
    });
  }
}
