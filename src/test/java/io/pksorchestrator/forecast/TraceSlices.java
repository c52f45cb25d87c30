package io.pksorchestrator.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Reads the shared development traces (../shared/traces beside the project) into 5-minute max series. */
final class TraceSlices {

  static final Path TRACES = Path.of("..", "shared", "traces");
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private TraceSlices() {}

  /** The trace aggregated to {@code step} by the maximum within each step (empty values repeat the previous). */
  static DemandSeries load(String file, Duration step) {
    try {
      List<String> lines = Files.readAllLines(TRACES.resolve(file));
      Instant first = parse(lines.get(1).split(",", -1)[0]);
      Instant last = parse(lines.get(lines.size() - 1).split(",", -1)[0]);
      int n = (int) (Duration.between(first, last).toMillis() / step.toMillis()) + 1;
      double[] values = new double[n];
      java.util.Arrays.fill(values, Double.NaN);
      double previous = Double.NaN;
      for (String line : lines.subList(1, lines.size())) {
        String[] parts = line.split(",", -1);
        double v = parts[1].isBlank() ? previous : Double.parseDouble(parts[1]);
        previous = v;
        int i = (int) (Duration.between(first, parse(parts[0])).toMillis() / step.toMillis());
        values[i] = Double.isNaN(values[i]) ? v : Math.max(values[i], v);
      }
      return new DemandSeries(first, step, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DemandSeries slice(DemandSeries s, int from, int to) {
    return new DemandSeries(s.start().plus(s.step().multipliedBy(from)), s.step(),
        java.util.Arrays.copyOfRange(s.values(), from, to));
  }

  private static Instant parse(String ts) {
    return LocalDateTime.parse(ts, TS).toInstant(ZoneOffset.UTC);
  }
}
