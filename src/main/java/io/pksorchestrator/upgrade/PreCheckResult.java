package io.pksorchestrator.upgrade;

import java.util.List;

/**
 * Outcome of the pre-checks: every reason the upgrade cannot start (empty when it can), the initial state and
 * whether Ops Manager already has the target stemcell.
 */
public record PreCheckResult(List<String> reasons, UpgradeState state, boolean stemcellOnOpsManager) {

  public boolean passed() {
    return reasons.isEmpty();
  }
}
