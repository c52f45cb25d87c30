package io.pksorchestrator.operations;

import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one foundation timer of every process: how long a poll timer waits (a foundation-time interval converted to
 * wall time with the foundation's time scale, never below a minimum), when a deadline falls (now plus a
 * foundation-time timeout), and whether it has passed. "Now" is the engine clock ({@link ClockUtil}), so process
 * tests move time for the timers and the deadlines alike. Deadlines are stored as the processes always stored them:
 * a {@link Date} ({@code cluster}, {@code resize}) or an ISO-8601 instant string ({@code upgrade}).
 */
public final class FoundationWait {

  /** Shortest poll timer: waits below one second are pointless and hammer the foundation. */
  public static final Duration MIN_WAIT = Duration.ofSeconds(1);

  private FoundationWait() {}

  /** The engine's current time. */
  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Timer duration (ISO-8601, wall time) for a poll interval in foundation time, at least {@link #MIN_WAIT}. */
  public static String pollWait(Foundations foundations, String foundation, Duration foundationInterval) {
    return pollWait(foundations, foundation, foundationInterval, MIN_WAIT);
  }

  /** Timer duration (ISO-8601, wall time) for a poll interval in foundation time, at least {@code minimumWall}. */
  public static String pollWait(Foundations foundations, String foundation, Duration foundationInterval,
      Duration minimumWall) {
    return atLeast(foundations.toWallTime(foundation, foundationInterval), minimumWall);
  }

  /** Timer duration (ISO-8601) for an interval already in wall time, at least {@link #MIN_WAIT}. */
  public static String wallWait(Duration wall) {
    return atLeast(wall, MIN_WAIT);
  }

  /** Now plus a timeout in foundation time (converted to wall time). */
  public static Instant deadline(Foundations foundations, String foundation, Duration foundationTimeout) {
    return now().plus(foundations.toWallTime(foundation, foundationTimeout));
  }

  /** {@link #deadline} as a {@link Date} process variable. */
  public static Date deadlineDate(Foundations foundations, String foundation, Duration foundationTimeout) {
    return new Date(ClockUtil.getCurrentTime().getTime()
        + foundations.toWallTime(foundation, foundationTimeout).toMillis());
  }

  /** Whether a {@link Date} deadline is set and now is after it. */
  public static boolean isPast(Date deadline) {
    return deadline != null && ClockUtil.getCurrentTime().after(deadline);
  }

  /** Whether a {@link Date} deadline is set and now is not after it (still within it). */
  public static boolean isWithin(Date deadline) {
    return deadline != null && !ClockUtil.getCurrentTime().after(deadline);
  }

  /**
   * Whether an ISO-8601 instant deadline (as {@code upgrade} stores them) is set and reached: now at or after it.
   * (At or after, not only after as for the {@link Date} deadlines: the upgrade's behaviour, kept unchanged.)
   */
  public static boolean isReached(String isoInstantDeadline) {
    return isoInstantDeadline != null && !now().isBefore(Instant.parse(isoInstantDeadline));
  }

  private static String atLeast(Duration wall, Duration minimum) {
    return (wall.compareTo(minimum) < 0 ? minimum : wall).toString();
  }
}
