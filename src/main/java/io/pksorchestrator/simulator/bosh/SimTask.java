package io.pksorchestrator.simulator.bosh;

import static io.pksorchestrator.simulator.core.Json.obj;

import java.time.Instant;
import java.util.Map;

/** A BOSH Director task: {@code queued → processing → done | error}, or {@code cancelling → cancelled}. */
public final class SimTask {

  final long id;
  final String description;
  final String deployment;
  final String user;
  final boolean cancellable;
  String state = "queued";
  Instant startedAt;
  Instant finishedAt;
  String result;
  String resultOutput = "";
  final StringBuilder events = new StringBuilder();

  SimTask(long id, String description, String deployment, String user, boolean cancellable) {
    this.id = id;
    this.description = description;
    this.deployment = deployment;
    this.user = user;
    this.cancellable = cancellable;
  }

  /** Task id. */
  public long id() {
    return id;
  }

  /** Task state. */
  public String state() {
    return state;
  }

  boolean running() {
    return state.equals("queued") || state.equals("processing") || state.equals("cancelling");
  }

  /** The task object of {@code GET /tasks/{id}} (BOSH task_manager.rb task_to_hash). */
  Map<String, Object> toJson(Instant now) {
    return obj(
        "id", id,
        "state", state,
        "description", description,
        // timestamp = finish time once finished; while running BOSH shows the last update, we show now.
        "timestamp", (finishedAt != null ? finishedAt : now).getEpochSecond(),
        "started_at", startedAt == null ? null : startedAt.getEpochSecond(),
        "result", result,
        "user", user,
        "deployment", deployment,
        "context_id", "");
  }
}
