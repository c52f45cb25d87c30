package io.pksorchestrator.simulator.metrics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The daily and weekly shape of demand, from a real trace shipped under {@code simulator/traces/} (see its
 * SOURCE.md): values normalised by their 95th percentile, whole weeks only, replayed cyclically so that a
 * simulated Tuesday 09:00 maps to a Tuesday 09:00 of the trace.
 */
public final class DemandTrace {

  /** The shipped trace: NYC taxi passengers per 30 minutes (NAB, MIT), starting Tuesday 2014-07-01 00:00. */
  public static final String DEFAULT_RESOURCE = "/simulator/traces/nab_nyc_taxi_30min.csv";
  /** A Tuesday 00:00 UTC used to align simulated weekdays with the trace's first day (a Tuesday). */
  private static final Instant TUESDAY = Instant.parse("1970-01-06T00:00:00Z");

  private final double[] shape;
  private final long stepSeconds;

  DemandTrace(double[] shape, Duration step) {
    this.shape = shape;
    this.stepSeconds = step.toSeconds();
  }

  /** Loads a {@code timestamp,value} CSV (header, fixed step, missing values carried forward) from the classpath. */
  public static DemandTrace load(String resource, Duration step) {
    try (InputStream in = DemandTrace.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demand trace " + resource + " is missing from the classpath");
      }
      List<Double> values = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine();
      double last = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] parts = line.split(",", -1);
        if (parts.length == 2 && !parts[1].isBlank()) {
          last = Double.parseDouble(parts[1]);
        }
        values.add(last);
      }
      long perWeek = Duration.ofDays(7).toSeconds() / step.toSeconds();
      int weeks = (int) (values.size() / perWeek);
      if (weeks < 1) {
        throw new IllegalStateException("Demand trace " + resource + " holds less than a week");
      }
      double[] raw = values.stream().limit(weeks * perWeek).mapToDouble(Double::doubleValue).toArray();
      double[] sorted = raw.clone();
      Arrays.sort(sorted);
      double p95 = sorted[(int) (sorted.length * 0.95)];
      return new DemandTrace(Arrays.stream(raw).map(v -> v / p95).toArray(), step);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shape at {@code t} (about 1.0 at a typical busy hour), linearly interpolated. */
  public double at(Instant t) {
    long period = shape.length * stepSeconds;
    double offset = Math.floorMod(t.getEpochSecond() - TUESDAY.getEpochSecond(), period);
    double position = offset / stepSeconds;
    int i = (int) position;
    double frac = position - i;
    return shape[i] * (1 - frac) + shape[(i + 1) % shape.length] * frac;
  }
}
