package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One forecasting cycle over every managed cluster of every configured foundation, inside one job: per cluster
 * collect, forecast, plan, record the recommendation, and start a resize where the mode allows and none is in
 * flight. A failing foundation or cluster is logged, recorded and counted; the others go on.
 */
@Service
public class ForecastCycleService {

  private static final Logger LOG = LoggerFactory.getLogger(ForecastCycleService.class);

  private final Foundations foundations;
  private final PksGateway pks;
  private final ClusterPolicies policies;
  private final ClusterPlanning planning;
  private final DemandCollector collector;
  private final RecommendationStore recommendations;
  private final ResizeOutcomeStore outcomes;
  private final ResizeStarter starter;
  private final FoundationClock clock;
  private final ResizeProperties settings;

  public ForecastCycleService(Foundations foundations, PksGateway pks, ClusterPolicies policies,
      ClusterPlanning planning, DemandCollector collector, RecommendationStore recommendations,
      ResizeOutcomeStore outcomes, ResizeStarter starter, FoundationClock clock, ResizeProperties settings) {
    this.foundations = foundations;
    this.pks = pks;
    this.policies = policies;
    this.planning = planning;
    this.collector = collector;
    this.recommendations = recommendations;
    this.outcomes = outcomes;
    this.starter = starter;
    this.clock = clock;
    this.settings = settings;
  }

  /** Runs one cycle and returns its counts. */
  public CycleSummary runCycle() {
    CycleSummary summary = new CycleSummary();
    for (String foundation : new TreeSet<>(foundations.names())) {
      List<PksCluster> clusters;
      Map<String, PksPlan> plans;
      try {
        clusters = pks.clusters(foundation);
        plans = pks.plans(foundation).stream().collect(Collectors.toMap(PksPlan::name, Function.identity(),
            (a, b) -> a));
      } catch (RuntimeException e) {
        LOG.warn("PKSO-RESIZE-001 Forecasting cycle skipped foundation '{}': cannot list its clusters or plans"
            + " ({}). Check the foundation's PKS API and credentials; other foundations go on.", foundation,
            e.getMessage());
        summary.foundationFailed(foundation);
        continue;
      }
      Instant foundationNow = clock.now(foundation);
      for (PksCluster cluster : clusters) {
        if (!isOperational(cluster)) {
          continue;
        }
        summary.managed();
        cycleCluster(policies.manage(foundation, cluster, plans), foundationNow, summary);
      }
      try {
        collector.applyRetention(foundation, foundationNow);
      } catch (RuntimeException e) {
        LOG.warn("PKSO-RESIZE-002 Demand history retention failed on foundation '{}': {}", foundation,
            e.getMessage());
      }
    }
    LOG.info("PKSO-RESIZE-010 Forecasting cycle done: {}", summary);
    return summary;
  }

  private void cycleCluster(ManagedCluster mc, Instant foundationNow, CycleSummary summary) {
    Instant wallNow = ClockUtil.getCurrentTime().toInstant();
    try {
      Optional<ClusterPlan> plan = planning.plan(mc, foundationNow);
      if (plan.isEmpty()) {
        save(mc, wallNow, null, RecommendationAction.NONE, "NO_DATA",
            "no demand history yet: the metrics source returned no samples for this cluster");
        return;
      }
      ClusterPlan p = plan.get();
      if (p.forecast().isReady()) {
        summary.forecastReady();
      }
      RecommendationAction action = act(mc, p, wallNow);
      if (action == RecommendationAction.RESIZE_STARTED) {
        summary.resizeStarted();
      }
      save(mc, wallNow, p, action, p.forecast().status().name(), p.decision().reason());
    } catch (RuntimeException e) {
      summary.clusterFailed();
      LOG.warn("PKSO-RESIZE-003 Forecasting cycle failed for cluster '{}': {}. The cluster keeps its size; the"
          + " next cycle tries again. Check the foundation's metrics source and PKS API.", mc.key(), e.toString());
      save(mc, wallNow, null, RecommendationAction.FAILED, "ERROR", String.valueOf(e.getMessage()));
    }
  }

  private RecommendationAction act(ManagedCluster mc, ClusterPlan p, Instant wallNow) {
    ScalingDecision d = p.decision();
    if (!d.isChange()) {
      return RecommendationAction.NONE;
    }
    if (mc.mode() == ClusterMode.FORECAST_ONLY) {
      return RecommendationAction.RECORDED_ONLY;
    }
    if (starter.inFlight(mc.foundation(), mc.name())) {
      return RecommendationAction.RESIZE_IN_FLIGHT;
    }
    if (mc.cluster().isBusy() || recentlyFailed(mc, wallNow)) {
      return RecommendationAction.HELD;
    }
    Double upper = Double.isNaN(p.forecastUpperCores()) ? null : p.forecastUpperCores();
    String id = starter.start(new ResizeProposal(mc.foundation(), mc.name(), mc.currentWorkers(),
        d.targetWorkers(), d.reason(), wallNow, upper));
    LOG.info("PKSO-RESIZE-011 Proposed resize of '{}' from {} to {} workers (process instance {}): {}", mc.key(),
        mc.currentWorkers(), d.targetWorkers(), id, d.reason());
    return RecommendationAction.RESIZE_STARTED;
  }

  /** A failed resize holds new proposals for the failure back-off (foundation time). */
  private boolean recentlyFailed(ManagedCluster mc, Instant wallNow) {
    Duration backoff = foundations.toWallTime(mc.foundation(), settings.getFailureBackoff());
    return outcomes.latest(mc.foundation(), mc.name())
        .filter(o -> OperationOutcome.FAILED.value().equals(o.outcome()))
        .filter(o -> o.recordedAt().plus(backoff).isAfter(wallNow))
        .isPresent();
  }

  /** Clusters being created or deleted, or whose creation failed, are not forecast. */
  private static boolean isOperational(PksCluster c) {
    if ("DELETE".equals(c.lastAction())) {
      return false;
    }
    return !"CREATE".equals(c.lastAction()) || c.lastActionState() == ActionState.SUCCEEDED;
  }

  private void save(ManagedCluster mc, Instant wallNow, ClusterPlan p, RecommendationAction action,
      String status, String reason) {
    try {
      recommendations.save(new Recommendation(mc.foundation(), mc.name(), wallNow,
          p == null ? null : p.foundationTime(), mc.mode(), mc.cluster().planName(), mc.currentWorkers(),
          p == null ? null : p.decision().targetWorkers(), p == null ? null : p.decision().neededNowWorkers(),
          status, p == null ? null : p.forecast().model(), p == null ? null : finite(p.demandNowCores()),
          p == null ? null : finite(p.forecastUpperCores()), mc.policy().nodeAllocatableCores(), action, reason));
    } catch (RuntimeException e) {
      LOG.warn("PKSO-RESIZE-004 Cannot record the recommendation of '{}': {}", mc.key(), e.getMessage());
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
