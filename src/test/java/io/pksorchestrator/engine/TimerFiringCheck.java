package io.pksorchestrator.engine;

import io.pksorchestrator.engine.ClusterTestLogReader.Firing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TEST ONLY: checks committed firings of a cyclic timer start event ({@code R/PTnS}) against the engine's rule for
 * the next due date: when a timer job runs, the follow-up job is due at the first point of the cycle AFTER that
 * moment. So consecutive due dates are one period apart, unless the firing ran so late that whole periods had
 * already passed (the engine then skips them: no catch-up storm); such a skip is legitimate only if the skipped due
 * dates lay before the moment the previous firing ran. Anything else is a lost firing; two rows for one due date are
 * a duplicate. The cycle's points are whole seconds from the deployment (the engine keeps the start of
 * {@code R/PTnS} to the second), while the very first due date is the deployment time plus one period, to the
 * millisecond: so the first due date may lie off the cycle, every later one lies on it.
 */
final class TimerFiringCheck {

  /** The problems found, empty when the firings are exactly once per due date with none lost. */
  record Result(List<String> duplicates, List<String> lost, int lateSkips, long maxLatenessMillis) {
    boolean ok() {
      return duplicates.isEmpty() && lost.isEmpty();
    }
  }

  private TimerFiringCheck() {}

  static Result check(List<Firing> firings, long periodMillis) {
    Map<Long, List<Firing>> byDueDate = new TreeMap<>();
    firings.forEach(f -> byDueDate.computeIfAbsent(f.dueAt(), d -> new ArrayList<>()).add(f));
    List<String> duplicates = new ArrayList<>();
    byDueDate.forEach((due, rows) -> {
      if (rows.size() > 1) {
        duplicates.add(due + " fired " + rows.size() + " times: " + rows);
      }
    });
    List<String> lost = new ArrayList<>();
    int lateSkips = 0;
    long maxLateness = 0;
    Long phase = null;
    Firing previous = null;
    for (List<Firing> rows : byDueDate.values()) {
      Firing current = rows.get(0);
      maxLateness = Math.max(maxLateness, current.firedAt() - current.dueAt());
      if (previous != null) {
        long currentPhase = Math.floorMod(current.dueAt(), periodMillis);
        if (phase == null) {
          phase = currentPhase;
        } else if (phase != currentPhase) {
          lost.add("due date " + current.dueAt() + " is off the cycle of the due dates before it");
        }
        long lastSkipped = current.dueAt() - periodMillis;
        if (lastSkipped > previous.dueAt()) {
          if (lastSkipped > previous.firedAt()) {
            lost.add("due date(s) up to " + lastSkipped + " never fired (previous firing due " + previous.dueAt()
                + " ran at " + previous.firedAt() + ")");
          } else {
            lateSkips++;
          }
        }
      }
      previous = current;
    }
    return new Result(duplicates, lost, lateSkips, maxLateness);
  }
}
