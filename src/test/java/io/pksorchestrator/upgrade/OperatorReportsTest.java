package io.pksorchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.UpgradeTask;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1: what the operator reads before deciding. "Canaries healthy, continue?" lists each canary with its
 * result and timings (before: an empty Progress box); the failure forms name the cluster and the cause (before: "see
 * the upgradeState variable"); report times are the foundation's (PKS's start/end time), not when we noticed.
 */
class OperatorReportsTest {

  @Test
  void continuationListsEachCanaryWithResultAndTimings() {
    UpgradeState s = state();
    String md = OperatorReports.canaryResults(s);
    assertThat(md).contains("| Canary | Result | Started (UTC) | Finished (UTC) | Duration |")
        .contains("| batch-dev | **upgraded** | 2026-12-03T10:00:00Z | 2026-12-03T10:12:30Z | 12 min 30 s |"
            + " 1.400 → 1.412 | 1.29.1 → 1.29.1 |")
        .contains("1 cluster(s) remain: ml-train").doesNotContain("| ml-train |");
  }

  @Test
  void failureFormsNameTheClusterAndTheCause() {
    UpgradeState s = state();
    ClusterEntry canary = s.cluster("batch-dev").orElseThrow();
    canary.status = ClusterStatus.FAILED;
    canary.taskState = "failed";
    canary.detail = "BOSH task 4711: 'worker/2' is not running after update";
    String md = OperatorReports.canaryFailure(s, List.of("batch-dev"));
    assertThat(md).contains("Canary cluster batch-dev", "on lab failed",
        "BOSH task 4711: 'worker/2' is not running after update", "bosh -d service-instance_u-1 vms");
    String install = OperatorReports.installationFailure("lab", List.of("batch-dev", "ml-train"), 42, "failed",
        "Task 17 | error: disk full\nrolled back");
    assertThat(install).contains("installation 42", "ended **failed**", "batch-dev, ml-train",
        "    Task 17 | error: disk full", "    rolled back");
  }

  @Test
  void reportTimesAreTheFoundationsClock() {
    UpgradeState s = state();
    ClusterEntry ml = s.cluster("ml-train").orElseThrow();
    long start = Instant.parse("2026-12-03T11:00:00Z").getEpochSecond();
    long end = Instant.parse("2026-12-03T11:20:00Z").toEpochMilli();
    UpgradeTaskFollower.follow(s, new UpgradeTask("t-1", "upgrade", "done", List.of(new UpgradeTask.ClusterUpgrade(
        "ml-train", "UPGRADE", ActionState.SUCCEEDED, start, end, false)), start, end));
    assertThat(ml.startedAt).as("epoch seconds").isEqualTo("2026-12-03T11:00:00Z");
    assertThat(ml.finishedAt).as("epoch milliseconds").isEqualTo("2026-12-03T11:20:00Z");
    assertThat(UpgradeTaskFollower.foundationTime(0L)).isNull();
    assertThat(UpgradeTaskFollower.foundationTime(null)).isNull();
  }

  private static UpgradeState state() {
    UpgradeState s = new UpgradeState();
    s.foundation = "lab";
    s.stemcellOs = "ubuntu-jammy";
    s.stemcellVersion = "1.412";
    s.maxInFlight = 1;
    ClusterEntry canary = new ClusterEntry();
    canary.name = "batch-dev";
    canary.uuid = "u-1";
    canary.canary = true;
    canary.status = ClusterStatus.UPGRADED;
    canary.taskState = "succeeded";
    canary.startedAt = "2026-12-03T10:00:00Z";
    canary.finishedAt = "2026-12-03T10:12:30Z";
    canary.stemcellBefore = "1.400";
    canary.stemcellAfter = "1.412";
    canary.k8sBefore = "1.29.1";
    canary.k8sAfter = "1.29.1";
    ClusterEntry rest = new ClusterEntry();
    rest.name = "ml-train";
    rest.uuid = "u-2";
    s.clusters.add(canary);
    s.clusters.add(rest);
    return s;
  }
}
