package io.pksorchestrator.resize;

/**
 * Why the forecasting cycle did not start a resize it would otherwise have proposed.
 *
 * @param kind the recommendation action recorded: {@link RecommendationAction#LEASED},
 *     {@link RecommendationAction#RESIZE_IN_FLIGHT}, {@link RecommendationAction#HELD},
 *     {@link RecommendationAction#REJECTION_BACKOFF} or {@link RecommendationAction#MANUAL_HOLD}
 * @param reason one line for operators
 * @param holderId the operation that holds the cluster or whose decision applies (may be null)
 */
public record ProposalSuppression(RecommendationAction kind, String reason, String holderId) {}
