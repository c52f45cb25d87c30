package io.pksorchestrator.upgrade;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link StemcellUploadStore} in memory: one node only; for process tests and tools without a database. */
public class InMemoryStemcellUploadStore implements StemcellUploadStore {

  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

  @Override
  public Optional<Upload> find(String key) {
    return Optional.ofNullable(uploads.get(key));
  }

  @Override
  public void start(Upload upload) {
    uploads.put(upload.key(), upload);
  }

  @Override
  public void heartbeat(String node, Instant now) {
    uploads.replaceAll((k, u) -> u.node().equals(node) && u.state() == State.RUNNING ? with(u, u.state(),
        u.retryable(), u.reported(), u.message(), u.finishedAt(), now) : u);
  }

  @Override
  public void finish(String key, int attempt, State state, Boolean retryable, String message, Instant now) {
    uploads.computeIfPresent(key, (k, u) -> u.attempt() == attempt ? with(u, state, retryable, false, message, now,
        now) : u);
  }

  @Override
  public void markReported(String key, int attempt) {
    uploads.computeIfPresent(key, (k, u) -> u.attempt() == attempt ? with(u, u.state(), u.retryable(), true,
        u.message(), u.finishedAt(), u.heartbeatAt()) : u);
  }

  /** Test hook: what a node that died mid-upload leaves behind (RUNNING, heartbeat at {@code at}). */
  public void simulateDeadNode(String key, Instant at) {
    uploads.computeIfPresent(key, (k, u) -> new Upload(u.key(), u.foundation(), u.source(), u.os(), u.version(),
        State.RUNNING, u.attempt(), "dead-node", u.startedAt(), at, null, null, false, null));
  }

  private static Upload with(Upload u, State state, Boolean retryable, boolean reported, String message,
      Instant finishedAt, Instant heartbeatAt) {
    return new Upload(u.key(), u.foundation(), u.source(), u.os(), u.version(), state, u.attempt(), u.node(),
        u.startedAt(), heartbeatAt, finishedAt, retryable, reported, message);
  }
}
