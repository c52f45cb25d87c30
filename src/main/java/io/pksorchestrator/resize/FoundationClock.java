package io.pksorchestrator.resize;

import java.time.Instant;

/**
 * Estimates a foundation's current time, used only to bound metrics queries. Decisions themselves use foundation
 * time as observed: the time of the newest demand sample.
 */
public interface FoundationClock {

  /** The foundation's current time, best estimate. */
  Instant now(String foundation);
}
