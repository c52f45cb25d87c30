package io.pksorchestrator.resize;

import io.pksorchestrator.fixtures.InMemoryFoundation;
import io.pksorchestrator.fixtures.PksClusterBuilder;
import io.pksorchestrator.platform.pks.PksPlan;

import static io.pksorchestrator.resize.PredictiveResizeProcess.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Elements.*;
import static io.pksorchestrator.resize.PredictiveResizeProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.ForecastStatus;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.ScalingPlanner;
import io.pksorchestrator.operations.ClusterLeases;
import io.pksorchestrator.operations.LeaseHolder;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.platform.RetryableFoundationException;
import io.pksorchestrator.platform.metrics.DemandSample;
import io.pksorchestrator.platform.metrics.MetricsGateway;
import io.pksorchestrator.resize.ResizeProperties.ClusterOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The forecasting cycle against the in-memory engine (real RuntimeService, real tables on H2), fake PKS and
 * metrics, and simple forecaster and planner doubles: modes, the one-in-flight guard, failure isolation.
 */
@Deployment(resources = "bpmn/PredictiveResizeProcess.bpmn")
class ForecastCycleServiceTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = io.pksorchestrator.ProcessTestEngine.coverage().build();

  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private final InMemoryFoundation foundation = new InMemoryFoundation("lab", "down");
  private final InMemoryFoundation.Pks pks = foundation.pks;
  private final ResizeProperties settings = new ResizeProperties();
  private final List<String> brokenMetrics = new ArrayList<>();
  private JdbcTemplate jdbc;
  private RecommendationStore recommendations;
  private ResizeOutcomeStore outcomes;
  private ClusterLeases leases;
  private SuppressionStore suppressions;
  private ForecastCycleService cycle;

  @BeforeEach
  void setUp() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(NOW));
    jdbc = TestDatabase.create();
    settings.setDefaultMode(ClusterMode.FORECAST_AND_SCALE);
    settings.setHistoryRetention(Duration.ofHours(2));
    settings.setPlanNodeCores(Map.of("small", 4.0, "medium", 8.0, "large", 16.0));
    ClusterOverride batch = new ClusterOverride();
    batch.setFoundation("lab");
    batch.setName("batch-dev");
    batch.setMode(ClusterMode.FORECAST_ONLY);
    settings.setClusters(List.of(batch));
    pks.put("lab", PksClusterBuilder.cluster("web-staging").plan("medium").workers(3).tags(Map.of()).build());
    pks.put("lab", PksClusterBuilder.cluster("batch-dev").plan("small").workers(3).tags(Map.of()).build());
    pks.put("lab", PksClusterBuilder.cluster("steady").plan("medium").workers(4).tags(Map.of()).build());
    pks.put("lab", PksClusterBuilder.cluster("broken").plan("medium").workers(4).tags(Map.of()).build());
    pks.put("down", PksClusterBuilder.cluster("unreachable").plan("medium").workers(4).tags(Map.of()).build());
    pks.down.add("down");
    brokenMetrics.add("broken");

    InMemoryFoundation foundations = foundation;
    pks.plans.addAll(List.of(new PksPlan("p1", "small", "", 3, 1, 10), new PksPlan("p2", "medium", "", 3, 1, 20),
        new PksPlan("p3", "large", "", 3, 3, 50)));
    DemandHistoryStore history = new DemandHistoryStore(jdbc);
    recommendations = new RecommendationStore(jdbc);
    outcomes = new ResizeOutcomeStore(jdbc);
    DemandCollector collector = new DemandCollector(metrics(), history, settings, foundations);
    ClusterPlanning planning = new ClusterPlanning(collector, history, forecaster(), planner(), outcomes,
        foundations, settings);
    jdbc.execute("CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64) PRIMARY KEY)"); // lease liveness (engine stand-in)
    leases = new ClusterLeases(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
    suppressions = new SuppressionStore(jdbc);
    ResizeStarter starter = new ResizeStarter(runtimeService());
    cycle = new ForecastCycleService(foundations, pks, new ClusterPolicies(settings), planning, collector,
        recommendations, new ProposalGuards(leases, starter, outcomes, foundations, settings), suppressions, leases,
        starter, f -> NOW, settings, new ForecastBatchStore(jdbc));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void startsAResizeOnlyForScalableClustersWhoseTargetDiffersAndIsolatesFailures() {
    CycleSummary s = cycle.runCycle();

    assertThat(s.managedCount()).isEqualTo(4);
    assertThat(s.forecastsReadyCount()).isEqualTo(3);
    assertThat(s.resizesStartedCount()).isEqualTo(1);
    assertThat(s.clustersFailedCount()).isEqualTo(1);
    assertThat(s.failedFoundations()).containsExactly("down");

    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo("lab/web-staging");
    Map<String, Object> vars = runtimeService().getVariables(pi.getId());
    assertThat(vars).containsEntry(OperationVariables.FOUNDATION, "lab").containsEntry(CLUSTER_NAME, "web-staging")
        .containsEntry(CURRENT_WORKERS, 3).containsEntry(PROPOSED_WORKERS, 8).containsEntry(TRIGGER, "forecast")
        .containsEntry(OperationVariables.REQUESTED_BY, "forecast-scaler").containsEntry(PROPOSED_AT, Date.from(NOW))
        .containsKey(REASON);

    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
    assertThat(action("batch-dev")).isEqualTo(RecommendationAction.RECORDED_ONLY);
    assertThat(recommendations.find("lab", "batch-dev").orElseThrow().recommendedWorkers()).isEqualTo(10);
    assertThat(action("steady")).isEqualTo(RecommendationAction.NONE);
    Recommendation broken = recommendations.find("lab", "broken").orElseThrow();
    assertThat(broken.action()).isEqualTo(RecommendationAction.FAILED);
    assertThat(broken.reason()).contains("prometheus down");
    Recommendation web = recommendations.find("lab", "web-staging").orElseThrow();
    assertThat(web.foundationTime()).isEqualTo(NOW);
    assertThat(web.forecastUpperCores()).isEqualTo(45.0);
    assertThat(web.nodeCores()).isEqualTo(8.0);
  }

  @Test
  void doesNotStartASecondResizeWhileOneIsInFlight() {
    cycle.runCycle();
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(300)));
    CycleSummary second = cycle.runCycle();

    assertThat(second.resizesStartedCount()).isZero();
    assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("lab/web-staging")
        .count()).isEqualTo(1);
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_IN_FLIGHT);
  }

  @Test
  void holdsProposalsAfterARecentFailedResize() {
    outcomes.record(new ResizeOutcomeRecord("pi-1", "lab", "web-staging", NOW.minusSeconds(60), NOW, 3, 8,
        "forecast", 45.0, "failed", "PKS failed"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.HELD);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void aLeasedClusterGetsNoProposalAndEachSuppressionIsRecordedWithItsReason() {
    jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_) VALUES ('upgrade-1')");
    leases.acquire("lab", List.of("web-staging"), new LeaseHolder("upgrade-1", LeaseHolder.UPGRADE, "CHG-7"));
    CycleSummary first = cycle.runCycle();
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(300)));
    cycle.runCycle();

    assertThat(first.resizesStartedCount()).isZero();
    assertThat(first.suppressedCount()).isEqualTo(1);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    Recommendation web = recommendations.find("lab", "web-staging").orElseThrow();
    assertThat(web.action()).isEqualTo(RecommendationAction.LEASED);
    assertThat(web.reason()).contains("not proposed: the cluster is held by upgrade CHG-7 (operation upgrade-1)");
    assertThat(suppressions.recent("lab", "web-staging", 10)).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("LEASED");
      assertThat(e.times()).as("one episode, counted").isEqualTo(2);
      assertThat(e.holderId()).isEqualTo("upgrade-1");
      assertThat(e.currentWorkers()).isEqualTo(3);
      assertThat(e.proposedWorkers()).isEqualTo(8);
      assertThat(e.firstAt()).isEqualTo(NOW);
      assertThat(e.lastAt()).isEqualTo(NOW.plusSeconds(300));
    });

    leases.releaseAll("upgrade-1");
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(600)));
    assertThat(cycle.runCycle().resizesStartedCount()).as("proposed once the lease is released").isEqualTo(1);
  }

  @Test
  void aLeaseOfAnOperationThatNoLongerRunsIsReclaimedByTheCycle() {
    leases.acquire("lab", List.of("web-staging"), new LeaseHolder("gone-1", LeaseHolder.RESIZE, "lab/web-staging"));
    cycle.runCycle();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pkso_cluster_lease", Integer.class)).isZero();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
  }

  @Test
  void aRejectedProposalIsNotMadeAgainWithinTheBackoffUnlessTheNeedGrewBeyondTheMargin() {
    // rejected an hour ago at an upper quantile of 40 cores; now 45 cores (+12.5 %, under the 25 % margin)
    outcomes.record(new ResizeOutcomeRecord("pi-r1", "lab", "web-staging", NOW.minus(Duration.ofHours(1)), NOW, 3, 7,
        "forecast", 40.0, "not-approved", "Resize of lab/web-staging from 3 to 7 workers was not approved"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.REJECTION_BACKOFF);
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(suppressions.recent("lab", "web-staging", 1).get(0).reason())
        .contains("scale-up to 7 workers was rejected").contains("40.0 cores then, 45.0 cores now");

    // a scale-down rejection does not hold a scale-up
    outcomes.record(new ResizeOutcomeRecord("pi-r2", "lab", "web-staging", NOW.minus(Duration.ofMinutes(30)), NOW, 3,
        2, "forecast", 10.0, "not-approved", "no"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.REJECTION_BACKOFF);

    // after rejection-backoff (6 h of foundation time) the proposal comes back
    ClockUtil.setCurrentTime(Date.from(NOW.plus(settings.getRejectionBackoff()).minus(Duration.ofMinutes(59))));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
  }

  @Test
  void aNeedThatGrewBeyondTheMarginOverridesTheRejection() {
    // rejected at 30 cores; the forecast says 45 now (+50 %)
    outcomes.record(new ResizeOutcomeRecord("pi-r3", "lab", "web-staging", NOW.minus(Duration.ofHours(1)), NOW, 3, 5,
        "forecast", 30.0, "not-approved", "no"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
  }

  @Test
  void aManualResizeHoldsForecastProposalsUnlessTheDemandExceedsTheManualSize() {
    outcomes.record(new ResizeOutcomeRecord("pi-m1", "lab", "web-staging", NOW.minus(Duration.ofHours(2)), NOW, 3, 9,
        "manual", null, "resized", "Resized by a ticket"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.MANUAL_HOLD);
    assertThat(suppressions.recent("lab", "web-staging", 1).get(0).reason())
        .contains("resized manually to 9 workers").contains("it needs 8");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();

    // demand that needs more than the manual size is served at once
    outcomes.record(new ResizeOutcomeRecord("pi-m2", "lab", "web-staging", NOW.minus(Duration.ofHours(1)), NOW, 9, 6,
        "manual", null, "resized", "Resized by a ticket"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
  }

  @Test
  void aManualHoldEndsAfterTheHoldTime() {
    outcomes.record(new ResizeOutcomeRecord("pi-m3", "lab", "web-staging", NOW.minus(settings.getManualHold())
        .minusSeconds(1), NOW, 3, 9, "manual", null, "resized", "Resized by a ticket"));
    cycle.runCycle();
    assertThat(action("web-staging")).isEqualTo(RecommendationAction.RESIZE_STARTED);
  }

  @Test
  void clusterWithoutDemandIsRecordedWithoutAction() {
    brokenMetrics.clear();
    pks.put("lab", PksClusterBuilder.cluster("empty").plan("medium").workers(2).tags(Map.of()).build());
    cycle.runCycle();
    Recommendation r = recommendations.find("lab", "empty").orElseThrow();
    assertThat(r.forecastStatus()).isEqualTo("NO_DATA");
    assertThat(r.action()).isEqualTo(RecommendationAction.NONE);
  }

  @Test
  void batchesCoverEveryClusterExactlyOnceAlsoOnesCreatedOrDeletedAfterThePlanning() {
    settings.setCycleBatchSize(2);
    ForecastBatchStore store = new ForecastBatchStore(jdbc);
    int n = cycle.plan("cycle-1");

    assertThat(n).as("4 operational lab clusters in batches of 2").isEqualTo(2);
    assertThat(store.find("cycle-1", 0)).hasValueSatisfying(b -> {
      assertThat(b.foundation()).isEqualTo("lab");
      assertThat(b.afterCluster()).isNull();
      assertThat(b.lastCluster()).isEqualTo("broken");
      assertThat(b.plannedClusters()).isEqualTo(2);
    });
    assertThat(store.find("cycle-1", 1)).hasValueSatisfying(b -> {
      assertThat(b.afterCluster()).isEqualTo("broken");
      assertThat(b.lastCluster()).as("the last batch is open-ended").isNull();
    });

    // between the planning and the batches: one cluster created before the first name, one after the last, and
    // one gone; every cluster the batches see is forecast by exactly one of them
    pks.put("lab", PksClusterBuilder.cluster("aaa-new").plan("medium").workers(3).tags(Map.of()).build());
    pks.put("lab", PksClusterBuilder.cluster("zzz-new").plan("medium").workers(3).tags(Map.of()).build());
    pks.finishDeletion("lab", "steady");
    CycleSummary first = cycle.runBatch("cycle-1", 0);
    CycleSummary second = cycle.runBatch("cycle-1", 1);
    assertThat(first.managedCount()).as("aaa-new, batch-dev, broken").isEqualTo(3);
    assertThat(second.managedCount()).as("web-staging, zzz-new").isEqualTo(2);
    assertThat(recommendations.find("lab", "aaa-new")).isPresent();
    assertThat(recommendations.find("lab", "zzz-new")).isPresent();

    CycleSummary total = cycle.finish("cycle-1");
    assertThat(total.managedCount()).isEqualTo(5);
    assertThat(total.clustersFailedCount()).as("broken").isEqualTo(1);
    assertThat(total.failedFoundations()).as("its clusters could not be listed at the planning").containsExactly(
        "down");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pkso_forecast_batch", Integer.class))
        .as("the cycle's batches are deleted at its end").isZero();
  }

  @Test
  void theBatchesOfACycleThatNoLongerRunsAreDeletedByTheNextPlanning() {
    jdbc.update("INSERT INTO ACT_RU_EXECUTION (ID_) VALUES ('running-cycle')");
    cycle.plan("running-cycle");
    cycle.plan("deleted-cycle");
    cycle.plan("next-cycle");

    assertThat(jdbc.queryForList("SELECT DISTINCT cycle_id FROM pkso_forecast_batch ORDER BY cycle_id", String.class))
        .containsExactly("next-cycle", "running-cycle");
  }

  private RecommendationAction action(String cluster) {
    return recommendations.find("lab", cluster).orElseThrow().action();
  }

  /** Constant demand per cluster: web-staging 30, batch-dev 20, steady 16 cores; "empty" has none. */
  private MetricsGateway metrics() {
    Map<String, Double> demand = Map.of("web-staging", 30.0, "batch-dev", 20.0, "steady", 16.0, "broken", 1.0);
    return (foundation, cluster, from, to, step) -> {
      if (brokenMetrics.contains(cluster)) {
        throw new RetryableFoundationException(foundation, 503, "GET /api/v1/query_range: prometheus down", null);
      }
      List<DemandSample> out = new ArrayList<>();
      if (demand.containsKey(cluster)) {
        for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
          out.add(new DemandSample(t, demand.get(cluster)));
        }
      }
      return out;
    };
  }

  /** Upper quantile = 1.5 x the last observed demand. */
  private static Forecaster forecaster() {
    return (history, horizon) -> {
      double last = ClusterPlanning.lastObserved(history.values());
      double[] v = {last * 1.5};
      return new Forecast(ForecastStatus.READY, "stub", history.end().plus(history.step()), history.step(), v, v,
          v, 0.95, 0);
    };
  }

  /** Workers for the upper quantile at the policy's utilisation, at least the minimum. */
  private static ScalingPlanner planner() {
    return (input, policy) -> {
      double upper = input.forecast().maxUpper(policy.leadTime());
      int target = Math.max(policy.minWorkers(),
          (int) Math.ceil(upper / (policy.nodeAllocatableCores() * policy.targetUtilisation())));
      return new ScalingDecision(input.currentWorkers(), target, target, target, "stub: " + upper + " cores");
    };
  }
}
