package io.pksorchestrator.resize;

import java.time.Instant;

/**
 * The latest result of the forecasting cycle for one cluster.
 *
 * @param recordedAt wall time of the cycle
 * @param foundationTime foundation time of the newest demand sample the decision saw; null if none
 * @param forecastStatus {@code READY}, {@code INSUFFICIENT_HISTORY}, or {@code NO_DATA} / {@code ERROR}
 * @param action what the cycle did: see {@link RecommendationAction}
 * @param reason the planner's explanation, or the error
 */
public record Recommendation(String foundation, String cluster, Instant recordedAt, Instant foundationTime,
    ClusterMode mode, String planName, Integer currentWorkers, Integer recommendedWorkers, Integer neededNowWorkers,
    String forecastStatus, String forecastModel, Double demandNowCores, Double forecastUpperCores, Double nodeCores,
    RecommendationAction action, String reason) {}
