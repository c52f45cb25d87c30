package io.pksorchestrator.cluster;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads what {@link ClusterRequestValidator} needs from the foundation (plans, whether the name is taken) the same
 * way for the ticketing API and for the process. Foundation failures propagate; each caller says what it was doing.
 */
final class ClusterRequestFacts {

  private ClusterRequestFacts() {}

  /**
   * @param inFlightCreations other running creations of the name (read only when the request names a foundation
   *     and a cluster)
   */
  static ClusterRequestValidator.Facts read(ClusterRequest request, PksGateway pks, Foundations foundations,
      Supplier<List<String>> inFlightCreations) {
    boolean configured = request.foundation() != null && foundations.isConfigured(request.foundation());
    List<String> foundationNames = foundations.names().stream().sorted().toList();
    if (!configured) {
      return new ClusterRequestValidator.Facts(false, false, null, false, List.of(), List.of(), foundationNames);
    }
    List<PksPlan> plans = request.planName() == null ? List.of() : pks.plans(request.foundation());
    PksPlan plan = plans.stream().filter(p -> p.name().equals(request.planName())).findFirst().orElse(null);
    boolean exists = request.clusterName() != null
        && pks.cluster(request.foundation(), request.clusterName()).isPresent();
    List<String> inFlight = request.clusterName() == null ? List.of() : inFlightCreations.get();
    return new ClusterRequestValidator.Facts(true, true, plan, exists, inFlight,
        plans.stream().map(PksPlan::name).toList(), foundationNames);
  }
}
