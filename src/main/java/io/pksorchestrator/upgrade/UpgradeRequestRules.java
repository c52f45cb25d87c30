package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.operations.WholeNumbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rules of a stemcell upgrade request that hold from any entry point: the ticketing API refuses a request that
 * breaks them before anything starts ({@link StemcellUpgradeContract}), the process's pre-checks reject it
 * ({@link UpgradePreChecks}). Engine-free.
 */
final class UpgradeRequestRules {

  private UpgradeRequestRules() {}

  /**
   * {@code maxInFlight} (absent: 1) must be a whole number from 1 to the PKS tile's Worker VM Max in Flight, which
   * the PKS API does not serve: it is configured as {@code pkso.upgrade.worker-max-in-flight}.
   */
  static Optional<RequestViolation> maxInFlight(Integer requested, int workerMaxInFlight) {
    if (requested != null && requested == WholeNumbers.NOT_WHOLE) {
      return Optional.of(RequestViolation.invalid("maxInFlight", "maxInFlight must be a whole number from 1 to the"
          + " PKS tile's Worker VM Max in Flight (" + workerMaxInFlight + ", pkso.upgrade.worker-max-in-flight)"));
    }
    int max = requested == null ? 1 : requested;
    if (max < 1 || max > workerMaxInFlight) {
      return Optional.of(RequestViolation.unprocessable("maxInFlight", "maxInFlight " + max + " must be between 1"
          + " and the PKS tile's Worker VM Max in Flight (" + workerMaxInFlight + ", pkso.upgrade.worker-max-in-flight)"));
    }
    return Optional.empty();
  }

  /** Every canary must be one of the selected clusters (they are upgraded first, then the rest of the selection). */
  static List<RequestViolation> canariesAmongSelected(Collection<String> selected, List<String> canaries) {
    List<RequestViolation> violations = new ArrayList<>();
    for (int i = 0; i < canaries.size(); i++) {
      if (!selected.contains(canaries.get(i))) {
        violations.add(RequestViolation.invalid("canaries[" + i + "]", "Canary '" + canaries.get(i)
            + "' is not among the selected clusters " + selected.stream().sorted().toList()
            + ": add it to 'clusters' or choose a canary among them"));
      }
    }
    return violations;
  }
}
