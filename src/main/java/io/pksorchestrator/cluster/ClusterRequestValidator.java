package io.pksorchestrator.cluster;

import io.pksorchestrator.operations.NameRules;
import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.operations.WholeNumbers;
import io.pksorchestrator.platform.pks.PksPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a cluster creation request must pass, from any entry point: the ticketing API applies them before it
 * starts anything ({@link ClusterCreationContract}), the process again before anyone is asked to approve
 * ({@link ValidateClusterRequestDelegate}). Engine-free: the caller gathers the facts from the foundation and the
 * engine ({@link ClusterRequestFacts}); this collects every violation at once, so the requester can fix them all in
 * one go.
 */
public final class ClusterRequestValidator {

  /** Longest cluster name accepted (PKS derives DNS names and BOSH deployment names from it). */
  public static final int MAX_NAME_LENGTH = NameRules.MAX_CLUSTER_NAME_LENGTH;

  /**
   * What the foundation and the engine say about the request.
   *
   * @param foundationConfigured whether the foundation is configured here
   * @param plansKnown whether the plans were read (false when the foundation is not configured)
   * @param plan the named plan on that foundation, or {@code null} when it has no such plan (or was not asked)
   * @param clusterExists whether a cluster of that name already exists on the foundation
   * @param inFlightCreations ids of other running creations of that name on the foundation
   * @param planNames the foundation's plans (for the message when the named one does not exist)
   * @param foundationNames the configured foundations (for the message when the named one is not configured)
   */
  public record Facts(boolean foundationConfigured, boolean plansKnown, PksPlan plan, boolean clusterExists,
      List<String> inFlightCreations, List<String> planNames, List<String> foundationNames) {}

  private ClusterRequestValidator() {}

  /** Checks only the request itself (no foundation needed): every reason, as a rejection would list it. */
  public static List<String> checkRequest(ClusterRequest r) {
    return messages(requestViolations(r));
  }

  /** Checks the request against what the foundation and the engine say: every reason. */
  public static List<String> check(ClusterRequest r, Facts facts) {
    return messages(violations(r, facts));
  }

  /** {@link #requestViolations} and {@link #foundationViolations}, in this order. */
  public static List<RequestViolation> violations(ClusterRequest r, Facts facts) {
    List<RequestViolation> all = new ArrayList<>(requestViolations(r));
    all.addAll(foundationViolations(r, facts));
    return all;
  }

  /** The rules of the request itself: names, host name, requester, a whole worker count. */
  public static List<RequestViolation> requestViolations(ClusterRequest r) {
    List<RequestViolation> reasons = new ArrayList<>();
    if (r.foundation() == null) {
      reasons.add(RequestViolation.invalid("foundation",
          "No foundation given: set 'foundation' to a configured foundation name."));
    }
    if (r.clusterName() == null) {
      reasons.add(RequestViolation.invalid("clusterName", "No cluster name given: set 'clusterName'."));
    } else {
      if (r.clusterName().length() > MAX_NAME_LENGTH) {
        reasons.add(RequestViolation.invalid("clusterName", "Cluster name '" + r.clusterName() + "' is "
            + r.clusterName().length() + " characters long; at most " + MAX_NAME_LENGTH + " are allowed."));
      }
      if (!NameRules.isClusterName(r.clusterName())) {
        reasons.add(RequestViolation.invalid("clusterName", "Cluster name '" + r.clusterName() + "' is not a"
            + " DNS-1123 label: use lower-case letters, digits and '-', starting and ending with a letter or digit."));
      }
    }
    if (r.planName() == null) {
      reasons.add(RequestViolation.invalid("planName", "No plan given: set 'planName' to one of the foundation's"
          + " plans."));
    }
    if (r.externalHostname() == null) {
      reasons.add(RequestViolation.invalid("externalHostname",
          "No external hostname given: set 'externalHostname' (the Kubernetes API host name)."));
    } else if (!NameRules.isHostname(r.externalHostname())) {
      reasons.add(RequestViolation.invalid("externalHostname", "External hostname '" + r.externalHostname()
          + "' is not a valid DNS host name: it " + NameRules.HOSTNAME_MESSAGE + "."));
    }
    if (r.requestedBy() == null) {
      reasons.add(RequestViolation.invalid("requestedBy",
          "No requester given: set 'requestedBy' (needed for the four-eyes rule)."));
    }
    if (r.workerCount() != null && r.workerCount() == WholeNumbers.NOT_WHOLE) {
      reasons.add(RequestViolation.invalid("workerCount",
          "Worker count is not a whole number: give an integer or leave it empty for the plan default."));
    }
    return reasons;
  }

  /** The rules that depend on the foundation and the engine: foundation, plan and its limits, name in use. */
  public static List<RequestViolation> foundationViolations(ClusterRequest r, Facts facts) {
    List<RequestViolation> reasons = new ArrayList<>();
    if (r.foundation() != null && !facts.foundationConfigured()) {
      reasons.add(RequestViolation.unprocessable("foundation", "Foundation '" + r.foundation()
          + "' is not configured: use one of the configured foundations"
          + (facts.foundationNames().isEmpty() ? "" : " " + facts.foundationNames()) + "."));
    }
    if (facts.plansKnown() && r.planName() != null && facts.plan() == null) {
      reasons.add(RequestViolation.unprocessable("planName", "Plan '" + r.planName() + "' does not exist on"
          + " foundation '" + r.foundation() + "'" + (facts.planNames().isEmpty() ? "."
          : "; its plans: " + facts.planNames() + ".")));
    }
    if (facts.plan() != null && r.workerCount() != null && r.workerCount() != WholeNumbers.NOT_WHOLE) {
      Integer max = facts.plan().maxWorkerInstances();
      if (r.workerCount() < PksPlan.MIN_WORKERS || (max != null && r.workerCount() > max)) {
        reasons.add(RequestViolation.unprocessable("workerCount", "Worker count " + r.workerCount()
            + " is outside plan '" + facts.plan().name() + "' limits (" + PksPlan.MIN_WORKERS + ".."
            + (max != null ? max : "unbounded") + ")." + (max == null || r.workerCount() <= max ? ""
            : " The maximum is the PKS tile's setting,"
            + " configured as pkso.foundations." + r.foundation() + ".plans.max-workers." + facts.plan().name() + ".")));
      }
    }
    if (facts.clusterExists()) {
      reasons.add(RequestViolation.unprocessable("clusterName", "A cluster named '" + r.clusterName()
          + "' already exists on foundation '" + r.foundation() + "': choose another name."));
    }
    if (!facts.inFlightCreations().isEmpty()) {
      reasons.add(RequestViolation.unprocessable("clusterName", "Another creation of cluster '" + r.clusterName()
          + "' on foundation '" + r.foundation() + "' is in progress (process instance "
          + String.join(", ", facts.inFlightCreations()) + ")."));
    }
    return reasons;
  }

  private static List<String> messages(List<RequestViolation> violations) {
    return violations.stream().map(RequestViolation::message).toList();
  }
}
