package io.pksorchestrator.forecast.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BacktestLocalBandTest {

  /**
   * Residuals that are a fixed distribution times a scale that changes over time: the locally weighted band wins
   * the pinball loss against the absolute and the relative band, and its width follows the scale at the origin.
   */
  @Test
  void aBandScaledByTheLocalScaleWinsWhenTheErrorsFollowIt() {
    int n = 1000;
    Random random = new Random(3);
    double[] scale = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      scale[i] = (i / 100) % 2 == 0 ? 1 : 10; // calm and volatile stretches, same level
      y[i] = 50 + scale[Math.max(0, i - 1)] * random.nextGaussian();
    }
    scale[n - 1] = 1; // calm now
    int firstOrigin = 200;
    double[][] predictions = new double[n - firstOrigin][1];
    for (double[] row : predictions) {
      row[0] = 50;
    }
    Backtest.Residuals residuals = Backtest.Residuals.of(y, predictions, firstOrigin, 1, 1, scale);
    Backtest local = residuals.score(0.95, 0.05);
    Backtest global = Backtest.Residuals.of(y, predictions, firstOrigin, 1, 1).score(0.95, 0.05);

    assertThat(local.local()).isTrue();
    assertThat(local.error()).isLessThan(0.8 * global.error());
    // the band now is the calm scale times the 0.95 quantile of a standard normal (about 1.64)
    assertThat(local.upper(0, 50) - 50).isCloseTo(1.645, offset(0.25));
    assertThat(global.upper(0, 50) - 50).isGreaterThan(5);
  }
}
