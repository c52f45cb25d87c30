package io.pksorchestrator.simulator.core;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each simulated cluster could serve over simulated time: a step function of serving workers (running
 * and not cordoned) and running masters, recorded at every instance state change. Answers the question an
 * upgrade test asks: "did cluster X ever drop below N serving workers between t1 and t2?", and renders the
 * record per simulated minute (the minimum within each minute, so a dip never hides between samples).
 *
 * <p>Not thread-safe on its own: the owning {@code SimulatedFoundation} serialises access.
 */
public final class ServingRecord {

  /** The cluster's state from {@code at} until the next point. */
  public record Point(Instant at, int servingWorkers, int workers, int runningMasters, int masters) {
    /** Control plane reachable: some master runs, and with 3+ masters at most one is down. */
    public boolean controlPlaneReachable() {
      return runningMasters >= 1 && (masters < 3 || masters - runningMasters <= 1);
    }
  }

  /** One simulated minute: the lowest serving-worker count and whether the control plane stayed reachable. */
  public record MinuteSample(Instant minute, int minServingWorkers, int workers, boolean controlPlaneReachable) {}

  private final Map<String, List<Point>> timelines = new HashMap<>();

  /** Appends a point for {@code cluster} (called by the simulation whenever an instance changes). */
  public void record(String cluster, Point point) {
    List<Point> timeline = timelines.computeIfAbsent(cluster, k -> new ArrayList<>());
    if (!timeline.isEmpty()) {
      Point last = timeline.get(timeline.size() - 1);
      if (last.at().equals(point.at())) {
        // Several changes at one simulated instant: only the last state lasted any time.
        timeline.remove(timeline.size() - 1);
        record(cluster, point);
        return;
      }
      if (last.servingWorkers() == point.servingWorkers() && last.workers() == point.workers()
          && last.runningMasters() == point.runningMasters() && last.masters() == point.masters()) {
        return;
      }
    }
    timeline.add(point);
  }

  /** Points in effect during [from, to]: the one in effect at {@code from} and every later one up to {@code to}. */
  public List<Point> points(String cluster, Instant from, Instant to) {
    List<Point> timeline = timelines.getOrDefault(cluster, List.of());
    List<Point> result = new ArrayList<>();
    Point inEffect = null;
    for (Point p : timeline) {
      if (!p.at().isAfter(from)) {
        inEffect = p;
      } else if (!p.at().isAfter(to)) {
        result.add(p);
      }
    }
    if (inEffect != null) {
      result.add(0, inEffect);
    }
    return result;
  }

  /** Lowest number of serving workers in [from, to], or -1 when nothing was recorded for the cluster then. */
  public int minServingWorkers(String cluster, Instant from, Instant to) {
    return points(cluster, from, to).stream().mapToInt(Point::servingWorkers).min().orElse(-1);
  }

  /** Whether the cluster ever served with fewer than {@code workers} workers in [from, to]. */
  public boolean droppedBelow(String cluster, int workers, Instant from, Instant to) {
    int min = minServingWorkers(cluster, from, to);
    return min >= 0 && min < workers;
  }

  /** Whether the control plane stayed reachable throughout [from, to]. */
  public boolean controlPlaneAlwaysReachable(String cluster, Instant from, Instant to) {
    return points(cluster, from, to).stream().allMatch(Point::controlPlaneReachable);
  }

  /** The record per simulated minute in [from, to] (at most 100,000 minutes). */
  public List<MinuteSample> perMinute(String cluster, Instant from, Instant to) {
    Instant start = from.truncatedTo(ChronoUnit.MINUTES);
    if (Duration.between(start, to).toMinutes() > 100_000) {
      throw new IllegalArgumentException("Ask for at most 100000 minutes of serving record at once");
    }
    List<MinuteSample> samples = new ArrayList<>();
    for (Instant m = start; !m.isAfter(to); m = m.plus(Duration.ofMinutes(1))) {
      Instant end = m.plusSeconds(59).plusNanos(999_999_999);
      List<Point> points = points(cluster, m, end);
      if (points.isEmpty()) {
        continue;
      }
      samples.add(new MinuteSample(m,
          points.stream().mapToInt(Point::servingWorkers).min().orElse(0),
          points.stream().mapToInt(Point::workers).max().orElse(0),
          points.stream().allMatch(Point::controlPlaneReachable)));
    }
    return samples;
  }

  /** Forgets everything (simulator reset). */
  public void clear() {
    timelines.clear();
  }
}
