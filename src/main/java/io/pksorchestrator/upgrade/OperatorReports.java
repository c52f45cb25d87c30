package io.pksorchestrator.upgrade;

import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;
import io.pksorchestrator.upgrade.UpgradeState.ClusterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Markdown the operator forms show when the upgrade asks them to decide: each canary with its result and
 * timings ("Canaries healthy, continue?"), which canary failed and why, and why Apply Changes failed with its last
 * log lines. Kept in process variables next to the state they summarise (so the forms need no variable lookups of
 * their own, and the history shows what the operator saw).
 */
final class OperatorReports {

  private OperatorReports() {}

  /** Every canary: result, PKS state, start, end and duration (foundation time), versions and details. */
  static String canaryResults(UpgradeState s) {
    List<ClusterEntry> canaries = s.clusters.stream().filter(c -> c.canary).toList();
    StringBuilder md = new StringBuilder();
    md.append("**Canaries on ").append(s.foundation).append("** (stemcell ").append(s.stemcellOs).append(' ')
        .append(s.stemcellVersion).append(")\n\n")
        .append("| Canary | Result | Started (UTC) | Finished (UTC) | Duration | Stemcell | Kubernetes | Detail |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    for (ClusterEntry c : canaries) {
      // PKS's state only where it says more than the result (the table must fit Tasklist's form pane)
      String result = c.status.name().toLowerCase() + (c.taskState == null || "succeeded".equals(c.taskState)
          ? "" : " (PKS: " + c.taskState + ")");
      md.append("| ").append(c.name).append(" | **").append(result).append("** | ")
          .append(dash(c.startedAt)).append(" | ").append(dash(c.finishedAt))
          .append(" | ").append(duration(c.startedAt, c.finishedAt)).append(" | ").append(dash(c.stemcellBefore))
          .append(" → ").append(dash(c.stemcellAfter)).append(" | ").append(dash(c.k8sBefore)).append(" → ")
          .append(dash(c.k8sAfter)).append(" | ").append(dash(c.detail)).append(" |\n");
    }
    long remaining = s.clusters.stream().filter(c -> !c.canary && c.status == ClusterStatus.PENDING).count();
    md.append("\n").append(remaining).append(" cluster(s) remain: ").append(String.join(", ", s.clusters.stream()
        .filter(c -> !c.canary && c.status == ClusterStatus.PENDING).map(c -> c.name).toList()))
        .append(". Continuing upgrades them at most ").append(s.maxInFlight).append(" at a time.\n");
    return md.toString();
  }

  /** The failed canaries of the last batch: name, PKS's message or the verification's finding, timings. */
  static String canaryFailure(UpgradeState s, List<String> batch) {
    StringBuilder md = new StringBuilder();
    for (String name : batch) {
      ClusterEntry c = s.cluster(name).orElse(null);
      if (c == null || !c.canary || c.status != ClusterStatus.FAILED) {
        continue;
      }
      md.append("**Canary cluster ").append(c.name).append("** on ").append(s.foundation).append(" failed.  \n")
          .append("**Cause:** ").append(dash(c.detail)).append("  \n")
          .append("**PKS state:** ").append(dash(c.taskState)).append("; started ").append(dash(c.startedAt))
          .append(", finished ").append(dash(c.finishedAt)).append(" (").append(duration(c.startedAt, c.finishedAt))
          .append(")  \n")
          .append("**Inspect:** `tkgi cluster ").append(c.name).append("`, BOSH deployment `").append(c.deployment())
          .append("` (`bosh -d ").append(c.deployment()).append(" vms`, `bosh -d ").append(c.deployment())
          .append(" task --recent`)\n\n");
    }
    return md.toString();
  }

  /** Why Apply Changes failed: foundation, installation, status, the clusters waiting for it, the last log lines. */
  static String installationFailure(String foundation, List<String> clusters, long installationId, String status,
      String logTail) {
    StringBuilder md = new StringBuilder();
    md.append("**Apply Changes of the PKS tile on ").append(foundation).append("** (installation ")
        .append(installationId).append(") ended **").append(status).append("**; no cluster has been upgraded yet.  \n")
        .append("**Clusters waiting:** ").append(clusters.isEmpty() ? "-" : String.join(", ", clusters))
        .append("  \n**Cause (last log lines of the installation):**\n\n");
    String tail = logTail == null || logTail.isBlank() ? "(Ops Manager returned no log lines)" : logTail;
    for (String line : tail.split("\r?\n")) {
      md.append("    ").append(line).append('\n');
    }
    md.append("\nCheck the installation in Ops Manager (Change log, installation ").append(installationId)
        .append("), fix the cause, then retry; or stop the upgrade.\n");
    return md.toString();
  }

  static String duration(String from, String to) {
    if (from == null || to == null) {
      return "-";
    }
    Duration d = Duration.between(Instant.parse(from), Instant.parse(to));
    return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
  }

  private static String dash(String value) {
    return value == null || value.isBlank() ? "-" : value.replace("|", "\\|").replace("\n", " ");
  }
}
