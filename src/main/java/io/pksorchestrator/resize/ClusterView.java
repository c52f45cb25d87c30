package io.pksorchestrator.resize;

import java.time.Instant;
import java.util.List;

/**
 * A managed cluster as the clusters API shows it: the latest recommendation of the forecasting cycle and the
 * last resize.
 *
 * @param currentWorkers workers PKS reported at the last cycle
 * @param recommendedWorkers the planner's target at the last cycle (null without demand data)
 * @param action what the last cycle did ({@link RecommendationAction})
 * @param chart URL of the forecast chart (PNG)
 * @param heldBy the operation holding the cluster's lease now (no other operation changes it meanwhile); null if free
 * @param suppressedProposals the cluster's most recent proposals the cycle did not start, and why (newest first)
 */
public record ClusterView(String foundation, String name, String mode, String plan, Integer currentWorkers,
    Integer recommendedWorkers, ForecastSummary forecast, String action, String reason, Instant recordedAt,
    LastResize lastResize, String chart, HeldBy heldBy, List<SuppressedProposal> suppressedProposals) {

  /** The operation holding the cluster. */
  public record HeldBy(String operationId, String operation, String businessKey, Instant since, String self) {}

  /**
   * An episode of suppressed proposals: from {@code firstAt} to {@code lastAt} (wall time), {@code times} cycles.
   *
   * @param kind {@code LEASED}, {@code RESIZE_IN_FLIGHT}, {@code HELD}, {@code REJECTION_BACKOFF}, {@code MANUAL_HOLD}
   */
  public record SuppressedProposal(String kind, String reason, Integer currentWorkers, Integer proposedWorkers,
      Instant firstAt, Instant lastAt, int times, String operationId) {}

  /**
   * The forecast behind the recommendation.
   *
   * @param status {@code READY}, {@code INSUFFICIENT_HISTORY}, {@code NO_DATA} or {@code ERROR}
   * @param foundationTime time of the newest demand sample
   * @param upperCores the forecast's upper quantile over lead time plus decision interval
   */
  public record ForecastSummary(String status, String model, Instant foundationTime, Double demandNowCores,
      Double upperCores, Integer neededNowWorkers, Double nodeCores) {}

  /** The cluster's most recent ended resize. */
  public record LastResize(String processInstanceId, Instant endedAt, Integer fromWorkers, Integer toWorkers,
      String trigger, String outcome, String message) {}
}
