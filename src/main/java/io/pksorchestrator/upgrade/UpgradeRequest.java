package io.pksorchestrator.upgrade;

/**
 * What a starter asked for (start variables, unvalidated).
 *
 * @param clusters {@code all} or comma-separated cluster names
 * @param canaries comma-separated cluster names; blank = the smallest healthy selected cluster
 * @param maxInFlight null = 1
 */
public record UpgradeRequest(String foundation, String stemcellOs, String stemcellVersion, String stemcellSource,
    String clusters, String canaries, Integer maxInFlight, String windowStart, String windowEnd) {}
