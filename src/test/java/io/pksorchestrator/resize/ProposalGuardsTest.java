package io.pksorchestrator.resize;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.fixtures.PksClusterBuilder;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.ScalingPolicy;
import io.pksorchestrator.operations.ClusterLease;
import io.pksorchestrator.platform.pks.ActionState;
import io.pksorchestrator.platform.pks.PksCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resize feature's limiter rules on tables of facts: which rule holds a proposal back, and in what order. */
class ProposalGuardsTest {

  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  private final ResizeProperties settings = new ResizeProperties(); // rejection 6 h / 25 %, manual 24 h, failure 1 h

  /**
   * Facts given as text: minutes ago of each recorded outcome (-1 = none), so that {@code within} compares them with
   * the foundation time (time scale 1).
   */
  private record TableFacts(boolean leased, boolean inFlight, int failedMinutesAgo, int rejectedMinutesAgo,
      boolean rejectedUp, double rejectedUpper, int manualMinutesAgo, int manualWorkers)
      implements ProposalGuards.Facts {

    @Override
    public Optional<ClusterLease> lease() {
      return leased ? Optional.of(new ClusterLease("lab", "web", "upgrade-1", "upgrade", "CHG-7", NOW)) : Optional.empty();
    }

    @Override
    public boolean resizeInFlight() {
      return inFlight;
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestOutcome() {
      return failedMinutesAgo < 0 ? Optional.empty() : Optional.of(new ResizeOutcomeRecord("pi-f", "lab", "web",
          NOW.minus(Duration.ofMinutes(failedMinutesAgo)), NOW, 3, 8, "forecast", 45.0, "failed", "PKS failed"));
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestRejected(boolean up) {
      return rejectedMinutesAgo < 0 || up != rejectedUp ? Optional.empty() : Optional.of(new ResizeOutcomeRecord(
          "pi-r", "lab", "web", NOW.minus(Duration.ofMinutes(rejectedMinutesAgo)), NOW, 3, up ? 7 : 2, "forecast",
          rejectedUpper < 0 ? null : rejectedUpper, "not-approved", "no"));
    }

    @Override
    public Optional<ResizeOutcomeRecord> latestManualResize() {
      return manualMinutesAgo < 0 ? Optional.empty() : Optional.of(new ResizeOutcomeRecord("pi-m", "lab", "web",
          NOW.minus(Duration.ofMinutes(manualMinutesAgo)), NOW, 3, manualWorkers, "manual", null, "resized", "ok"));
    }

    @Override
    public boolean within(ResizeOutcomeRecord o, Duration foundationTime) {
      return o.recordedAt().plus(foundationTime).isAfter(NOW);
    }
  }

  private static ManagedCluster cluster(boolean busy) {
    PksCluster c = PksClusterBuilder.cluster("web").plan("medium")
        .lastAction(busy ? "UPDATE" : "CREATE", busy ? ActionState.IN_PROGRESS : ActionState.SUCCEEDED, "").build();
    return new ManagedCluster("lab", c, ClusterMode.FORECAST_AND_SCALE, new ScalingPolicy(8, 1.0, 1, 50, 10,
        Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(30), 0), 3);
  }

  /** From 3 workers to {@code target}; upper quantile 45 cores (NaN = no forecast); demand now needs {@code now}. */
  private static ClusterPlan plan(int target, double upper, int neededNow) {
    return new ClusterPlan(NOW, neededNow * 8.0, Forecast.insufficientHistory(NOW, Duration.ofMinutes(5)), upper,
        new ScalingDecision(3, target, neededNow, target, "test"));
  }

  /**
   * Table: leased, resize in flight, PKS busy, failed resize (minutes ago), rejected proposal (minutes ago,
   * direction up, its upper quantile; -1 = none), manual resize (minutes ago, to workers), proposal (target, upper,
   * needed-now workers), expected suppression kind ("-" = may start), expected reason fragment.
   */
  @ParameterizedTest(name = "[{index}] {14}")
  @CsvSource(delimiter = '|', value = {
      "false | false | false | -1  | -1  | true  | -1 | -1   | 0 | 8 | 45  | 4 | -                 | -                                    | nothing holds it",
      "true  | true  | true  | 10  | 10  | true  | 40 | 10   | 9 | 8 | 45  | 4 | LEASED            | held by upgrade CHG-7 (operation upgrade-1) | the lease comes first",
      "false | true  | true  | 10  | -1  | true  | -1 | -1   | 0 | 8 | 45  | 4 | RESIZE_IN_FLIGHT  | already running                      | then a running resize",
      "false | false | true  | 10  | -1  | true  | -1 | -1   | 0 | 8 | 45  | 4 | HELD              | PKS is busy with the cluster (UPDATE in progress) | then PKS busy",
      "false | false | false | 10  | -1  | true  | -1 | -1   | 0 | 8 | 45  | 4 | HELD              | failure-backoff PT1H                 | a failure within the back-off",
      "false | false | false | 61  | -1  | true  | -1 | -1   | 0 | 8 | 45  | 4 | -                 | -                                    | a failure after the back-off",
      "false | false | false | -1  | 60  | true  | 40 | -1   | 0 | 8 | 45  | 4 | REJECTION_BACKOFF | 40.0 cores then, 45.0 cores now      | a rejection, need up 12.5 %",
      "false | false | false | -1  | 60  | true  | 30 | -1   | 0 | 8 | 45  | 4 | -                 | -                                    | a rejection, need up 50 %",
      "false | false | false | -1  | 60  | true  | 40 | -1   | 0 | 8 | NaN | 4 | REJECTION_BACKOFF | 8 workers now                        | without a forecast, workers compare",
      "false | false | false | -1  | 60  | false | 10 | -1   | 0 | 8 | 45  | 4 | -                 | -                                    | a scale-down rejection does not hold a scale-up",
      "false | false | false | -1  | 361 | true  | 40 | -1   | 0 | 8 | 45  | 4 | -                 | -                                    | a rejection after the back-off",
      "false | false | false | -1  | -1  | true  | -1 | 120  | 9 | 8 | 45  | 4 | MANUAL_HOLD       | resized manually to 9 workers        | a manual resize holds",
      "false | false | false | -1  | -1  | true  | -1 | 120  | 4 | 8 | 45  | 4 | MANUAL_HOLD       | it needs 4                           | also a scale-up the demand now does not need beyond its size",
      "false | false | false | -1  | -1  | true  | -1 | 120  | 4 | 8 | 45  | 6 | -                 | -                                    | unless the demand now needs more",
      "false | false | false | -1  | -1  | true  | -1 | 1441 | 9 | 8 | 45  | 4 | -                 | -                                    | a manual hold ends"})
  void holdsBack(boolean leased, boolean inFlight, boolean busy, int failedAgo, int rejectedAgo, boolean rejectedUp,
      double rejectedUpper, int manualAgo, int manualWorkers, int target, double upper, int neededNow, String kind,
      String fragment, String name) {
    TableFacts facts = new TableFacts(leased, inFlight, failedAgo, rejectedAgo, rejectedUp, rejectedUpper, manualAgo,
        manualWorkers);
    ManagedCluster mc = cluster(busy);
    ClusterPlan p = plan(target, upper, neededNow);
    Optional<ProposalSuppression> first = ProposalGuards.RULES.stream()
        .map(rule -> rule.check(mc, p, facts, settings)).flatMap(Optional::stream).findFirst();
    if (kind.equals("-")) {
      assertThat(first).isEmpty();
    } else {
      assertThat(first).hasValueSatisfying(s -> {
        assertThat(s.kind()).isEqualTo(RecommendationAction.valueOf(kind));
        assertThat(s.reason()).contains(fragment);
      });
    }
  }

  @ParameterizedTest(name = "{0} is checked in its place")
  @CsvSource({"LEASED, 0", "RESIZE_IN_FLIGHT, 1", "PKS_BUSY, 2", "FAILURE_BACKOFF, 3", "REJECTION_BACKOFF, 4",
      "MANUAL_HOLD, 5"})
  void rulesAreCheckedInTheDocumentedOrder(String rule, int position) {
    Map<ProposalGuards.Rule, String> names = Map.of(ProposalGuards.LEASED, "LEASED", ProposalGuards.RESIZE_IN_FLIGHT,
        "RESIZE_IN_FLIGHT", ProposalGuards.PKS_BUSY, "PKS_BUSY", ProposalGuards.FAILURE_BACKOFF, "FAILURE_BACKOFF",
        ProposalGuards.REJECTION_BACKOFF, "REJECTION_BACKOFF", ProposalGuards.MANUAL_HOLD, "MANUAL_HOLD");
    List<String> order = ProposalGuards.RULES.stream().map(names::get).collect(Collectors.toList());
    assertThat(order.get(position)).isEqualTo(rule);
    assertThat(order).hasSize(names.size());
  }

}
