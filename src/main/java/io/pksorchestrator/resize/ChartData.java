package io.pksorchestrator.resize;

import io.pksorchestrator.forecast.DemandSeries;
import io.pksorchestrator.forecast.Forecast;

/**
 * What the forecast chart shows for one cluster.
 *
 * @param capacityPerWorker cores one worker contributes at the target utilisation
 * @param proposedWorkers drawn from the end of the history on; null to omit
 */
public record ChartData(String title, DemandSeries history, Forecast forecast, double capacityPerWorker,
    int currentWorkers, Integer proposedWorkers) {}
