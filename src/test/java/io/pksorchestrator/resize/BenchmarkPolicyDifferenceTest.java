package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.forecast.BenchmarkScalingPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks run {@link BenchmarkScalingPolicy}, not the resize defaults; its documentation (and
 * docs/forecast.md) names exactly how the two differ. This keeps that statement true.
 */
class BenchmarkPolicyDifferenceTest {

  @Test
  void theBenchmarkPolicyDiffersFromTheResizeDefaultsExactlyAsDocumented() {
    ResizeProperties production = new ResizeProperties();
    assertThat(production.getTargetUtilisation()).isEqualTo(0.8);
    assertThat(BenchmarkScalingPolicy.TARGET_UTILISATION).isEqualTo(1.0);
    assertThat(production.getCooldown()).isEqualTo(Duration.ofMinutes(30));
    assertThat(BenchmarkScalingPolicy.COOLDOWN).isEqualTo(Duration.ofMinutes(10));
    assertThat(production.getScaleDownHysteresis()).isEqualTo(1);
    assertThat(BenchmarkScalingPolicy.SCALE_DOWN_HYSTERESIS).isZero();
    assertThat(production.getMaxStep()).isEqualTo(BenchmarkScalingPolicy.MAX_STEP).isEqualTo(10);
  }
}
