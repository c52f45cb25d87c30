package io.pksorchestrator.cluster;

import io.pksorchestrator.platform.pks.PksPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a cluster creation request must pass before anyone is asked to approve it. Engine-free: the caller
 * gathers the facts from the foundation and the engine; this collects every reason at once, so the requester can
 * fix them all in one go.
 */
public final class ClusterRequestValidator {

  /** Longest cluster name accepted (PKS derives DNS names and BOSH deployment names from it). */
  public static final int MAX_NAME_LENGTH = 40;
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern HOSTNAME =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*");

  /**
   * What the foundation and the engine say about the request.
   *
   * @param foundationConfigured whether the foundation is configured here
   * @param plan the named plan on that foundation, or {@code null} when it has no such plan (or was not asked)
   * @param plansKnown whether the plans were read (false when the foundation is not configured)
   * @param clusterExists whether a cluster of that name already exists on the foundation
   * @param inFlightCreations ids of other running creations of that name on the foundation
   */
  public record Facts(boolean foundationConfigured, boolean plansKnown, PksPlan plan, boolean clusterExists,
      List<String> inFlightCreations) {}

  private ClusterRequestValidator() {}

  /** Checks only the request itself (no foundation needed). */
  public static List<String> checkRequest(ClusterRequest r) {
    List<String> reasons = new ArrayList<>();
    if (r.foundation() == null) {
      reasons.add("No foundation given: set 'foundation' to a configured foundation name.");
    }
    if (r.clusterName() == null) {
      reasons.add("No cluster name given: set 'clusterName'.");
    } else {
      if (r.clusterName().length() > MAX_NAME_LENGTH) {
        reasons.add("Cluster name '" + r.clusterName() + "' is " + r.clusterName().length()
            + " characters long; at most " + MAX_NAME_LENGTH + " are allowed.");
      }
      if (!DNS_1123_LABEL.matcher(r.clusterName()).matches()) {
        reasons.add("Cluster name '" + r.clusterName() + "' is not a DNS-1123 label: use lower-case letters,"
            + " digits and '-', starting and ending with a letter or digit.");
      }
    }
    if (r.planName() == null) {
      reasons.add("No plan given: set 'planName' to one of the foundation's plans.");
    }
    if (r.externalHostname() == null) {
      reasons.add("No external hostname given: set 'externalHostname' (the Kubernetes API host name).");
    } else if (!HOSTNAME.matcher(r.externalHostname()).matches()) {
      reasons.add("External hostname '" + r.externalHostname() + "' is not a valid DNS host name.");
    }
    if (r.requestedBy() == null) {
      reasons.add("No requester given: set 'requestedBy' (needed for the four-eyes rule).");
    }
    if (r.workerCount() != null && r.workerCount() == Integer.MIN_VALUE) {
      reasons.add("Worker count is not a whole number: give an integer or leave it empty for the plan default.");
    }
    return reasons;
  }

  /** Checks the request against what the foundation and the engine say. */
  public static List<String> check(ClusterRequest r, Facts facts) {
    List<String> reasons = checkRequest(r);
    if (r.foundation() != null && !facts.foundationConfigured()) {
      reasons.add("Foundation '" + r.foundation() + "' is not configured: use one of the configured foundations.");
    }
    if (facts.plansKnown() && r.planName() != null && facts.plan() == null) {
      reasons.add("Plan '" + r.planName() + "' does not exist on foundation '" + r.foundation() + "'.");
    }
    if (facts.plan() != null && r.workerCount() != null && r.workerCount() != Integer.MIN_VALUE) {
      Integer max = facts.plan().maxWorkerInstances();
      if (r.workerCount() < PksPlan.MIN_WORKERS || (max != null && r.workerCount() > max)) {
        reasons.add("Worker count " + r.workerCount() + " is outside plan '" + facts.plan().name() + "' limits ("
            + PksPlan.MIN_WORKERS + ".." + (max != null ? max : "unbounded") + ").");
      }
    }
    if (facts.clusterExists()) {
      reasons.add("A cluster named '" + r.clusterName() + "' already exists on foundation '" + r.foundation()
          + "': choose another name.");
    }
    if (!facts.inFlightCreations().isEmpty()) {
      reasons.add("Another creation of cluster '" + r.clusterName() + "' on foundation '" + r.foundation()
          + "' is in progress (process instance " + String.join(", ", facts.inFlightCreations()) + ").");
    }
    return reasons;
  }
}
