package io.pksorchestrator.simulator.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Demand of each simulated cluster (CPU cores of pod requests) as a function of simulated time:
 * {@code (peak + growth·days since start) × trace shape × (1 + noise)}, with deterministic noise so repeated
 * queries agree. Each cluster replays the trace shifted by a few days so clusters do not move in lockstep.
 */
public final class Workloads {

  /**
   * How one cluster's demand behaves. {@code peakCores} is the busy-hour demand at the simulation start,
   * {@code growthPerDay} its linear drift, {@code since} the first instant with data.
   */
  public record Profile(double peakCores, double growthPerDay, int phaseDays, double noise, Instant since) {}

  private final DemandTrace trace;
  private final long seed;
  private final Instant start;
  private final Map<String, Profile> profiles = new LinkedHashMap<>();

  public Workloads(DemandTrace trace, long seed, Instant start) {
    this.trace = trace;
    this.seed = seed;
    this.start = start;
  }

  /** Sets (or replaces) a cluster's demand profile. */
  public void define(String cluster, Profile profile) {
    profiles.put(cluster, profile);
  }

  /** Removes a cluster's workload (cluster deleted). */
  public void remove(String cluster) {
    profiles.remove(cluster);
  }

  /** The profile of a cluster, if it has a workload. */
  public Optional<Profile> profile(String cluster) {
    return Optional.ofNullable(profiles.get(cluster));
  }

  /** Cluster names with a workload. */
  public Iterable<String> clusters() {
    return profiles.keySet();
  }

  /** Demand in cores at {@code t}, or empty before the cluster's data begins. */
  public Optional<Double> demand(String cluster, Instant t) {
    Profile p = profiles.get(cluster);
    if (p == null || t.isBefore(p.since())) {
      return Optional.empty();
    }
    double days = Duration.between(start, t).toSeconds() / 86400.0;
    double level = Math.max(0.1, p.peakCores() + p.growthPerDay() * days);
    double shape = trace.at(t.plus(Duration.ofDays(p.phaseDays())));
    double value = level * shape * (1 + p.noise() * noise(cluster, t.getEpochSecond() / 60));
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
