package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.bosh.BoshDeployment;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small helpers shared by the upgrade delegates. */
final class StemcellUpgradeSupport {

  private StemcellUpgradeSupport() {}

  /** The stemcell version of a BOSH deployment (its first stemcell), or null. */
  static String stemcellVersion(BoshDeployment d) {
    return d.stemcells() == null || d.stemcells().isEmpty() ? null : d.stemcells().get(0).version();
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
