package io.pksorchestrator.platform.bosh;

/**
 * A Director task ({@code GET /tasks/{id}}).
 *
 * @param state {@code queued}, {@code processing}, {@code cancelling}, {@code cancelled}, {@code done},
 *     {@code error} or {@code timeout}
 * @param timestamp finish time, epoch seconds
 */
public record BoshTask(long id, String state, String description, Long timestamp, Long startedAt, String result,
    String user, String deployment, String contextId) {

  public boolean isRunning() {
    return "queued".equals(state) || "processing".equals(state) || "cancelling".equals(state);
  }

  public boolean isSucceeded() {
    return "done".equals(state);
  }
}
