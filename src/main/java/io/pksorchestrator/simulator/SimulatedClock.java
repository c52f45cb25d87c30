package io.pksorchestrator.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The simulator's time: starts at a given instant and runs at {@code speed} times wall time (60 = one wall
 * second is one simulated minute). Tests pause it, advance it by a duration, or change the speed.
 *
 * <p>Thread-safe. The simulated time never goes backwards: changing speed or pausing re-anchors it at the
 * current simulated instant.
 */
public final class SimulatedClock extends Clock {

  private final LongSupplier wallNanos;
  private Instant anchorSimulated;
  private long anchorWallNanos;
  private double speed;
  private boolean paused;

  /** A clock starting at {@code start}, advancing at {@code speed} times the JVM's monotonic wall time. */
  public SimulatedClock(Instant start, double speed) {
    this(start, speed, System::nanoTime);
  }

  SimulatedClock(Instant start, double speed, LongSupplier wallNanos) {
    requirePositive(speed);
    this.wallNanos = wallNanos;
    this.anchorSimulated = start;
    this.anchorWallNanos = wallNanos.getAsLong();
    this.speed = speed;
  }

  @Override
  public synchronized Instant instant() {
    if (paused) {
      return anchorSimulated;
    }
    long elapsedWall = wallNanos.getAsLong() - anchorWallNanos;
    return anchorSimulated.plusNanos((long) (elapsedWall * speed));
  }

  /** Stops simulated time until {@link #resume()}. */
  public synchronized void pause() {
    reanchor();
    paused = true;
  }

  /** Lets simulated time run again at the current speed. */
  public synchronized void resume() {
    reanchor();
    paused = false;
  }

  /** Jumps simulated time forward (works paused or running). */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Simulated time cannot go backwards; advance by a positive duration, not " + duration);
    }
    reanchor();
    anchorSimulated = anchorSimulated.plus(duration);
  }

  /** Sets how many simulated seconds pass per wall second. */
  public synchronized void setSpeed(double newSpeed) {
    requirePositive(newSpeed);
    reanchor();
    speed = newSpeed;
  }

  /** Simulated seconds per wall second. */
  public synchronized double speed() {
    return speed;
  }

  /** Whether simulated time is stopped. */
  public synchronized boolean isPaused() {
    return paused;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The simulated clock is always UTC");
  }

  private void reanchor() {
    anchorSimulated = instant();
    anchorWallNanos = wallNanos.getAsLong();
  }

  private static void requirePositive(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("Simulator speed must be a positive number (1 = real time, 60 = a minute per second), not " + speed);
    }
  }
}
