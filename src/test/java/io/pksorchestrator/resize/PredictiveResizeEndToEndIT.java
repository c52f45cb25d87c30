package io.pksorchestrator.resize;

import io.pksorchestrator.PlatformTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.ScalingInput;
import io.pksorchestrator.forecast.ScalingPlanner;
import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.operations.OperationOutcome;
import io.pksorchestrator.operations.OperationVariables;
import io.pksorchestrator.simulator.SimulatedFoundation;
import io.pksorchestrator.simulator.core.ServingRecord.MinuteSample;
import io.pksorchestrator.simulator.metrics.Workloads.DailyPeak;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5's end-to-end test: the whole application (job executor on, Feign over HTTP) against the simulated
 * foundation "lab" at speed 60 (a wall second is a simulated minute). A medium cluster sized for the trough of a
 * daily cycle (3 workers, 12 cores of demand) has a week of demand history with a steep busy period every day at
 * the same time (12 → 34 cores within 5 minutes). Today's rise comes about 40 simulated minutes after the test
 * starts. The timer-driven ForecastScalingProcess forecasts it and the auto-approved PredictiveResizeProcess
 * patches the cluster through the PKS API; the simulator's own records (serving record, demand) must show the new
 * workers serving before demand first exceeds the old workers' cores.
 *
 * <p>"Exceeds the capacity" uses the product's definitions: a worker offers its plan's allocatable cores
 * ({@code plan-node-cores.medium} = 8), the planner's {@code neededNow} and the replay benchmark count a minute as
 * under-provisioned when demand &gt; serving workers × node cores (utilisation 1.0); {@code target-utilisation}
 * (0.8) is the headroom the planner plans with, not the definition of a shortage.
 *
 * <p>The test also replays the same demand through the product's own planner with no forecast (the planner's
 * reactive path: last observed value at target utilisation), deciding every simulated minute and waiting only
 * for PKS to boot the workers (no orchestration latency): that reactive policy must have been late, so the scenario
 * proves prediction and not a rise any policy would catch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "pkso.simulator.enabled=true",
    "pkso.simulator.speed=60",
    // a week of back-filled history for the lab's own clusters keeps the first cycle cheap (default 28 days)
    "pkso.simulator.history=7d",
    // a cycle every 5 wall seconds = 5 simulated minutes, which is also the decision interval (as in production)
    "pkso.resize.forecast-cycle=R/PT5S",
    "pkso.resize.decision-interval=PT5M",
    // At 60x a wall second of engine and HTTP latency is a simulated minute: the lead time the planner must cover
    // is PKS's 4 simulated minutes of booting plus the cycle and process latency (several wall seconds when the
    // 2-core CI machine is busy), so 20 simulated minutes, not production's 10.
    "pkso.resize.lead-time=PT20M",
    // only the test's cluster is resized; the lab's clusters are forecast but left alone
    "pkso.resize.default-mode=forecast-only",
    "pkso.resize.clusters[0].foundation=lab",
    "pkso.resize.clusters[0].name=" + PredictiveResizeEndToEndIT.CLUSTER,
    "pkso.resize.clusters[0].mode=forecast-and-scale",
    // the operators' bound for this cluster: keeps every proposal within the DMN's automatic +1..+5
    "pkso.resize.clusters[0].max-workers=8"})
class PredictiveResizeEndToEndIT {

  static final String FOUNDATION = "lab";
  static final String CLUSTER = "checkout-web";
  static final String PLAN = "medium";
  static final int OLD_WORKERS = 3;
  static final double TROUGH_CORES = 12;
  static final double PEAK_CORES = 34;
  /** Simulated time from the start of the test to today's rise. */
  static final Duration RISE_AFTER = Duration.ofMinutes(40);
  /** How long after demand first exceeds the old capacity the serving record is checked. */
  static final Duration WATCHED_AFTER_RISE = Duration.ofMinutes(25);
  static final Duration MINUTE = Duration.ofMinutes(1);

