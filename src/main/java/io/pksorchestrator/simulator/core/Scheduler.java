package io.pksorchestrator.simulator.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Runs the simulation's future state changes at their simulated instants. Nothing runs in the background:
 * every read or write of simulator state first calls {@link #runDue()}, which executes, in time order, each
 * event whose instant has passed. While an event runs, {@link #now()} is that event's instant, so follow-up
 * events are scheduled relative to when things "really" happened, whatever the wall-clock polling rhythm.
 *
 * <p>Not thread-safe on its own: the owning {@code SimulatedFoundation} serialises access.
 */
public final class Scheduler {

  private record Event(Instant at, long seq, Runnable action) {}

  private final Clock clock;
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(Comparator.comparing(Event::at).thenComparingLong(Event::seq));
  private long sequence;
  private Instant current;

  public Scheduler(Clock clock) {
    this.clock = clock;
  }

  /** The simulated present: the running event's instant, else the clock's. */
  public Instant now() {
    return current != null ? current : clock.instant();
  }

  /** Schedules {@code action} {@code delay} after {@link #now()}. */
  public void after(Duration delay, Runnable action) {
    queue.add(new Event(now().plus(delay), sequence++, action));
  }

  /** Executes every event due at the clock's current instant, including events those events schedule. */
  public void runDue() {
    Instant limit = clock.instant();
    while (!queue.isEmpty() && !queue.peek().at().isAfter(limit)) {
      Event next = queue.poll();
      current = next.at();
      try {
        next.action().run();
      } finally {
        current = null;
      }
    }
  }

  /** Forgets all pending events (simulator reset). */
  public void clear() {
    queue.clear();
  }
}
