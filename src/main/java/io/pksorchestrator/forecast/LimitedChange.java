package io.pksorchestrator.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * A change of workers on its way through the {@link ScalingLimiter}'s rules.
 *
 * @param currentWorkers workers the cluster has (or has been asked to have)
 * @param targetWorkers workers after the rules applied so far
 * @param notes what each rule that applied did, in order (for the reason line), e.g. "step limited to +10"
 */
public record LimitedChange(int currentWorkers, int targetWorkers, List<String> notes) {

  public LimitedChange {
    notes = List.copyOf(notes);
  }

  /** The unlimited change from {@code current} to {@code target}. */
  public static LimitedChange of(int current, int target) {
    return new LimitedChange(current, target, List.of());
  }

  /** This change with the target set to {@code target} by a rule that says {@code note}. */
  public LimitedChange limitTo(int target, String note) {
    List<String> n = new ArrayList<>(notes);
    n.add(note);
    return new LimitedChange(currentWorkers, target, n);
  }

  public boolean isScaleUp() {
    return targetWorkers > currentWorkers;
  }

  public boolean isScaleDown() {
    return targetWorkers < currentWorkers;
  }
}
