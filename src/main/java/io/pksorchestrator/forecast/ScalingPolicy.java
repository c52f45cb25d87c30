package io.pksorchestrator.forecast;

import java.time.Duration;

/**
 * Limits and tuning of one cluster's scaling.
 *
 * @param nodeAllocatableCores CPU cores one worker offers to pods
 * @param targetUtilisation share of allocatable cores the plan aims to fill at the forecast's upper quantile
 *     (e.g. 0.85)
 * @param minWorkers never fewer workers (also bounded below by the plan's minimum)
 * @param maxWorkers never more workers (also bounded above by the plan's maximum)
 * @param maxStep largest change in workers of one decision
 * @param leadTime time from requesting a worker to it serving (provisioning lead time)
 * @param decisionInterval time between two decisions
 * @param cooldown minimum time after a scale-up before a scale-down
 * @param scaleDownHysteresis workers to keep above need before scaling down (avoids flapping)
 */
public record ScalingPolicy(double nodeAllocatableCores, double targetUtilisation, int minWorkers, int maxWorkers,
    int maxStep, Duration leadTime, Duration decisionInterval, Duration cooldown, int scaleDownHysteresis) {}
