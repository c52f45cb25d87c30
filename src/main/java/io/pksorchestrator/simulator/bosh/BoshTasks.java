package io.pksorchestrator.simulator.bosh;

import static io.pksorchestrator.simulator.core.Json.obj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pksorchestrator.simulator.core.Scheduler;
import io.pksorchestrator.simulator.faults.FaultInjector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Director's tasks (§4.2): {@code queued → processing → done | error}, {@code cancelling → cancelled}, with
 * event and result output. Plain tasks run for a fixed simulated duration; tasks of PKS cluster operations are
 * begun and ended by the PKS simulation.
 */
final class BoshTasks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration QUEUED_FOR = Duration.ofSeconds(1);

  private final Scheduler scheduler;
  private final FaultInjector faults;
  private final Duration taskDuration;
  private final Map<Long, SimTask> tasks = new LinkedHashMap<>();
  private long nextTaskId = 1;

  BoshTasks(Scheduler scheduler, FaultInjector faults, Duration taskDuration) {
    this.scheduler = scheduler;
    this.faults = faults;
    this.taskDuration = taskDuration;
  }

  /** {@code GET /tasks} with optional filters. */
  List<Map<String, Object>> list(Set<String> states, String deployment, Integer limit) {
    List<SimTask> all = new ArrayList<>(tasks.values());
    java.util.Collections.reverse(all);
    return all.stream()
        .filter(t -> states == null || states.isEmpty() || states.contains(t.state))
        .filter(t -> deployment == null || deployment.equals(t.deployment))
        .limit(limit == null ? Long.MAX_VALUE : limit)
        .map(t -> t.toJson(scheduler.now())).toList();
  }

  /** {@code GET /tasks/{id}}. */
  Map<String, Object> get(long id) {
    return find(id).toJson(scheduler.now());
  }

  /** {@code GET /tasks/{id}/output?type=event|result|debug|cpi}. */
  String output(long id, String type) {
    SimTask task = find(id);
    return switch (type == null ? "result" : type) {
      case "event" -> task.events.toString();
      case "result" -> task.resultOutput;
      default -> "";
    };
  }

  /** {@code DELETE /task/{id}}: only plain Director tasks can be cancelled here; it takes effect at the next checkpoint. */
  void cancel(long id) {
    SimTask task = find(id);
    if (!task.running() || !task.cancellable || task.state.equals("cancelling")) {
      // The Director's message; the error code is an assumption (the reference gives only the text).
      throw BoshDirector.error(400, 10001, "Cannot cancel task " + id + ": invalid state (" + task.state + ")");
    }
    task.state = "cancelling";
    scheduler.after(Duration.ofSeconds(1), () -> finish(task, "cancelled", "task cancelled"));
  }

  /** Starts a task driven by another simulation (processing at once; it decides when it ends). */
  SimTask begin(String description, String deployment, String user) {
    SimTask task = new SimTask(nextTaskId++, description, deployment, user, false);
    tasks.put(task.id, task);
    task.state = "processing";
    task.startedAt = scheduler.now();
    event(task, description, "started", 0);
    return task;
  }

  /** Ends a task begun with {@link #beginTask}. */
  void end(SimTask task, boolean ok, String result) {
    finish(task, ok ? "done" : "error", result);
  }

  SimTask run(String description, String deployment, Function<SimTask, String> work) {
    SimTask task = new SimTask(nextTaskId++, description, deployment, "pkso-lab", true);
    tasks.put(task.id, task);
    scheduler.after(QUEUED_FOR, () -> {
      if (!task.state.equals("queued")) {
        return;
      }
      task.state = "processing";
      task.startedAt = scheduler.now();
      event(task, description, "started", 0);
      scheduler.after(taskDuration, () -> {
        if (!task.state.equals("processing")) {
          return;
        }
        if (faults.takeBoshTaskError()) {
          finish(task, "error", "Injected fault: task failed");
          return;
        }
        try {
          finish(task, "done", work.apply(task));
        } catch (RuntimeException e) {
          finish(task, "error", e.getMessage());
        }
      });
    });
    return task;
  }

  private void finish(SimTask task, String state, String result) {
    task.state = state;
    task.result = result;
    task.finishedAt = scheduler.now();
    if (task.startedAt == null) {
      task.startedAt = task.finishedAt;
    }
    event(task, task.description, state.equals("done") ? "finished" : "failed", 100);
  }

  private void event(SimTask task, String stage, String state, int progress) {
    task.events.append(line(obj("time", scheduler.now().getEpochSecond(), "stage", stage, "tags", List.of(),
        "total", 1, "task", stage, "index", 1, "state", state, "progress", progress))).append('\n');
  }

  private SimTask find(long id) {
    SimTask task = tasks.get(id);
    if (task == null) {
      throw BoshDirector.error(404, 10000, "Task " + id + " could not be found");
    }
    return task;
  }

  static String line(Map<String, Object> json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void clear() {
    tasks.clear();
  }
}
