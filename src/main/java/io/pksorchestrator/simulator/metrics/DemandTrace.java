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
  /** An instant at 00:00 UTC of the same weekday as the trace's first value. */
  private final Instant anchor;

  DemandTrace(double[] shape, Duration step) {
    this(shape, step, TUESDAY);
  }

  DemandTrace(double[] shape, Duration step, Instant anchor) {
    this.shape = shape;
    this.stepSeconds = step.toSeconds();
    this.anchor = anchor;
  }

  /** Shapes of the synthetic fleet ({@code simulator/traces/<name>.shape}, cut by scripts/extract-trace-shapes.py). */
  public static final java.util.List<String> SHAPES = java.util.List.of("nasa_http", "crane_app13", "nab_aws_elb");

  /**
   * Loads a {@code .shape} resource: {@code #} comment lines, one of them {@code # step=PT5M first-day=SATURDAY}, then
   * one already normalised value per line (whole weeks).
   */
  public static DemandTrace loadShape(String resource) {
    try (InputStream in = DemandTrace.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demand shape " + resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Duration step = null;
      java.time.DayOfWeek firstDay = null;
      List<Double> values = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("step=(\\S+) first-day=(\\S+)").matcher(line);
          if (m.find()) {
            step = Duration.parse(m.group(1));
            firstDay = java.time.DayOfWeek.valueOf(m.group(2));
          }
        } else if (!line.isBlank()) {
          values.add(Double.parseDouble(line.trim()));
        }
      }
      if (step == null || firstDay == null) {
        throw new IllegalStateException("Demand shape " + resource + " has no '# step=... first-day=...' line");
      }
      long perWeek = Duration.ofDays(7).toSeconds() / step.toSeconds();
      int weeks = (int) (values.size() / perWeek);
      if (weeks < 1) {
        throw new IllegalStateException("Demand shape " + resource + " holds less than a week");
      }
      // 1970-01-01 was a Thursday
      Instant anchor = Instant.EPOCH.plus(Duration.ofDays(Math.floorMod(firstDay.getValue()
          - java.time.DayOfWeek.THURSDAY.getValue(), 7)));
      return new DemandTrace(values.stream().limit(weeks * perWeek).mapToDouble(Double::doubleValue).toArray(), step,
          anchor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Length of the replayed period (whole weeks). */
  public Duration period() {
    return Duration.ofSeconds(shape.length * stepSeconds);
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
    double offset = Math.floorMod(t.getEpochSecond() - anchor.getEpochSecond(), period);
    double position = offset / stepSeconds;
    int i = (int) position;
    double frac = position - i;
    return shape[i] * (1 - frac) + shape[(i + 1) % shape.length] * frac;
  }
}
