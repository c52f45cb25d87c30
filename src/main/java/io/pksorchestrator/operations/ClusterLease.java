package io.pksorchestrator.operations;

import java.time.Instant;

/**
 * A lease on one cluster: the operation (process instance) that may change it until it releases the lease.
 *
 * @param holderId process instance id of the holding operation
 * @param operation {@code creation}, {@code resize} or {@code upgrade} ({@link LeaseHolder})
 * @param businessKey business key of the holding operation (ticket id or {@code foundation/cluster})
 * @param acquiredAt wall time the lease was taken
 */
public record ClusterLease(String foundation, String cluster, String holderId, String operation,
    String businessKey, Instant acquiredAt) {

  /** {@code foundation/cluster}. */
  public String key() {
    return foundation + "/" + cluster;
  }

  /** One line naming the holder, e.g. {@code upgrade CHG-4711 (operation 42)}. */
  public String describeHolder() {
    return operation + (businessKey == null || businessKey.isBlank() ? "" : " " + businessKey) + " (operation "
        + holderId + ")";
  }
}
