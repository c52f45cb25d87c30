package io.pksorchestrator.forecast.replay;

/**
 * Nodes of one strategy per minute.
 *
 * @param ready nodes serving at each minute
 * @param pending nodes requested but not yet serving at each minute
 * @param action whether the strategy requested or removed nodes at each minute
 */
public record CapacityRun(int[] ready, int[] pending, boolean[] action) {}
