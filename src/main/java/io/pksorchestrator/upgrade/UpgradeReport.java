package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The end-of-upgrade summary kept in {@code upgradeReport} (JSON) and {@code upgradeReportText}.
 *
 * @param clusters one row per selected cluster
 */
public record UpgradeReport(String foundation, String stemcellOs, String stemcellFrom, String stemcellTo,
    String outcome, String stopReason, int upgraded, int failed, int skipped, List<Row> clusters) {

  /** One cluster: versions before and after, when it ran and how it ended. */
  public record Row(String name, boolean canary, int workers, int masters, String stemcellBefore,
      String stemcellAfter, String kubernetesBefore, String kubernetesAfter, String startedAt, String finishedAt,
      Long durationSeconds, String result, String detail) {}

  static UpgradeReport of(UpgradeState s, OperationOutcome outcome, String stopReason) {
    List<Row> rows = s.clusters.stream().map(UpgradeReport::row).toList();
    return new UpgradeReport(s.foundation, s.stemcellOs, s.deployedStemcell, s.stemcellVersion, outcome.value(),
        stopReason, count(s, ClusterStatus.UPGRADED), count(s, ClusterStatus.FAILED),
        count(s, ClusterStatus.SKIPPED), rows);
  }

  private static Row row(ClusterEntry e) {
    Long duration = e.startedAt == null || e.finishedAt == null ? null
        : Duration.between(Instant.parse(e.startedAt), Instant.parse(e.finishedAt)).toSeconds();
    return new Row(e.name, e.canary, e.workers, e.masters, e.stemcellBefore, e.stemcellAfter, e.k8sBefore,
        e.k8sAfter, e.startedAt, e.finishedAt, duration, e.status.name().toLowerCase(), e.detail);
  }

  private static int count(UpgradeState s, ClusterStatus status) {
    return (int) s.clusters.stream().filter(c -> c.status == status).count();
  }

  /** A fixed-width text table for the final form and logs. */
  String text() {
    StringBuilder t = new StringBuilder();
    t.append("Stemcell upgrade on ").append(foundation).append(": ").append(stemcellOs).append(' ')
        .append(stemcellFrom).append(" -> ").append(stemcellTo).append(" — ").append(outcome)
        .append(stopReason == null ? "" : " (" + stopReason + ")").append('\n')
        .append(String.format("%-24s %-6s %-12s %-12s %-10s %-10s %-20s %-8s %s%n", "CLUSTER", "CANARY",
            "STEMCELL", "AFTER", "K8S", "K8S AFTER", "STARTED", "SECONDS", "RESULT"));
    for (Row r : clusters) {
      t.append(String.format("%-24s %-6s %-12s %-12s %-10s %-10s %-20s %-8s %s%n", r.name(), r.canary() ? "yes" : "",
          r.stemcellBefore(), r.stemcellAfter() == null ? "-" : r.stemcellAfter(), r.kubernetesBefore(),
          r.kubernetesAfter() == null ? "-" : r.kubernetesAfter(), r.startedAt() == null ? "-" : r.startedAt(),
          r.durationSeconds() == null ? "-" : r.durationSeconds(), r.result()
              + (r.detail() == null ? "" : ": " + r.detail())));
    }
    return t.toString();
  }
}
