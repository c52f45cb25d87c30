package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.platform.Foundations;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import io.pksorchestrator.platform.pks.PksGateway;
import io.pksorchestrator.platform.pks.PksPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A forecasting cycle over every managed cluster of every configured foundation, in batches: {@link #plan} cuts the
 * clusters into batches of at most {@code pkso.resize.cycle-batch-size} (ranges of cluster names per foundation),
 * {@link #runBatch} does one batch in its own job (per cluster: collect, forecast, plan, record the recommendation,
 * and start a resize where the mode and the {@link ProposalGuards} allow; a proposal they suppress is recorded with
 * its reason in {@link SuppressionStore}), and {@link #finish} sums the batches' counts and applies the retention.
 * The nodes of a cluster of orchestrators share the batches; a crash repeats at most the batch that was running. A
 * failing foundation or cluster is logged, recorded and counted; the others go on. The planning also reclaims the
 * leases of operations that no longer run.
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
  private final ProposalGuards guards;
  private final SuppressionStore suppressions;
  private final ClusterLeases leases;
  private final ResizeStarter starter;
  private final FoundationClock clock;
  private final ResizeProperties settings;
  private final ForecastBatchStore batches;

  public ForecastCycleService(Foundations foundations, PksGateway pks, ClusterPolicies policies,
      ClusterPlanning planning, DemandCollector collector, RecommendationStore recommendations,
      ProposalGuards guards, SuppressionStore suppressions, ClusterLeases leases, ResizeStarter starter,
      FoundationClock clock, ResizeProperties settings, ForecastBatchStore batches) {
    this.foundations = foundations;
    this.pks = pks;
    this.policies = policies;
    this.planning = planning;
    this.collector = collector;
    this.recommendations = recommendations;
    this.guards = guards;
    this.suppressions = suppressions;
    this.leases = leases;
    this.starter = starter;
    this.clock = clock;
    this.settings = settings;
    this.batches = batches;
  }

  /**
   * Runs a whole cycle in this thread: the planning, every batch, the end (tests and tools; the application runs
   * the batches as jobs of {@code ForecastScalingProcess}).
   */
  public CycleSummary runCycle() {
    String cycleId = "inline-" + UUID.randomUUID();
    int n = plan(cycleId);
    for (int i = 0; i < n; i++) {
      runBatch(cycleId, i);
    }
    return finish(cycleId);
  }

  /**
   * Plans the cycle {@code cycleId} (the process instance): reclaims orphaned leases and batches of cycles that no
   * longer run, lists every foundation's clusters and cuts each foundation's operational clusters, in name order,
   * into batches of at most {@code cycle-batch-size}. A foundation whose clusters cannot be listed is recorded as
   * failed. Returns the number of batches, numbered from 0.
   */
  public int plan(String cycleId) {
    try {
      leases.reclaimOrphans(); // the periodic reclaim: leases of operations that no longer run
    } catch (RuntimeException e) {
      LOG.warn("PKSO-RESIZE-005 Could not reclaim orphaned cluster leases: {}", e.getMessage());
    }
    try {
      batches.deleteOrphans();
    } catch (RuntimeException e) {
      LOG.warn("PKSO-RESIZE-007 Could not delete the batches of forecasting cycles that no longer run: {}",
          e.getMessage());
    }
    Instant wallNow = ClockUtil.getCurrentTime().toInstant();
    int size = Math.max(1, settings.getCycleBatchSize());
    List<ForecastBatch> planned = new ArrayList<>();
    int failures = 0;
    int clusters = 0;
    for (String foundation : new TreeSet<>(foundations.names())) {
      List<String> names;
      try {
        names = pks.clusters(foundation).stream().filter(ForecastCycleService::isOperational).map(PksCluster::name)
            .sorted().toList();
      } catch (RuntimeException e) {
        LOG.warn("PKSO-RESIZE-001 Forecasting cycle skipped foundation '{}': cannot list its clusters ({}). Check the"
            + " foundation's PKS API and credentials; other foundations go on.", foundation, e.getMessage());
        batches.foundationFailed(cycleId, failures++, foundation, wallNow);
        continue;
      }
      clusters += names.size();
      for (int from = 0; from < names.size(); from += size) {
        int to = Math.min(names.size(), from + size);
        planned.add(new ForecastBatch(cycleId, planned.size(), foundation, from == 0 ? null : names.get(from - 1),
            to == names.size() ? null : names.get(to - 1), to - from));
      }
    }
    batches.plan(planned, wallNow);
    LOG.info("PKSO-RESIZE-014 Forecasting cycle {} planned: {} clusters in {} batches of at most {}", cycleId,
        clusters, planned.size(), size);
    return planned.size();
  }

  /**
   * Forecasts and plans the clusters of one planned batch and records its counts (in the caller's transaction:
   * the batch's job). The foundation's clusters are listed again, so the batch sees their state now.
   */
  public CycleSummary runBatch(String cycleId, int batchNo) {
    ForecastBatch batch = batches.find(cycleId, batchNo).orElseThrow(() -> new IllegalStateException(
        "Forecasting cycle " + cycleId + " has no batch " + batchNo + " (its batches were deleted: the cycle no"
            + " longer runs or has ended)"));
    CycleSummary summary = new CycleSummary();
    String foundation = batch.foundation();
    List<PksCluster> clusters;
    Map<String, PksPlan> plans;
    try {
      clusters = pks.clusters(foundation);
      plans = pks.plans(foundation).stream().collect(Collectors.toMap(PksPlan::name, Function.identity(),
          (a, b) -> a));
    } catch (RuntimeException e) {
      LOG.warn("PKSO-RESIZE-001 Forecasting cycle skipped batch {} of foundation '{}': cannot list its clusters or"
          + " plans ({}). Check the foundation's PKS API and credentials; other batches go on.", batch.describe(),
          foundation, e.getMessage());
      batches.done(batch, summary, true, ClockUtil.getCurrentTime().toInstant());
      return summary;
    }
    Instant foundationNow = clock.now(foundation);
    for (PksCluster cluster : clusters.stream().sorted(Comparator.comparing(PksCluster::name)).toList()) {
      if (!batch.covers(cluster.name()) || !isOperational(cluster)) {
        continue;
      }
      summary.managed();
      cycleCluster(policies.manage(foundation, cluster, plans), foundationNow, summary);
    }
    batches.done(batch, summary, false, ClockUtil.getCurrentTime().toInstant());
    LOG.debug("PKSO-RESIZE-015 Forecasting batch {} of cycle {} done: {}", batch.describe(), cycleId, summary);
    return summary;
  }

  /**
   * Ends a cycle: sums its batches' counts, applies the demand history and suppression retention to each foundation
   * it forecast, and deletes its batches.
   */
  public CycleSummary finish(String cycleId) {
    CycleSummary summary = batches.summary(cycleId);
    for (String foundation : batches.foundations(cycleId)) {
      try {
        collector.applyRetention(foundation, clock.now(foundation));
        suppressions.deleteBefore(foundation, ClockUtil.getCurrentTime().toInstant()
            .minus(foundations.toWallTime(foundation, settings.getHistoryRetention())));
      } catch (RuntimeException e) {
        LOG.warn("PKSO-RESIZE-002 Demand history retention failed on foundation '{}': {}", foundation,
            e.getMessage());
      }
    }
    batches.delete(cycleId);
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
      Decided decided = act(mc, p, wallNow);
      if (decided.action() == RecommendationAction.RESIZE_STARTED) {
        summary.resizeStarted();
      } else if (decided.suppression() != null) {
        summary.suppressed();
      }
      String reason = decided.suppression() == null ? p.decision().reason()
          : p.decision().reason() + "; not proposed: " + decided.suppression().reason();
      save(mc, wallNow, p, decided.action(), p.forecast().status().name(), reason);
    } catch (RuntimeException e) {
      summary.clusterFailed();
      LOG.warn("PKSO-RESIZE-003 Forecasting cycle failed for cluster '{}': {}. The cluster keeps its size; the"
          + " next cycle tries again. Check the foundation's metrics source and PKS API.", mc.key(), e.toString());
      save(mc, wallNow, null, RecommendationAction.FAILED, "ERROR", String.valueOf(e.getMessage()));
    }
  }

  /** What the cycle did for a cluster; {@code suppression} when it did not start the resize it recommends. */
  private record Decided(RecommendationAction action, ProposalSuppression suppression) {}

  private Decided act(ManagedCluster mc, ClusterPlan p, Instant wallNow) {
    ScalingDecision d = p.decision();
    if (!d.isChange()) {
      return new Decided(RecommendationAction.NONE, null);
    }
    if (mc.mode() == ClusterMode.FORECAST_ONLY) {
      return new Decided(RecommendationAction.RECORDED_ONLY, null);
    }
    Optional<ProposalSuppression> suppressed = guards.check(mc, p, wallNow);
    if (suppressed.isPresent()) {
      ProposalSuppression s = suppressed.get();
      LOG.info("PKSO-RESIZE-012 Not proposing {} -> {} workers for '{}' ({}): {}", mc.currentWorkers(),
          d.targetWorkers(), mc.key(), s.kind(), s.reason());
      try {
        suppressions.record(mc.foundation(), mc.name(), wallNow, p.foundationTime(), mc.currentWorkers(),
            d.targetWorkers(), s);
      } catch (RuntimeException e) {
        LOG.warn("PKSO-RESIZE-006 Cannot record the suppressed proposal of '{}': {}", mc.key(), e.getMessage());
      }
      return new Decided(s.kind(), s);
    }
    Double upper = Double.isNaN(p.forecastUpperCores()) ? null : p.forecastUpperCores();
    String id = starter.start(new ResizeProposal(mc.foundation(), mc.name(), mc.currentWorkers(),
        d.targetWorkers(), d.reason(), wallNow, upper));
    LOG.info("PKSO-RESIZE-011 Proposed resize of '{}' from {} to {} workers (process instance {}): {}", mc.key(),
        mc.currentWorkers(), d.targetWorkers(), id, d.reason());
    return new Decided(RecommendationAction.RESIZE_STARTED, null);
  }

  /** Clusters being created or deleted, or whose creation failed, are not forecast. */
  static boolean isOperational(PksCluster c) {
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
