package io.pksorchestrator.simulator.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Demand of each simulated cluster (CPU cores of pod requests) as a function of simulated time, with
 * deterministic noise so repeated queries agree. A {@link Profile} follows the shipped trace:
 * {@code (peak + growth·days since start) × trace shape × (1 + noise)}, each cluster shifted by a few days so
 * clusters do not move in lockstep. A {@link DailyPeak} is a synthetic daily cycle with a busy period at a fixed
 * time of day (a batch window, a morning login wave).
 */
public final class Workloads {

  /** How one cluster's demand behaves over simulated time. */
  public sealed interface Workload permits Profile, DailyPeak, Shaped {
    /** The first instant with data (history before the simulation start is back-filled from here). */
    Instant since();
  }

  /**
   * Demand shaped by the shipped trace. {@code peakCores} is the busy-hour demand at the simulation start,
   * {@code growthPerDay} its linear drift, {@code since} the first instant with data.
   */
  public record Profile(double peakCores, double growthPerDay, int phaseDays, double noise, Instant since)
      implements Workload {}

  /**
   * Demand of a synthetic fleet cluster: like {@link Profile}, but shaped by the named real trace ({@code shape}, one
   * of {@link DemandTrace#SHAPES} or {@code nab_nyc_taxi}) instead of the default one.
   */
  public record Shaped(String shape, double peakCores, double growthPerDay, int phaseDays, double noise,
      Instant since) implements Workload {}

  /**
   * The same day every day: {@code baseCores} outside the busy period; every day at {@code riseAt} (UTC) demand
   * climbs linearly to {@code peakCores} over {@code rampUp}, stays there for {@code hold}, and returns to the base
   * over {@code rampDown}; times {@code (1 + noise)} with noise in [-noise, noise] per minute.
   */
  public record DailyPeak(double baseCores, double peakCores, LocalTime riseAt, Duration rampUp, Duration hold,
      Duration rampDown, double noise, Instant since) implements Workload {

    public DailyPeak {
      if (!(baseCores >= 0) || !(peakCores >= baseCores)) {
        throw new IllegalArgumentException("A daily peak needs 0 <= baseCores <= peakCores, got base " + baseCores
            + " and peak " + peakCores);
      }
      if (rampUp.isNegative() || hold.isNegative() || rampDown.isNegative()
          || rampUp.plus(hold).plus(rampDown).compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("Ramp up, hold and ramp down of a daily peak must be >= 0 and fit in one"
            + " day together, got " + rampUp + ", " + hold + ", " + rampDown);
      }
      if (!(noise >= 0 && noise < 1)) {
        throw new IllegalArgumentException("Noise is a share of demand in [0, 1), got " + noise);
      }
    }

    /** Share of the way from base to peak at {@code t}, 0..1. */
    double level(Instant t) {
      long day = Duration.ofDays(1).toMillis();
      double x = Math.floorMod(t.toEpochMilli() - riseAt.toSecondOfDay() * 1000L, day);
      double up = rampUp.toMillis();
      double top = up + hold.toMillis();
      double down = top + rampDown.toMillis();
      if (x < up) {
        return x / up;
      }
      if (x < top) {
        return 1;
      }
      return x < down ? 1 - (x - top) / (down - top) : 0;
    }
  }

  private final DemandTrace trace;
  private final Map<String, DemandTrace> shapes;
  private final long seed;
  private final Instant start;
  private final Map<String, Workload> profiles = new LinkedHashMap<>();

  public Workloads(DemandTrace trace, long seed, Instant start) {
    this(trace, Map.of(), seed, start);
  }

  /** With the named shapes {@link Shaped} workloads refer to. */
  public Workloads(DemandTrace trace, Map<String, DemandTrace> shapes, long seed, Instant start) {
    this.trace = trace;
    this.shapes = shapes;
    this.seed = seed;
    this.start = start;
  }

  /** Sets (or replaces) a cluster's workload. */
  public void define(String cluster, Workload profile) {
    if (profile instanceof Shaped s && !shapes.containsKey(s.shape())) {
      throw new IllegalArgumentException("Unknown demand shape '" + s.shape() + "': use one of " + shapes.keySet());
    }
    profiles.put(cluster, profile);
  }

  /** Removes a cluster's workload (cluster deleted). */
  public void remove(String cluster) {
    profiles.remove(cluster);
  }

  /** The workload of a cluster, if it has one. */
  public Optional<Workload> profile(String cluster) {
    return Optional.ofNullable(profiles.get(cluster));
  }

  /** Whether {@code cluster} has a workload. */
  public boolean has(String cluster) {
    return profiles.containsKey(cluster);
  }

  /** Cluster names with a workload. */
  public Iterable<String> clusters() {
    return profiles.keySet();
  }

  /** Demand in cores at {@code t}, or empty before the cluster's data begins. */
  public Optional<Double> demand(String cluster, Instant t) {
    Workload w = profiles.get(cluster);
    if (w == null || t.isBefore(w.since())) {
      return Optional.empty();
    }
    double noise = noise(cluster, t.getEpochSecond() / 60);
    double value;
    if (w instanceof DailyPeak d) {
      value = (d.baseCores() + (d.peakCores() - d.baseCores()) * d.level(t)) * (1 + d.noise() * noise);
    } else if (w instanceof Shaped s) {
      double days = Duration.between(start, t).toSeconds() / 86400.0;
      double level = Math.max(0.1, s.peakCores() + s.growthPerDay() * days);
      value = level * shapes.get(s.shape()).at(t.plus(Duration.ofDays(s.phaseDays()))) * (1 + s.noise() * noise);
    } else {
      Profile p = (Profile) w;
      double days = Duration.between(start, t).toSeconds() / 86400.0;
      double level = Math.max(0.1, p.peakCores() + p.growthPerDay() * days);
      double shape = trace.at(t.plus(Duration.ofDays(p.phaseDays())));
      value = level * shape * (1 + p.noise() * noise);
    }
    return Optional.of(Math.max(0, Math.round(value * 1000) / 1000.0));
  }

  /** Deterministic noise in [-1, 1] per cluster and minute. */
  private double noise(String cluster, long minute) {
    long h = seed ^ cluster.hashCode() * 0x9E3779B97F4A7C15L ^ minute * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return ((h >>> 11) / (double) (1L << 53)) * 2 - 1;
  }
}
