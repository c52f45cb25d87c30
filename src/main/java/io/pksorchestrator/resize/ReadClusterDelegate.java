package io.pksorchestrator.resize;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;

import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the cluster the proposal is about and prepares the decision: plan, production tag, direction and size of
 * the change, the absolute chart URL for the approval form, the approval due date. A proposal that no longer matches
 * the cluster (gone, different size, nothing to change, another resize running) or its plan's limits
 * ({@link ResizeRules}) is marked not current.
 */
@Component("readClusterDelegate")
public class ReadClusterDelegate implements JavaDelegate {

  /** Cluster tag that marks production clusters ({@code cluster_tags}). */
  static final String ENVIRONMENT_TAG = "environment";

  private final PksGateway pks;
  private final ResizeProperties settings;
  private final String publicUrl;

  /**
   * @param publicUrl base URL of this application as operators' browsers reach it ({@code pkso.ticketing.public-url},
   *     always set by {@code config/ticketing.yml}; default in {@code ticketing.TicketingProperties}): the approval
   *     form's image needs an absolute {@code http(s)} URL (Tasklist's form renderer drops relative ones)
   */
  public ReadClusterDelegate(PksGateway pks, ResizeProperties settings,
      @Value("${pkso.ticketing.public-url}") String publicUrl) {
    this.pks = pks;
    this.settings = settings;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @Override
  public void execute(DelegateExecution execution) {
    ResizeRequest r = ResizeRequest.of(execution);
    Optional<PksCluster> found = pks.cluster(r.foundation(), r.cluster());
    int delta = r.proposedWorkers() - r.currentWorkers();
    execution.setVariable(DIRECTION, delta >= 0 ? "up" : "down");
    execution.setVariable(WORKER_DELTA, Math.abs(delta));
    execution.setVariable(FORECAST_CHART_URL, publicUrl + chartUrl(r));
    execution.setVariable(APPROVAL_DUE,
        new Date(ClockUtil.getCurrentTime().getTime() + settings.getApprovalTimeout().toMillis()));
    execution.setVariable(PRODUCTION_CLUSTER, found.map(ReadClusterDelegate::isProduction).orElse(false));
    found.ifPresent(c -> {
      execution.setVariable(PLAN_NAME, c.planName());
      execution.setVariable(BOSH_DEPLOYMENT, c.boshDeploymentName());
    });
    String stale = staleReason(r, found, otherResizeRunning(execution, r));
    if (stale == null) {
      stale = outsidePlan(r, found.get()).orElse(null);
    }
    execution.setVariable(PROPOSAL_CURRENT, stale == null);
    if (stale != null) {
      execution.setVariable(STALE_REASON, stale);
    }
  }

  private static String staleReason(ResizeRequest r, Optional<PksCluster> found, boolean otherRunning) {
    if (found.isEmpty()) {
      return "cluster " + r.key() + " no longer exists";
    }
    Integer workers = found.get().workerInstances();
    // null: PKS omits the count of a cluster created with the plan default; nothing to compare then
    if (workers != null && workers != r.currentWorkers()) {
      return "cluster has " + workers + " workers, the proposal assumed " + r.currentWorkers();
    }
    if (r.proposedWorkers() == r.currentWorkers()) {
      return "the proposal does not change the size (" + r.currentWorkers() + " workers)";
    }
    if (otherRunning) {
      return "another resize of " + r.key() + " is already running";
    }
    return null;
  }

  /** The plan's limits, the same rule the ticketing API applies before it starts a manual resize. */
  private Optional<String> outsidePlan(ResizeRequest r, PksCluster cluster) {
    PksPlan plan = pks.plans(r.foundation()).stream().filter(p -> p.name().equals(cluster.planName())).findFirst()
        .orElse(null);
    return ResizeRules.withinPlan(r.foundation(), plan, r.proposedWorkers())
        .map(v -> "the proposed " + v.message());
  }

  private static boolean otherResizeRunning(DelegateExecution execution, ResizeRequest r) {
    return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(r.key()).list().stream()
        .anyMatch(pi -> !pi.getId().equals(execution.getProcessInstanceId()));
  }

  static boolean isProduction(PksCluster c) {
    return c.tags() != null && "production".equalsIgnoreCase(c.tags().get(ENVIRONMENT_TAG));
  }

  /** The application's chart of this cluster with the proposal drawn in (served by the clusters API). */
  static String chartUrl(ResizeRequest r) {
    return chartUrl(r.foundation(), r.cluster(), r.proposedWorkers());
  }

  /** {@code /api/v1/clusters/<foundation>/<cluster>/forecast.png[?proposed=N]}. */
  static String chartUrl(String foundation, String cluster, Integer proposed) {
    return "/api/v1/clusters/" + encode(foundation) + "/" + encode(cluster) + "/forecast.png"
        + (proposed == null ? "" : "?proposed=" + proposed);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
