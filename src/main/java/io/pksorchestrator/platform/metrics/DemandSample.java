package io.pksorchestrator.platform.metrics;

import java.time.Instant;

/** Demand of a cluster at one instant: CPU cores requested by its pods. */
public record DemandSample(Instant time, double cores) {}
