package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksPlan;
import io.pksorchestrator.resize.ResizeProperties.ClusterOverride;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Mode and scaling policy per cluster: defaults from {@code pkso.resize.*}, a per-cluster override from
 * {@code pkso.resize.clusters[]}, node size from the plan ({@code pkso.resize.plan-node-cores}), capped by the
 * plan's maximum workers ({@link PksPlan#maxWorkerInstances()}: the tile setting, configured per foundation and
 * plan under {@code pkso.foundations.<name>.plans}, since the PKS API does not serve it).
 */
@Component
public class ClusterPolicies {

  private final ResizeProperties settings;

  public ClusterPolicies(ResizeProperties settings) {
    this.settings = settings;
  }

  /** The cluster as managed, given the foundation's plans by name (may be empty). */
  public ManagedCluster manage(String foundation, PksCluster cluster, Map<String, PksPlan> plans) {
    Optional<ClusterOverride> o = override(foundation, cluster.name());
    ClusterMode mode = o.map(ClusterOverride::getMode).orElse(settings.getDefaultMode());
    int min = Math.max(PksPlan.MIN_WORKERS, o.map(ClusterOverride::getMinWorkers).orElse(settings.getMinWorkers()));
    int max = o.map(ClusterOverride::getMaxWorkers).orElse(settings.getMaxWorkers());
    PksPlan plan = plans.get(cluster.planName());
    if (plan != null && plan.maxWorkerInstances() != null) {
      max = Math.min(max, plan.maxWorkerInstances());
    }
    max = Math.max(min, max);
    double nodeCores = o.map(ClusterOverride::getNodeCores).orElse(settings.nodeCoresOf(cluster.planName()));
    ScalingPolicy policy = new ScalingPolicy(nodeCores, settings.getTargetUtilisation(), min, max,
        settings.getMaxStep(), settings.getLeadTime(), settings.getDecisionInterval(), settings.getCooldown(),
        settings.getScaleDownHysteresis());
    int current = cluster.workerInstances() != null ? cluster.workerInstances()
        : plan != null ? plan.workerInstances() : 0;
    return new ManagedCluster(foundation, cluster, mode, policy, current);
  }

  /** The configured override of a cluster, if any. */
  public Optional<ClusterOverride> override(String foundation, String cluster) {
    return settings.getClusters().stream()
        .filter(o -> foundation.equals(o.getFoundation()) && cluster.equals(o.getName()))
        .findFirst();
  }
}
