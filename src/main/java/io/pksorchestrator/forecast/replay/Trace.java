package io.pksorchestrator.forecast.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A demand trace on a 1-minute grid. Input: CSV {@code timestamp,value} with a header, timestamps
 * {@code YYYY-MM-DD HH:MM:SS} (naive, read as UTC), increasing. An empty value repeats the previous one (leading
 * empty values, which have no previous one, are skipped). Samples further apart than one minute are linearly
 * interpolated onto the 1-minute grid that starts at the first sample's minute.
 *
 * @param start time of minute 0
 * @param minutes value per minute
 * @param samples the input values (empty ones repeated), over which the scaling percentile is taken
 */
public record Trace(Instant start, double[] minutes, double[] samples) {

  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public static Trace read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReplayException(3, "trace file not found: " + file + " (pass an existing CSV with --trace)");
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader.lines().toList(), file.toString());
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new ReplayException(3, "cannot read trace " + file + ": " + e.getMessage());
    }
  }

  static Trace parse(List<String> lines, String name) {
    if (lines.isEmpty() || !lines.get(0).trim().toLowerCase().startsWith("timestamp")) {
      throw new ReplayException(3, name + ":1: expected the header 'timestamp,value'");
    }
    List<Long> seconds = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Double previous = null;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split(",", -1);
      if (parts.length != 2) {
        throw new ReplayException(3, name + ":" + (i + 1) + ": expected 'timestamp,value', got '" + line + "'");
      }
      long at;
      try {
        at = LocalDateTime.parse(parts[0].trim(), TIMESTAMP).toEpochSecond(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new ReplayException(3, name + ":" + (i + 1) + ": timestamp '" + parts[0]
            + "' is not YYYY-MM-DD HH:MM:SS");
      }
      Double value;
      if (parts[1].isBlank()) {
        value = previous;
      } else {
        try {
          value = Double.parseDouble(parts[1].trim());
        } catch (NumberFormatException e) {
          throw new ReplayException(3, name + ":" + (i + 1) + ": value '" + parts[1] + "' is not a number");
        }
        if (!Double.isFinite(value)) {
          throw new ReplayException(3, name + ":" + (i + 1) + ": value '" + parts[1] + "' is not finite");
        }
      }
      if (value == null) {
        continue;
      }
      if (!seconds.isEmpty() && at <= seconds.get(seconds.size() - 1)) {
        throw new ReplayException(3, name + ":" + (i + 1) + ": timestamp " + parts[0]
            + " is not after the previous one (timestamps must increase)");
      }
      seconds.add(at);
      values.add(value);
      previous = value;
    }
    if (seconds.size() < 2) {
      throw new ReplayException(3, name + ": needs at least two values, found " + seconds.size());
    }
    return onMinuteGrid(seconds, values);
  }

  private static Trace onMinuteGrid(List<Long> seconds, List<Double> values) {
    long first = Math.floorDiv(seconds.get(0), 60) * 60;
    long last = seconds.get(seconds.size() - 1);
    int count = (int) ((last - first) / 60) + 1;
    double[] grid = new double[count];
    int j = 0;
    for (int m = 0; m < count; m++) {
      long t = first + 60L * m;
      while (j + 1 < seconds.size() && seconds.get(j + 1) <= t) {
        j++;
      }
      long t0 = seconds.get(j);
      if (t <= t0 || j + 1 >= seconds.size()) {
        grid[m] = values.get(j);
      } else {
        long t1 = seconds.get(j + 1);
        grid[m] = values.get(j) + (values.get(j + 1) - values.get(j)) * (t - t0) / (double) (t1 - t0);
      }
    }
    double[] samples = values.stream().mapToDouble(Double::doubleValue).toArray();
    return new Trace(Instant.ofEpochSecond(first), grid, samples);
  }

  /** Percentile with linear interpolation between order statistics (as numpy's default). */
  public static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Demand in cores per minute: value x peakCores / (99th percentile of all input values). */
  public double[] demandCores(double peakCores) {
    double p99 = percentile(samples, 99);
    if (!(p99 > 0)) {
      throw new ReplayException(3, "the trace's 99th percentile is " + p99
          + "; demand cannot be scaled (values must be mostly positive)");
    }
    double[] d = new double[minutes.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = minutes[i] * peakCores / p99;
    }
    return d;
  }
}
