package io.pksorchestrator.forecast;

import java.time.Instant;

/**
 * What the planner knows at one decision.
 *
 * @param now decision time (foundation time: the end of the observed history)
 * @param currentWorkers workers the cluster has (or has been asked to have)
 * @param history observed demand up to {@code now}
 * @param forecast forecast made from {@code history} (may be not ready)
 * @param lastScaleUp time of the last scale-up, or {@code null}
 * @param lastScaleDown time of the last scale-down, or {@code null}
 */
public record ScalingInput(Instant now, int currentWorkers, DemandSeries history, Forecast forecast,
    Instant lastScaleUp, Instant lastScaleDown) {}
