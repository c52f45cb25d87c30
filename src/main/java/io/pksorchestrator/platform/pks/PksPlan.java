package io.pksorchestrator.platform.pks;

/**
 * A PKS plan as served by {@code GET /v1/plans}, with the worker maximum from configuration.
 *
 * @param workerInstances default worker count of a cluster created with this plan
 * @param masterInstances control-plane VMs of a cluster of this plan
 * @param maxWorkerInstances largest worker count the plan allows: the PKS tile's "Maximum number of workers on a
 *     cluster", which the PKS API does not serve (its Plan model has no such field), so it comes from
 *     {@code pkso.foundations.<name>.plans.max-workers.<plan>} (default
 *     {@code pkso.foundations.<name>.plans.default-max-workers}, 50); never {@code null} from the gateway
 */
public record PksPlan(
    String id, String name, String description, int workerInstances, int masterInstances,
    Integer maxWorkerInstances) {

  /** Smallest worker count PKS accepts on resize ({@code pks resize} scales down to one worker). */
  public static final int MIN_WORKERS = 1;
}
