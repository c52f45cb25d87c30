package io.pksorchestrator.resize;

import java.time.Instant;

/**
 * One ended resize, for the accuracy report.
 *
 * @param recordedAt wall time the process ended
 * @param proposedAt wall time of the proposal
 * @param trigger {@code forecast} or {@code manual}
 * @param forecastUpperCores the forecast's upper quantile the proposal was based on; null for manual ones
 * @param outcome an {@link io.pksorchestrator.operations.OperationOutcome} value
 */
public record ResizeOutcomeRecord(String processInstanceId, String foundation, String cluster, Instant recordedAt,
    Instant proposedAt, Integer fromWorkers, Integer toWorkers, String trigger, Double forecastUpperCores,
    String outcome, String outcomeMessage) {}
