package io.pksorchestrator.operations;

import java.util.List;
import java.util.Optional;

/**
 * Result of {@link ClusterLeases#acquire}: the clusters now held (in name order), and the lease of another live
 * operation that stopped the acquisition, if any.
 */
public record LeaseAcquisition(List<String> held, Optional<ClusterLease> blockedBy) {

  public LeaseAcquisition {
    held = List.copyOf(held);
  }

  /** Whether every asked-for cluster is now held by the caller. */
  public boolean complete() {
    return blockedBy.isEmpty();
  }
}
