package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.metrics.DemandTrace;
import io.pksorchestrator.simulator.metrics.Workloads;
import io.pksorchestrator.simulator.metrics.Workloads.Shaped;
import io.pksorchestrator.simulator.pks.PksSimulation;
import io.pksorchestrator.simulator.pks.SimCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic fleet on top of the lab's five clusters ({@code pkso.simulator.synthetic-clusters}, or
 * {@code POST /_sim/synthetic-clusters}): running clusters {@code fleet-0001}, {@code fleet-0002}, ... with a plan and
 * worker mix and a demand drawn from real traces. Everything is a function of the seed and the cluster's number, so the
 * same fleet comes back after a restart or reset. The mix (docs/simulator.md):
 * <ul>
 *   <li>plan small 45 % (2-6 workers), medium 40 % (3-12), large 15 % (5-25);
 *   <li>busy-hour demand 0.45-1.25 of the workers' usable cores (3.2 per small worker, 6.4 per medium or large):
 *       some clusters are over-provisioned, some need more workers; a quarter grow by 0.5-2 % of that a day;
 *   <li>shape: one of the four shipped real traces (NASA HTTP, a Kubernetes workload's CPU, AWS ELB requests, NYC taxi),
 *       shifted by 0-13 days; noise 3-8 %;
 *   <li>tag {@code environment}: production 20 %, staging 30 %, development 50 %.
 * </ul>
 */
final class SyntheticClusters {

  /** Name prefix of the synthetic clusters. */
  static final String PREFIX = "fleet-";
  /** Most synthetic clusters one foundation holds. */
  static final int MAX = 20_000;

  private static final List<String> SHAPES;

  static {
    List<String> shapes = new ArrayList<>(DemandTrace.SHAPES);
    shapes.add(SimulatedFoundation.DEFAULT_SHAPE);
    SHAPES = List.copyOf(shapes);
  }

  private SyntheticClusters() {}

  /** Synthetic clusters the foundation holds now. */
  static int count(PksSimulation pks) {
    return (int) pks.all().stream().filter(c -> c.name().startsWith(PREFIX)).count();
  }

  /**
   * Adds {@code count} synthetic clusters after the highest number present, with {@code history} of demand before now.
   *
   * @return the names added
   */
  static List<String> add(PksSimulation pks, Workloads workloads, Instant now, int count, long seed,
      Duration history) {
    int present = count(pks);
    if (count < 1 || present + count > MAX) {
      throw new IllegalArgumentException("Synthetic clusters: add 1 or more, at most " + MAX + " in all (there are "
          + present + ", asked for " + count + " more)");
    }
    int first = pks.all().stream().map(SimCluster::name).filter(n -> n.startsWith(PREFIX))
        .mapToInt(n -> Integer.parseInt(n.substring(PREFIX.length()))).max().orElse(0) + 1;
    List<String> names = new ArrayList<>(count);
    Instant since = now.minus(history).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    for (int i = first; i < first + count; i++) {
      SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
      String name = String.format(Locale.ROOT, "%s%04d", PREFIX, i);
      double p = random.nextDouble();
      String plan;
      int workers;
      double usablePerWorker;
      if (p < 0.45) {
        plan = "small";
        workers = random.nextInt(2, 7);
        usablePerWorker = 3.2;
      } else if (p < 0.85) {
        plan = "medium";
        workers = random.nextInt(3, 13);
        usablePerWorker = 6.4;
      } else {
        plan = "large";
        workers = random.nextInt(5, 26);
        usablePerWorker = 6.4;
      }
      double peak = workers * usablePerWorker * (0.45 + 0.8 * random.nextDouble());
      double growth = random.nextDouble() < 0.25 ? peak * (0.005 + 0.015 * random.nextDouble()) : 0;
      String shape = SHAPES.get(random.nextInt(SHAPES.size()));
      double e = random.nextDouble();
      String environment = e < 0.2 ? "production" : e < 0.5 ? "staging" : "development";
      workloads.define(name, new Shaped(shape, Math.round(peak * 10) / 10.0, Math.round(growth * 100) / 100.0,
          random.nextInt(14), 0.03 + 0.05 * random.nextDouble(), since));
      pks.provision(name, plan, workers, Map.of("environment", environment), LabClusters.OLD_PKS_VERSION,
          LabClusters.OLD_K8S_VERSION);
      names.add(name);
    }
    return names;
  }
}
