package io.pksorchestrator.resize;

import io.pksorchestrator.platform.Foundations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A real foundation (time scale 1) runs on wall time. A simulated one runs {@code time-scale} times faster from
 * the moment it started, which is taken as the moment this application started (the lab simulator runs inside the
 * application). Overestimating is harmless: a metrics source answers with what it has.
 */
@Component
public class ScaledFoundationClock implements FoundationClock {

  private final Foundations foundations;
  private final Clock clock;
  private final Instant anchor;

  public ScaledFoundationClock(Foundations foundations, Clock clock) {
    this.foundations = foundations;
    this.clock = clock;
    this.anchor = clock.instant();
  }

  @Override
  public Instant now(String foundation) {
    Instant wall = clock.instant();
    double scale = timeScale(foundations, foundation);
    if (scale <= 1.0) {
      return wall;
    }
    long elapsed = Duration.between(anchor, wall).toMillis();
    return anchor.plusMillis(Math.round(elapsed * scale));
  }

  /** Foundation seconds per wall second, derived from {@link Foundations#toWallTime}. */
  static double timeScale(Foundations foundations, String foundation) {
    Duration hour = Duration.ofHours(1);
    long wallMillis = foundations.toWallTime(foundation, hour).toMillis();
    return wallMillis <= 0 ? 1.0 : (double) hour.toMillis() / wallMillis;
  }
}
