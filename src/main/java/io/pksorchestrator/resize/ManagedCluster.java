package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.platform.pks.PksCluster;

/**
 * A cluster the forecasting cycle looks after, with its mode and effective scaling policy.
 *
 * @param currentWorkers the cluster's {@code kubernetes_worker_instances}, or its plan's default when PKS omits it
 */
public record ManagedCluster(String foundation, PksCluster cluster, ClusterMode mode, ScalingPolicy policy,
    int currentWorkers) {

  public String name() {
    return cluster.name();
  }

  /** {@code <foundation>/<cluster>}: the resize business key and the forecaster's series key. */
  public String key() {
    return PredictiveResizeProcess.businessKey(foundation, cluster.name());
  }
}
