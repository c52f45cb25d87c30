package io.pksorchestrator.resize;

import io.pksorchestrator.fixtures.InMemoryFoundation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.platform.metrics.DemandSample;
import io.pksorchestrator.platform.metrics.MetricsGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** History store and incremental collection on H2 with the real migrations. */
class DemandHistoryStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(5);

  private JdbcTemplate jdbc;
  private DemandHistoryStore store;
  private final ResizeProperties settings = new ResizeProperties();
  private final List<String> queries = new ArrayList<>();
  /** The metrics source's present: it has no sample after it. */
  private Instant present = Instant.MAX;

  @BeforeEach
  void setUp() {
    jdbc = TestDatabase.create();
    store = new DemandHistoryStore(jdbc);
  }

  @Test
  void compactionKeepsThePeakOfEachStep() {
    List<DemandSample> raw = List.of(new DemandSample(T0, 1), new DemandSample(T0.plusSeconds(60), 7),
        new DemandSample(T0.plusSeconds(240), 2), new DemandSample(T0.plusSeconds(300), 3),
        new DemandSample(T0.plusSeconds(360), Double.NaN));
    assertThat(DemandHistoryStore.compact(raw, STEP)).containsExactly(new DemandSample(T0, 7),
        new DemandSample(T0.plus(STEP), 3));
  }

  @Test
  void loadFillsMissingStepsWithNaN() {
    store.merge("lab", "a", List.of(new DemandSample(T0, 1), new DemandSample(T0.plus(STEP.multipliedBy(2)), 3)),
        null);
    DemandSeries s = store.load("lab", "a", T0.minus(STEP), STEP).orElseThrow();
    assertThat(s.start()).isEqualTo(T0);
    assertThat(s.values()).containsExactly(1, Double.NaN, 3);
    assertThat(store.load("lab", "other", T0, STEP)).isEmpty();
  }

  @Test
  void firstCollectionBackFillsTheRetentionThenOnlyTheMissingWindow() {
    settings.setHistoryRetention(Duration.ofDays(2));
    DemandCollector collector = new DemandCollector(metrics(), store, settings, new InMemoryFoundation("lab", "other"));
    Instant now = T0.plus(Duration.ofDays(10));
    present = now;

    int first = collector.collect("lab", "a", now);
    // 2 days of 5-minute steps, the first and last step included
    assertThat(first).isEqualTo(2 * 288 + 1);
    assertThat(queries).first().asString().startsWith(now.minus(Duration.ofDays(2)) + "..");
    assertThat(store.latest("lab", "a")).contains(now);

    queries.clear();
    Instant later = now.plus(Duration.ofMinutes(12));
    present = later;
    int second = collector.collect("lab", "a", later);
    // only from the newest stored step on: the step at `now` is refreshed, two new steps are added
    assertThat(queries).containsExactly(now + ".." + later);
    assertThat(second).isEqualTo(3);
    assertThat(count()).isEqualTo(2 * 288 + 1 + 2);
  }

  @Test
  void newestStepIsRaisedWhenItFillsUp() {
    store.merge("lab", "a", List.of(new DemandSample(T0, 2)), null);
    store.merge("lab", "a", List.of(new DemandSample(T0, 5), new DemandSample(T0.plus(STEP), 1)), T0);
    store.merge("lab", "a", List.of(new DemandSample(T0.plus(STEP), 0.5)), T0.plus(STEP));
    assertThat(store.load("lab", "a", T0, STEP).orElseThrow().values()).containsExactly(5, 1);
  }

  @Test
  void repeatedInsertOfTheSameStepsIsHarmless() {
    List<DemandSample> s = List.of(new DemandSample(T0, 2), new DemandSample(T0.plus(STEP), 3));
    store.merge("lab", "a", s, null);
    store.merge("lab", "a", s, null);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void retentionDeletesOldStepsOfTheFoundationOnly() {
    settings.setHistoryRetention(Duration.ofDays(1));
    store.merge("lab", "a", List.of(new DemandSample(T0, 1), new DemandSample(T0.plus(Duration.ofDays(2)), 2)),
        null);
    store.merge("other", "a", List.of(new DemandSample(T0, 1)), null);
    DemandCollector collector = new DemandCollector(metrics(), store, settings, new InMemoryFoundation("lab", "other"));
    assertThat(collector.applyRetention("lab", T0.plus(Duration.ofDays(2)))).isEqualTo(1);
    assertThat(count()).isEqualTo(2);
  }

  @Test
  void longBackFillIsCutIntoQueriesBelowThePrometheusPointLimit() {
    settings.setHistoryRetention(Duration.ofDays(28));
    DemandCollector collector = new DemandCollector(metrics(), store, settings, new InMemoryFoundation("lab", "other"));
    present = T0.plus(Duration.ofDays(30));
    collector.collect("lab", "a", T0.plus(Duration.ofDays(30)));
    // 28 days at 1-minute resolution = 40,320 points: five queries of at most 10,000 points
    assertThat(queries).hasSize(5);
    assertThat(count()).isEqualTo(28 * 288 + 1);
  }

  /**
   * A simulated foundation (time scale 60) whose present is ahead of the estimate (started before this application,
   * or running on while it was down): the collector reads on while the source has data, up to the source's present.
   */
  @Test
  void collectionReadsOnWhenTheFoundationIsAheadOfTheEstimate() {
    settings.setHistoryRetention(Duration.ofDays(2));
    DemandCollector collector = new DemandCollector(metrics(), store, settings, new InMemoryFoundation().foundation("lab", 60));
    Instant estimate = T0.plus(Duration.ofDays(10));
    present = estimate.plus(Duration.ofDays(9)).plus(Duration.ofHours(5));
    collector.collect("lab", "a", estimate);
    assertThat(store.latest("lab", "a")).contains(present);
    assertThat(queries).as("the retention up to the estimate, then two windows of ~7 days ahead").hasSize(3);

    queries.clear();
    present = present.plus(Duration.ofMinutes(30));
    collector.collect("lab", "a", estimate.plus(Duration.ofMinutes(30))); // the estimate is still 9 days behind
    assertThat(store.latest("lab", "a")).contains(present);
    assertThat(queries).as("one window from the newest stored step").hasSize(1);
  }

  private int count() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM pkso_demand_sample", Integer.class);
  }

  /** A metrics source with a sample every resolution step: demand = minute of the hour. */
  private MetricsGateway metrics() {
    return (foundation, cluster, from, to, step) -> {
      queries.add(from + ".." + to);
      List<DemandSample> out = new ArrayList<>();
      for (Instant t = from; !t.isAfter(to) && !t.isAfter(present); t = t.plus(step)) {
        out.add(new DemandSample(t, t.getEpochSecond() / 60 % 60));
      }
      return out;
    };
  }
}
