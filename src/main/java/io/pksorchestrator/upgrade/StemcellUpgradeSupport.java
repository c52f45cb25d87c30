package io.pksorchestrator.upgrade;

import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.bosh.BoshDeployment;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small helpers shared by the upgrade delegates. */
final class StemcellUpgradeSupport {

  /** Timers below one second are pointless and hammer the foundation. */
  private static final Duration MIN_WAIT = Duration.ofSeconds(1);

  private StemcellUpgradeSupport() {}

  /** The stemcell version of a BOSH deployment (its first stemcell), or null. */
  static String stemcellVersion(BoshDeployment d) {
    return d.stemcells() == null || d.stemcells().isEmpty() ? null : d.stemcells().get(0).version();
  }

  /** A foundation-time interval as an ISO duration for a timer, at least one second of wall time. */
  static String wallWait(Foundations foundations, String foundation, Duration foundationTime) {
    Duration wall = foundations.toWallTime(foundation, foundationTime);
    return (wall.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wall).toString();
  }

  /** Now plus a foundation-time duration, as an ISO instant string. */
  static String deadline(Foundations foundations, String foundation, Duration foundationTime) {
    return MaintenanceWindow.now().plus(foundations.toWallTime(foundation, foundationTime)).toString();
  }

  static boolean isPast(String isoInstant) {
    return isoInstant != null && !MaintenanceWindow.now().isBefore(Instant.parse(isoInstant));
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }
}
