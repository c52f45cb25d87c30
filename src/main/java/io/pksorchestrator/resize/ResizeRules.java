package io.pksorchestrator.resize;

import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.platform.pks.PksPlan;
import java.util.Optional;

/**
 * The rule every resize must pass, from any entry point: the worker count within the plan's limits (at least
 * {@link PksPlan#MIN_WORKERS}, at most the PKS tile's maximum, {@code pkso.foundations.<name>.plans.max-workers}).
 * The ticketing API refuses a request that breaks it (422, {@link ManualResizeContract}); the process does not
 * propose it for approval ({@link ReadClusterDelegate}: the proposal is not applicable).
 */
final class ResizeRules {

  private ResizeRules() {}

  /** The violation of the plan's limits, if {@code workers} breaks them; a plan without maximum bounds below only. */
  static Optional<RequestViolation> withinPlan(String foundation, PksPlan plan, int workers) {
    Integer max = plan == null ? null : plan.maxWorkerInstances();
    if (workers >= PksPlan.MIN_WORKERS && (max == null || workers <= max)) {
      return Optional.empty();
    }
    String limits = PksPlan.MIN_WORKERS + ".." + (max == null ? "unbounded" : max);
    return Optional.of(RequestViolation.unprocessable("proposedWorkers", workers + " workers are outside plan '"
        + (plan == null ? "?" : plan.name()) + "' limits (" + limits + ")" + (max == null || workers <= max ? ""
        : "; the maximum is the PKS tile's setting, configured as pkso.foundations." + foundation
            + ".plans.max-workers." + plan.name())));
  }
}
