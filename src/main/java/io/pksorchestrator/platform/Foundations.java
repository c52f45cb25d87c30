package io.pksorchestrator.platform;

import java.time.Duration;
import java.util.Set;

/** The configured foundations ({@code pkso.foundations.<name>}), by name. */
public interface Foundations {

  /** Names of all configured foundations. */
  Set<String> names();

  /** Whether a foundation of this name is configured. */
  boolean isConfigured(String foundation);

  /**
   * Converts a duration of foundation time into wall-clock time. A real foundation has time scale 1; the
   * simulated foundation runs faster (its {@code time-scale}), so "45 minutes of foundation time" is shorter.
   *
   * @throws UnknownFoundationException when the foundation is not configured
   */
  Duration toWallTime(String foundation, Duration foundationTime);
}
