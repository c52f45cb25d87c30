package io.pksorchestrator.forecast;

import java.time.Duration;
import java.time.Instant;

/**
 * A demand history on a fixed step: {@code values[i]} is the demand (CPU cores) at {@code start + i * step};
 * {@code Double.NaN} marks a missing sample.
 */
public record DemandSeries(Instant start, Duration step, double[] values) {

  public int size() {
    return values.length;
  }

  /** Time of the last sample (the series' "now"). */
  public Instant end() {
    return start.plus(step.multipliedBy(Math.max(0, values.length - 1)));
  }

  /** Covered time span. */
  public Duration span() {
    return step.multipliedBy(values.length);
  }
}
