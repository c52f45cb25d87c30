package io.pksorchestrator.simulator.opsman;

import static io.pksorchestrator.simulator.core.Json.obj;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One Apply Changes run: {@code running → succeeded | failed}, with growing BOSH-style logs. */
final class Installation {

  final long id;
  final String userName;
  final Instant startedAt;
  String status = "running";
  Instant finishedAt;
  final StringBuilder logs = new StringBuilder();
  final List<Map<String, Object>> updates;

  Installation(long id, String userName, Instant startedAt, List<Map<String, Object>> updates) {
    this.id = id;
    this.userName = userName;
    this.startedAt = startedAt;
    this.updates = updates;
  }

  void log(Instant at, String line) {
    logs.append(at.toString()).append(' ').append(line).append('\n');
  }

  /** {@code GET /api/v0/installations/{id}}. */
  Map<String, Object> status() {
    return obj("status", status, "started_at", startedAt.toString(), "finished_at", finishedAt == null ? null : finishedAt.toString());
  }

  /** An item of {@code GET /api/v0/installations}. */
  Map<String, Object> summary() {
    return obj("id", id, "user_name", userName, "status", status, "started_at", startedAt.toString(),
        "finished_at", finishedAt == null ? null : finishedAt.toString(),
        "additions", List.of(), "updates", updates, "deletions", List.of(), "unchanged", List.of());
  }
}
