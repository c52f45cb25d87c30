package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;
import java.time.Duration;

/**
 * What the forecast chart shows for one cluster.
 *
 * @param capacityPerWorker cores one worker contributes at the target utilisation
 * @param proposedWorkers drawn from the end of the history on; null to omit
 * @param decisionHorizon how far ahead the scaling decision looks (lead time + decision interval): the peak of the
 *     forecast's upper band within it, the demand the proposal is sized for, is marked
 */
public record ChartData(String title, DemandSeries history, Forecast forecast, double capacityPerWorker,
    int currentWorkers, Integer proposedWorkers, Duration decisionHorizon) {}
