package io.pksorchestrator.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quantiles by selection are exactly the quantiles of the sorted values. */
class BacktestSelectionTest {

  @Test
  void selectionGivesTheSortedQuantilesBitForBit() {
    Random random = new Random(11);
    double[] qs = {0, 0.05, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95, 0.98, 1};
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(trial % 10 == 0 ? 5 : 700);
      double[] values = new double[n + 3];
      for (int i = 0; i < values.length; i++) {
        // many ties, negative values, and wide ranges
        values[i] = switch (trial % 3) {
          case 0 -> random.nextGaussian() * 100;
          case 1 -> random.nextInt(7) - 3;
          default -> Math.exp(random.nextGaussian() * 5) * (random.nextBoolean() ? 1 : -1);
        };
      }
      double[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      double[] work = values.clone();
      for (double q : qs) {
        // the same array is selected in again and again, as the band calibration does
        assertThat(Backtest.selectQuantile(work, n, q)).as("trial %d n %d q %s", trial, n, q)
            .isEqualTo(Backtest.quantile(sorted, n, q));
      }
      double[] kept = Arrays.copyOf(work, n);
      Arrays.sort(kept);
      assertThat(kept).as("selection only reorders").containsExactly(sorted);
      assertThat(Arrays.copyOfRange(work, n, n + 3)).as("values past count untouched")
          .containsExactly(Arrays.copyOfRange(values, n, n + 3));
    }
    assertThat(Backtest.selectQuantile(new double[0], 0, 0.5)).isZero();
    // with a NaN the answer is the sorted one (NaN sorts last): 1 and 3 at 0.25, NaN from the median on
    assertThat(Backtest.selectQuantile(new double[] {3, Double.NaN, 1}, 3, 0.25))
        .isEqualTo(Backtest.quantile(new double[] {1, 3, Double.NaN}, 3, 0.25)).isEqualTo(2);
    assertThat(Backtest.selectQuantile(new double[] {3, Double.NaN, 1}, 3, 0.5)).isNaN();
  }

  @Test
  void mediansAndOrderStatisticsAreTheSortedOnes() {
    Random random = new Random(5);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(300);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = trial % 2 == 0 ? random.nextGaussian() : random.nextInt(5);
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assertThat(SeasonalDeltaModel.median(values.clone(), n)).isEqualTo(median);
      int k = random.nextInt(n);
      assertThat(Backtest.orderStatistics(values.clone(), n, k))
          .containsExactly(sorted[k], sorted[Math.min(n - 1, k + 1)]);
    }
    assertThat(Backtest.orderStatistics(new double[] {Double.NaN, 2, 1}, 3, 1)).containsExactly(2, Double.NaN);
  }
}
