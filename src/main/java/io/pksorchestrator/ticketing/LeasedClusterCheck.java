package io.pksorchestrator.ticketing;

import io.pksorchestrator.operations.ClusterLease;
import io.pksorchestrator.operations.ClusterLeases;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Refuses (409) a request for a cluster that another operation holds, before anything starts. A courtesy to the
 * ticketing system: the decisive control is the lease the started process takes in the engine (requests may also
 * arrive through {@code /engine-rest}, or race each other), so this check never needs to be atomic with the start.
 */
@Component
public class LeasedClusterCheck {

  private final ClusterLeases leases;

  public LeasedClusterCheck(ClusterLeases leases) {
    this.leases = leases;
  }

  /**
   * Called for new requests only: a repeated request gets the operation it started (which may be the holder).
   *
   * @param clusters the clusters the operation would change; {@code null} = every cluster of the foundation
   * @throws ClusterBusyProblem when one of them is leased
   */
  public void refuseIfLeased(String foundation, Collection<String> clusters) {
    Optional<ClusterLease> held = clusters == null
        ? leases.all().stream().filter(l -> l.foundation().equals(foundation)).findFirst()
        : clusters.stream().sorted().map(c -> leases.find(foundation, c)).flatMap(Optional::stream).findFirst();
    held.ifPresent(lease -> {
      throw new ClusterBusyProblem(lease);
    });
  }
}
