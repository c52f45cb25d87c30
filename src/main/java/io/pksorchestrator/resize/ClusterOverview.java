package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.Forecaster;
import io.pksorchestrator.operations.ClusterLease;
import io.pksorchestrator.operations.ClusterLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Read side of predictive resize: cluster views for the API and overview, and the forecast chart. */
@Service
public class ClusterOverview {

  private final RecommendationStore recommendations;
  private final ResizeOutcomeStore outcomes;
  private final DemandHistoryStore history;
  private final Forecaster forecaster;
  private final ForecastChartRenderer renderer;
  private final ResizeProperties settings;
  private final ClusterLeases leases;
  private final SuppressionStore suppressions;

  public ClusterOverview(RecommendationStore recommendations, ResizeOutcomeStore outcomes,
      DemandHistoryStore history, Forecaster forecaster, ForecastChartRenderer renderer,
      ResizeProperties settings, ClusterLeases leases, SuppressionStore suppressions) {
    this.recommendations = recommendations;
    this.outcomes = outcomes;
    this.history = history;
    this.forecaster = forecaster;
    this.renderer = renderer;
    this.settings = settings;
    this.leases = leases;
    this.suppressions = suppressions;
  }

  /** Suppression episodes shown per cluster. */
  static final int SUPPRESSIONS_SHOWN = 5;

  /** Every cluster the forecasting cycle has seen. */
  public List<ClusterView> clusters() {
    Map<String, ClusterLease> held = leases.all().stream()
        .collect(Collectors.toMap(ClusterLease::key, l -> l, (a, b) -> a));
    return recommendations.findAll().stream()
        .map(r -> view(r, Optional.ofNullable(held.get(r.foundation() + "/" + r.cluster())))).toList();
  }

  /** One cluster, if the forecasting cycle has seen it. */
  public Optional<ClusterView> cluster(String foundation, String name) {
    return recommendations.find(foundation, name).map(r -> view(r, leases.find(foundation, name)));
  }

  /**
   * The forecast chart of a cluster as PNG, with {@code proposed} workers drawn in (the recommendation when null);
   * empty for an unknown cluster. The forecast is recomputed from the stored history, so it is current.
   */
  public Optional<byte[]> chart(String foundation, String name, Integer proposed) {
    return recommendations.find(foundation, name).map(r -> {
      Duration step = settings.getHistoryStep();
      Instant end = r.foundationTime() != null ? r.foundationTime() : r.recordedAt();
      DemandSeries full = history.load(foundation, name, end.minus(settings.getForecastHistory()), step)
          .orElse(new DemandSeries(end, step, new double[0]));
      Duration decisionHorizon = decisionHorizon(settings);
      Forecast forecast = full.size() == 0 ? null : forecaster.forecast(full, chartHorizon(settings));
      double perWorker = (r.nodeCores() == null ? settings.getDefaultNodeCores() : r.nodeCores())
          * settings.getTargetUtilisation();
      int current = r.currentWorkers() == null ? 0 : r.currentWorkers();
      Integer drawn = proposed != null ? proposed : r.recommendedWorkers();
      return renderer.png(new ChartData(foundation + "/" + name + ": demand, forecast and capacity",
          tail(full, settings.getChartHistory()), forecast, perWorker, current, drawn, decisionHorizon));
    });
  }

  /** How far ahead a scaling decision looks: lead time + decision interval (as {@code ClusterPlanning}). */
  static Duration decisionHorizon(ResizeProperties settings) {
    return settings.getLeadTime().plus(settings.getDecisionInterval());
  }

  /**
   * What the chart's forecast covers: {@code chart-horizon}, but never less than the decision's horizon, so the peak
   * behind a proposal is on the chart (the lab looks a day ahead).
   */
  static Duration chartHorizon(ResizeProperties settings) {
    Duration decision = decisionHorizon(settings);
    return decision.compareTo(settings.getChartHorizon()) > 0 ? decision : settings.getChartHorizon();
  }

  /** The last {@code span} of a series. */
  static DemandSeries tail(DemandSeries s, Duration span) {
    int keep = (int) Math.min(s.size(), span.toMillis() / s.step().toMillis() + 1);
    int from = s.size() - keep;
    return new DemandSeries(s.start().plus(s.step().multipliedBy(from)), s.step(),
        Arrays.copyOfRange(s.values(), from, s.size()));
  }

  private ClusterView view(Recommendation r, Optional<ClusterLease> lease) {
    ClusterView.LastResize last = outcomes.latest(r.foundation(), r.cluster())
        .map(o -> new ClusterView.LastResize(o.processInstanceId(), o.recordedAt(), o.fromWorkers(),
            o.toWorkers(), o.trigger(), o.outcome(), o.outcomeMessage()))
        .orElse(null);
    return new ClusterView(r.foundation(), r.cluster(), r.mode().value(), r.planName(), r.currentWorkers(),
        r.recommendedWorkers(), new ClusterView.ForecastSummary(r.forecastStatus(), r.forecastModel(),
            r.foundationTime(), r.demandNowCores(), r.forecastUpperCores(), r.neededNowWorkers(), r.nodeCores()),
        r.action().name(), r.reason(), r.recordedAt(), last,
        ReadClusterDelegate.chartUrl(r.foundation(), r.cluster(), null),
        lease.map(l -> new ClusterView.HeldBy(l.holderId(), l.operation(), l.businessKey(), l.acquiredAt(),
            "/api/v1/operations/" + l.holderId())).orElse(null),
        suppressions.recent(r.foundation(), r.cluster(), SUPPRESSIONS_SHOWN).stream()
            .map(e -> new ClusterView.SuppressedProposal(e.kind(), e.reason(), e.currentWorkers(),
                e.proposedWorkers(), e.firstAt(), e.lastAt(), e.times(), e.holderId())).toList());
  }
}