  /** Chosen once: the property supplier is read more than once, and every reader must see the same port. */
  static final int SIMULATOR_PORT = PlatformTestSupport.freePort();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pkso.simulator.port", () -> SIMULATOR_PORT);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:resize-e2e;DB_CLOSE_DELAY=-1");
  }

  @Autowired SimulatedFoundation simulator;
  @Autowired HistoryService history;
  @Autowired ResizeProperties settings;
  @Autowired ScalingPlanner planner;
  @Autowired FoundationClock foundationClock;

  @Test
  void workersServeBeforeTheDailyRiseExceedsTheOldCapacity() {
    Instant t0 = simulator.now();
    Duration clockSkew = Duration.between(t0, foundationClock.now(FOUNDATION));
    Instant riseStart = t0.plus(RISE_AFTER).truncatedTo(ChronoUnit.MINUTES);
    DailyPeak workload = new DailyPeak(TROUGH_CORES, PEAK_CORES, LocalTime.ofInstant(riseStart, ZoneOffset.UTC),
        Duration.ofMinutes(5), Duration.ofMinutes(60), Duration.ofMinutes(15), 0.03, t0.minus(Duration.ofDays(7)));
    simulator.run(() -> {
      simulator.workloads().define(CLUSTER, workload);
      simulator.pks().provision(CLUSTER, PLAN, OLD_WORKERS, Map.of("environment", "staging"), "1.19.2-build.10",
          "1.28.7");
    });
    double nodeCores = settings.nodeCoresOf(PLAN);
    double oldCapacity = OLD_WORKERS * nodeCores;
    Instant from = t0.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
    Instant exceeded = firstMinute(from, riseStart.plus(Duration.ofHours(1)), m -> demand(m) > oldCapacity);
    Instant watchedUntil = exceeded.plus(WATCHED_AFTER_RISE);
    assertThat(maxDemand(from, riseStart)).as("sized for the trough: demand before the rise within the old workers"
        + " at target utilisation").isLessThanOrEqualTo(oldCapacity * settings.getTargetUtilisation());

    await("simulated time past the rise").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
        .until(() -> simulator.now().isAfter(watchedUntil));
    HistoricProcessInstance resize = await("a finished PredictiveResizeProcess of " + key())
        .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
        .until(this::firstFinishedResize, Optional::isPresent).orElseThrow();
    int newWorkers = (Integer) variable(resize, PredictiveResizeProcess.Variables.PROPOSED_WORKERS);
    String reason = (String) variable(resize, PredictiveResizeProcess.Variables.REASON);

    // the simulator's serving record per simulated minute (the lowest serving-worker count within each minute)
    List<MinuteSample> minutes = simulator.call(() -> simulator.serving().perMinute(CLUSTER, from, watchedUntil));
    Instant patched = firstMinute(minutes, s -> s.workers() > OLD_WORKERS);
    Instant serving = firstMinute(minutes, s -> s.minServingWorkers() >= newWorkers);
    Instant reactiveDecision = firstReactiveScaleUp(from, watchedUntil, nodeCores);
    Instant reactiveServing = reactiveDecision.plus(simulator.properties().getDurations().getUpdate());
    long reactiveShortMinutes = minutesBetween(exceeded, reactiveServing).stream()
        .filter(m -> demand(m) > oldCapacity).count();
    String figures = String.format(Locale.ROOT, "%s: clock skew (product - simulator) %ds; rise starts %s; demand >"
            + " %.1f (a reactive scale-up) %s; demand > %.0f (old capacity) %s; PATCH %s (%d -> %d workers); new"
            + " workers serving %s; margin %s simulated minutes; reactive workers would serve %s with %d"
            + " under-provisioned minutes; reason: %s", key(), clockSkew.toSeconds(), riseStart,
        oldCapacity * settings.getTargetUtilisation(), reactiveDecision, oldCapacity, exceeded, patched, OLD_WORKERS,
        newWorkers, serving, serving == null ? "-" : Duration.between(serving, exceeded).toMinutes(),
        reactiveServing, reactiveShortMinutes, reason);
    System.out.println("PKSO-E2E predictive resize of " + figures);

    // the resize went through the product's processes: cycle-triggered, auto-approved, PATCH, BOSH verified
    assertThat(resize.getEndActivityId()).as(figures).isEqualTo(PredictiveResizeProcess.Elements.END_RESIZED);
    assertThat(variable(resize, OperationVariables.OUTCOME)).isEqualTo(OperationOutcome.RESIZED.value());
    assertThat(variable(resize, PredictiveResizeProcess.Variables.TRIGGER)).isEqualTo(PredictiveResizeProcess.Trigger.FORECAST);
    assertThat(variable(resize, PredictiveResizeProcess.Variables.APPROVAL_REQUIRED)).isEqualTo(false);
    assertThat(variable(resize, PredictiveResizeProcess.Variables.CURRENT_WORKERS)).isEqualTo(OLD_WORKERS);
    assertThat(newWorkers).isGreaterThan(OLD_WORKERS);

    // ahead of the rise: at the first minute demand exceeds the old workers' cores, the new workers serve
    assertThat(minutes).as("a serving record for every minute").hasSize(
        (int) Duration.between(from, watchedUntil).toMinutes() + 1);
    assertThat(sample(minutes, exceeded).minServingWorkers()).as("workers serving at the first minute demand"
        + " exceeds the old capacity; " + figures).isGreaterThanOrEqualTo(newWorkers);
    assertThat(serving).as("new workers serving before the rise; " + figures).isNotNull().isBefore(exceeded);
    assertThat(underProvisioned(minutes, nodeCores)).as("under-provisioned minutes; " + figures).isEmpty();
    assertThat(reason).as("decided on a ready forecast, not reactively").startsWith("forecast (");

    // and the scenario needs prediction: the product's planner without a forecast, deciding every minute and
    // waiting for nothing but PKS's boot time, would have been late
    assertThat(reactiveServing).as("a reactive policy's workers would serve after the rise").isAfter(exceeded);
    assertThat(reactiveShortMinutes).as("under-provisioned minutes of the reactive policy").isPositive();
    assertThat(patched).as("the product patched the cluster before a reactive policy noticed anything")
        .isBefore(reactiveDecision);
  }

  /** Minutes whose demand exceeds the cores of the workers serving throughout the minute. */
  private List<String> underProvisioned(List<MinuteSample> minutes, double nodeCores) {
    List<String> shortMinutes = new ArrayList<>();
    for (MinuteSample s : minutes) {
      double d = demand(s.minute());
      if (d > s.minServingWorkers() * nodeCores) {
        shortMinutes.add(s.minute() + ": " + d + " cores > " + s.minServingWorkers() + " workers");
      }
    }
    return shortMinutes;
  }

  /**
   * The first minute the product's planner, given no forecast (its reactive path: the last observed value at the
   * target utilisation, never below what demand needs now), would scale the old cluster up.
   */
  private Instant firstReactiveScaleUp(Instant from, Instant to, double nodeCores) {
    ScalingPolicy policy = new ScalingPolicy(nodeCores, settings.getTargetUtilisation(), OLD_WORKERS, 8,
        settings.getMaxStep(), settings.getLeadTime(), settings.getDecisionInterval(), settings.getCooldown(),
        settings.getScaleDownHysteresis());
    return firstMinute(from, to, m -> planner.plan(new ScalingInput(m, OLD_WORKERS,
        new DemandSeries(m, MINUTE, new double[] {demand(m)}), Forecast.insufficientHistory(m, MINUTE), null, null),
        policy).targetWorkers() > OLD_WORKERS);
  }

  private static Instant firstMinute(List<MinuteSample> minutes, Predicate<MinuteSample> condition) {
    return minutes.stream().filter(condition).findFirst().map(MinuteSample::minute).orElse(null);
  }

  private Optional<HistoricProcessInstance> firstFinishedResize() {
    return history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PredictiveResizeProcess.KEY).processInstanceBusinessKey(key()).finished()
        .orderByProcessInstanceStartTime().asc().list().stream().findFirst();
  }

  private Object variable(HistoricProcessInstance pi, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  /** Demand the simulator's Prometheus serves for {@code t} (cores of pod requests). */
  private double demand(Instant t) {
    return simulator.call(() -> simulator.workloads().demand(CLUSTER, t).orElseThrow());
  }

  private double maxDemand(Instant from, Instant to) {
    return minutesBetween(from, to).stream().mapToDouble(this::demand).max().orElseThrow();
  }

  private static Instant firstMinute(Instant from, Instant to, Predicate<Instant> condition) {
    return minutesBetween(from, to).stream().filter(condition).findFirst()
        .orElseThrow(() -> new AssertionError("no minute in [" + from + ", " + to + ") matches"));
  }

  private static List<Instant> minutesBetween(Instant from, Instant to) {
    List<Instant> minutes = new ArrayList<>();
    for (Instant m = from; m.isBefore(to); m = m.plus(MINUTE)) {
      minutes.add(m);
    }
    return minutes;
  }

  private static MinuteSample sample(List<MinuteSample> minutes, Instant minute) {
    return minutes.stream().filter(s -> s.minute().equals(minute)).findFirst()
        .orElseThrow(() -> new AssertionError("no serving record for " + minute));
  }

  private static String key() {
    return PredictiveResizeProcess.businessKey(FOUNDATION, CLUSTER);
  }

}
