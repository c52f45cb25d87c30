package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.OperatorInputException;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task_ResolveMaintenanceWindowClosed, on completion (inside the engine): "continue in the next window" needs a next
 * window that has not ended yet, starting before it ends. Otherwise the completion is refused with
 * {@link OperatorInputException} (the task stays open, HTTP 400 with the message), instead of looping back to this
 * task at once. The process copies the accepted window into {@code maintenanceWindowStart}/{@code End}.
 */
public class NextWindowCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (!StemcellUpgradeProcess.Resolution.CONTINUE.equals(task.getVariable(StemcellUpgradeProcess.Variables.RESOLUTION))) {
      return;
    }
    check(task.getVariable(StemcellUpgradeProcess.Variables.NEXT_WINDOW_START),
        task.getVariable(StemcellUpgradeProcess.Variables.NEXT_WINDOW_END), MaintenanceWindow.now());
  }

  /** Refuses a next window that is missing, not a date-time, already over or ends before it starts. */
  static void check(Object start, Object end, Instant now) {
    String expected = "to continue, task " + StemcellUpgradeProcess.Elements.RESOLVE_WINDOW_CLOSED + " expects "
        + StemcellUpgradeProcess.Variables.NEXT_WINDOW_START + " and " + StemcellUpgradeProcess.Variables.NEXT_WINDOW_END
        + " (String, ISO-8601 date-time in UTC, e.g. 2026-11-29T22:00:00Z) for a window that has not ended yet";
    Instant from;
    Instant to;
    try {
      from = MaintenanceWindow.parse(start);
      to = MaintenanceWindow.parse(end);
    } catch (IllegalArgumentException e) {
      throw new OperatorInputException(expected + "; " + e.getMessage() + ". The task stays open.");
    }
    if (from == null || to == null) {
      throw new OperatorInputException(expected + "; " + (from == null ? StemcellUpgradeProcess.Variables.NEXT_WINDOW_START
          : StemcellUpgradeProcess.Variables.NEXT_WINDOW_END) + " is missing. The task stays open.");
    }
    if (!to.isAfter(now)) {
      throw new OperatorInputException(expected + "; the window " + from + " - " + to + " has already ended (now "
          + now + "): choose a window in the future. The task stays open.");
    }
    if (!to.isAfter(from)) {
      throw new OperatorInputException(expected + "; the window ends (" + to + ") before it starts (" + from
          + "). The task stays open.");
    }
  }
}
