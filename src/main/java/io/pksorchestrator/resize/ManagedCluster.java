package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.platform.pks.PksCluster;

/** A cluster the forecasting cycle looks after, with its mode and effective scaling policy. */
public record ManagedCluster(String foundation, PksCluster cluster, ClusterMode mode, ScalingPolicy policy) {

  public String name() {
    return cluster.name();
  }

  /** {@code <foundation>/<cluster>}: the resize business key and the forecaster's series key. */
  public String key() {
    return PredictiveResizeModel.businessKey(foundation, cluster.name());
  }

  public int currentWorkers() {
    return cluster.workerInstances() == null ? 0 : cluster.workerInstances();
  }
}
