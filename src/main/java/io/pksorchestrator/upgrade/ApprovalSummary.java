package io.pksorchestrator.upgrade;

import io.pksorchestrator.upgrade.UpgradeState.ClusterEntry;

/** The Markdown shown by the approval form: what changes, where, how fast, with which risks, when. */
final class ApprovalSummary {

  private ApprovalSummary() {}

  static String markdown(UpgradeState s, String windowStart, String windowEnd, boolean onOpsManager) {
    StringBuilder md = new StringBuilder();
    md.append("**Foundation:** ").append(s.foundation).append("  \n")
        .append("**Stemcell:** ").append(s.stemcellOs).append(' ')
        .append(s.deployedStemcell == null ? "(none of this OS)" : s.deployedStemcell)
        .append(" → **").append(s.stemcellVersion).append("**")
        .append(onOpsManager ? " (already on Ops Manager)" : " (will be uploaded)").append("  \n");
    if (!onOpsManager && s.stemcellSource != null) {
      md.append("**Upload from:** `").append(s.stemcellSource.replace("`", "%60")).append("`  \n");
    }
    md
        .append("**Parallelism:** canaries one at a time, then at most ").append(s.maxInFlight)
        .append(" cluster(s) in parallel  \n")
        .append("**Window:** ").append(windowStart == null || windowStart.isBlank() ? "start after approval"
            : windowStart).append(" – ").append(windowEnd == null || windowEnd.isBlank() ? "open-ended" : windowEnd)
        .append("\n\n| Cluster | Canary | Workers | Masters | Stemcell | Kubernetes |\n|---|---|---|---|---|---|\n");
    for (ClusterEntry c : s.clusters) {
      md.append("| ").append(c.name).append(" | ").append(c.canary ? "yes" : "").append(" | ").append(c.workers)
          .append(" | ").append(c.masters).append(" | ").append(c.stemcellBefore).append(" | ").append(c.k8sBefore)
          .append(" |\n");
    }
    md.append("\n**Risks (approving accepts them):**\n");
    if (s.risks.isEmpty()) {
      md.append("- none found\n");
    }
    s.risks.forEach(r -> md.append("- ").append(r).append('\n'));
    return md.toString();
  }
}
