package io.pksorchestrator.simulator.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change the simulated PKS accepted (create, update, delete, upgrade) with the simulated time it was accepted,
 * started and ended, and every change it refused because the cluster was busy or the name taken. Answers the
 * question a test of the orchestrator asks: "were two changes ever in flight on one cluster, or did the orchestrator
 * ever send one while another ran?".
 *
 * <p>Not thread-safe on its own: the owning {@code SimulatedFoundation} serialises access.
 */
public final class ChangeRecord {

  /** An accepted change; {@code endedAt} null while in flight. */
  public record Change(long id, String cluster, String action, Instant acceptedAt, Instant startedAt,
      Instant endedAt, String result) {

    /** Whether this change and {@code other} were in flight at a common instant. */
    boolean overlaps(Change other) {
      Instant end = endedAt == null ? Instant.MAX : endedAt;
      Instant otherEnd = other.endedAt == null ? Instant.MAX : other.endedAt;
      return acceptedAt.isBefore(otherEnd) && other.acceptedAt.isBefore(end);
    }
  }

  /** A refused change: the HTTP status PKS answered and why. */
  public record Refusal(String cluster, String action, Instant at, int status, String reason) {}

  /** Two changes of one cluster in flight at the same time (never expected: PKS refuses the second). */
  public record Overlap(Change first, Change second) {}

  private final Scheduler scheduler;
  private final List<Change> changes = new ArrayList<>();
  private final Map<String, Integer> open = new HashMap<>();
  private final List<Refusal> refusals = new ArrayList<>();

  public ChangeRecord(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** PKS accepted a change of {@code cluster} (it may register it and show it in the cluster only later). */
  public void accepted(String cluster, String action) {
    if (!open.containsKey(cluster)) {
      changes.add(new Change(changes.size() + 1L, cluster, action, scheduler.now(), null, null, "in flight"));
      open.put(cluster, changes.size() - 1);
    }
  }

  /**
   * A cluster's {@code last_action} / {@code last_action_state} moved: a change is in flight while the cluster is
   * busy ({@code queued} or {@code in progress}; it began when accepted, or now), started when it turns
   * {@code in progress}, and ends when the cluster is no longer busy.
   */
  public void transition(String cluster, String action, String state) {
    boolean busy = "in progress".equals(state) || "queued".equals(state);
    Integer index = open.get(cluster);
    if (busy && index == null) {
      Instant now = scheduler.now();
      changes.add(new Change(changes.size() + 1L, cluster, action, now, "in progress".equals(state) ? now : null,
          null, "in flight"));
      open.put(cluster, changes.size() - 1);
    } else if (busy && "in progress".equals(state) && changes.get(index).startedAt() == null) {
      Change c = changes.get(index);
      changes.set(index, new Change(c.id(), c.cluster(), c.action(), c.acceptedAt(), scheduler.now(), null,
          c.result()));
    } else if (!busy && index != null) {
      Change c = changes.get(index);
      // a queued upgrade that never started gets its previous action back: it did not happen
      String result = c.action().equals(action) ? state : "not started";
      end(index, result);
    }
  }

  /** The cluster's open change ended with it: a finished deletion. */
  public void gone(String cluster) {
    Integer index = open.get(cluster);
    if (index != null) {
      end(index, "succeeded");
    }
  }

  /** PKS refused a change of {@code cluster}. */
  public void refused(String cluster, String action, int status, String reason) {
    refusals.add(new Refusal(cluster, action, scheduler.now(), status, reason));
  }

  private void end(int index, String result) {
    Change c = changes.get(index);
    changes.set(index, new Change(c.id(), c.cluster(), c.action(), c.acceptedAt(), c.startedAt(), scheduler.now(),
        result));
    open.remove(c.cluster());
  }

  /** Every accepted change, in the order accepted. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** Every refused change, in order. */
  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  /** Pairs of changes of one cluster that were in flight at the same time. */
  public List<Overlap> overlaps() {
    List<Overlap> found = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      for (int j = i + 1; j < changes.size(); j++) {
        Change a = changes.get(i);
        Change b = changes.get(j);
        if (a.cluster().equals(b.cluster()) && a.overlaps(b)) {
          found.add(new Overlap(a, b));
        }
      }
    }
    return found;
  }
}
