package io.pksorchestrator.simulator;

import io.pksorchestrator.simulator.metrics.Workloads;
import io.pksorchestrator.simulator.metrics.Workloads.Profile;
import io.pksorchestrator.simulator.pks.PksSimulation;
import io.pksorchestrator.simulator.pks.SimCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The lab foundation's pre-provisioned clusters and their workloads. Demand levels are chosen against the
 * per-plan node sizes documented in docs/simulator.md (allocatable cores per worker: small 4, medium and large
 * 8; target utilisation about 0.8, i.e. 3.2 and 6.4 usable cores per worker):
 * <ul>
 *   <li>payments-prod (medium, 6 workers = 38.4 usable): busy hour 58 cores growing 0.6/day, about 62 within a
 *       week: needs 10 workers, 3–5 more (production: a human approves);
 *   <li>web-staging (medium, 3 workers = 19.2): busy hour 28 growing 0.45/day: needs 5–6 workers, 2–4 more;
 *   <li>ml-train (medium, 4 workers = 25.6): busy hour 9, flat: 2 workers would do (scale-down candidate);
 *   <li>batch-dev (small, 3 workers = 9.6): busy hour 7, flat: fits;
 *   <li>analytics (large, 5 workers = 32): busy hour 28, flat: fits.
 * </ul>
 */
final class LabClusters {

  /** Versions of the pre-provisioned clusters: one patch behind the tile, so an upgrade visibly bumps them. */
  static final String OLD_PKS_VERSION = "1.19.1-build.5";
  static final String OLD_K8S_VERSION = "1.28.5";

  private LabClusters() {}

  static void provision(PksSimulation pks, Workloads workloads, Instant now, Duration history) {
    Instant since = now.minus(history);
    seed(pks, workloads, "payments-prod", "medium", 6, Map.of("environment", "production"), new Profile(58, 0.6, 0, 0.05, since));
    seed(pks, workloads, "web-staging", "medium", 3, Map.of("environment", "staging"), new Profile(28, 0.45, 1, 0.06, since));
    seed(pks, workloads, "batch-dev", "small", 3, Map.of("environment", "development"), new Profile(7, 0, 2, 0.08, since));
    seed(pks, workloads, "analytics", "large", 5, Map.of(), new Profile(28, 0, 3, 0.05, since));
    seed(pks, workloads, "ml-train", "medium", 4, Map.of(), new Profile(9, 0, 4, 0.08, since));
  }

  /** New clusters get a flat workload at about half their usable capacity, starting when they are created. */
  static Profile defaultProfile(SimCluster c, Instant created) {
    double coresPerWorker = c.plan().name().equals("small") ? 4 : 8;
    return new Profile(c.workers() * coresPerWorker * 0.8 * 0.5, 0, Math.abs(c.name().hashCode() % 7), 0.05, created);
  }

  private static void seed(PksSimulation pks, Workloads workloads, String name, String plan, int workers,
      Map<String, String> tags, Profile profile) {
    workloads.define(name, profile);
    pks.provision(name, plan, workers, tags, OLD_PKS_VERSION, OLD_K8S_VERSION);
  }
}
