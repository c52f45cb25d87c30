package io.pksorchestrator.resize;

import java.time.Instant;

/**
 * A resize the forecasting cycle proposes: the start variables of {@code PredictiveResizeProcess}.
 *
 * @param proposedAt wall (engine) time of the proposal
 * @param forecastUpperCores the forecast's upper quantile the proposal rests on; null without a forecast
 */
public record ResizeProposal(String foundation, String cluster, int currentWorkers, int proposedWorkers,
    String reason, Instant proposedAt, Double forecastUpperCores) {}
