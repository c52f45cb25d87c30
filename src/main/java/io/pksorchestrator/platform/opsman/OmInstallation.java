package io.pksorchestrator.platform.opsman;

import java.time.Instant;

/**
 * An Apply Changes run.
 *
 * @param status {@code running}, {@code succeeded} or {@code failed}
 */
public record OmInstallation(long id, String status, String userName, Instant startedAt, Instant finishedAt) {

  public boolean isRunning() {
    return "running".equals(status);
  }
}
