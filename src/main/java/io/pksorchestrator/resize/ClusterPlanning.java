package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.forecast.ScalingDecision;
import io.pksorchestrator.forecast.ScalingInput;
import io.pksorchestrator.forecast.ScalingPlanner;
import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Collect, forecast and plan for one cluster: the per-cluster work of a forecasting cycle. */
@Component
public class ClusterPlanning {

  private final DemandCollector collector;
  private final DemandHistoryStore history;
  private final Forecaster forecaster;
  private final ScalingPlanner planner;
  private final ResizeOutcomeStore outcomes;
  private final Foundations foundations;
  private final ResizeProperties settings;

  public ClusterPlanning(DemandCollector collector, DemandHistoryStore history, Forecaster forecaster,
      ScalingPlanner planner, ResizeOutcomeStore outcomes, Foundations foundations, ResizeProperties settings) {
    this.collector = collector;
    this.history = history;
    this.forecaster = forecaster;
    this.planner = planner;
    this.outcomes = outcomes;
    this.foundations = foundations;
    this.settings = settings;
  }

  /** Collects the missing demand, then forecasts and plans; empty when the cluster has no demand history. */
  public Optional<ClusterPlan> plan(ManagedCluster mc, Instant foundationNow) {
    collector.collect(mc.foundation(), mc.name(), foundationNow);
    // the foundation may be ahead of the estimate (the collector then read on): the data says where "now" is
    Instant present = history.latest(mc.foundation(), mc.name()).filter(t -> t.isAfter(foundationNow))
        .orElse(foundationNow);
    Optional<DemandSeries> series = history.load(mc.foundation(), mc.name(),
        present.minus(settings.getForecastHistory()), settings.getHistoryStep());
    if (series.isEmpty()) {
      return Optional.empty();
    }
    DemandSeries s = series.get();
    Instant now = s.end();
    Duration horizon = mc.policy().leadTime().plus(mc.policy().decisionInterval());
    Forecast forecast = forecaster.forecast(mc.key(), s, horizon);
    ScalingInput input = new ScalingInput(now, mc.currentWorkers(), s, forecast,
        lastResize(mc, now, true), lastResize(mc, now, false));
    ScalingDecision decision = planner.plan(input, mc.policy());
    return Optional.of(new ClusterPlan(now, lastObserved(s.values()), forecast, forecast.maxUpper(horizon),
        decision));
  }

  /** Foundation time of the last successful scale-up (or -down), from the outcome table's wall time. */
  private Instant lastResize(ManagedCluster mc, Instant foundationNow, boolean up) {
    return outcomes.lastResized(mc.foundation(), mc.name(), up).map(wall -> {
      Duration wallAgo = Duration.between(wall, ClockUtil.getCurrentTime().toInstant());
      double scale = ScaledFoundationClock.timeScale(foundations, mc.foundation());
      return foundationNow.minusMillis(Math.round(Math.max(0, wallAgo.toMillis()) * scale));
    }).orElse(null);
  }

  static double lastObserved(double[] values) {
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) {
        return values[i];
      }
    }
    return Double.NaN;
  }
}
