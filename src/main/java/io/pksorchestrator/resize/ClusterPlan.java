package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.Forecast;
import io.pksorchestrator.forecast.ScalingDecision;
import java.time.Instant;

/**
 * The forecast and the planner's decision for one cluster in one cycle.
 *
 * @param foundationTime time of the newest demand sample (the decision's "now")
 * @param demandNowCores the newest observed demand
 * @param forecastUpperCores the forecast's upper quantile over lead time plus interval; NaN when not ready
 */
public record ClusterPlan(Instant foundationTime, double demandNowCores, Forecast forecast,
    double forecastUpperCores, ScalingDecision decision) {}
