package io.pksorchestrator.upgrade;

import java.time.Instant;
import java.util.Optional;

/** Where stemcell uploads are recorded so that every node sees them ({@code pkso_stemcell_upload}). */
public interface StemcellUploadStore {

  /** One upload attempt of one process instance. */
  record Upload(String key, String foundation, String source, String os, String version, State state, int attempt,
      String node, Instant startedAt, Instant heartbeatAt, Instant finishedAt, Boolean retryable, boolean reported,
      String message) {}

  /** Where an upload stands. */
  enum State { RUNNING, SUCCEEDED, FAILED }

  Optional<Upload> find(String key);

  /** Records a new attempt (replacing an earlier one of the same key), RUNNING on {@code node}. */
  void start(Upload upload);

  /** Heartbeat of every RUNNING upload of {@code node}. */
  void heartbeat(String node, Instant now);

  /** Ends the attempt, unless a newer attempt has replaced it meanwhile. */
  void finish(String key, int attempt, State state, Boolean retryable, String message, Instant now);

  /** Marks a failure as thrown to the engine once; committed even when the calling job rolls back. */
  void markReported(String key, int attempt);
}
