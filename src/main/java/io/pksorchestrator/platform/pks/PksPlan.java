package io.pksorchestrator.platform.pks;

/**
 * A PKS plan as served by {@code GET /v1/plans}.
 *
 * @param workerInstances default worker count of a cluster created with this plan
 * @param masterInstances control-plane VMs of a cluster of this plan
 * @param maxWorkerInstances largest worker count the plan allows, or {@code null} when the foundation does not
 *     say (the documented Plan model has no such field; the tile setting "Maximum number of workers" is read
 *     from an extra {@code max_worker_instances} field when present, an assumption)
 */
public record PksPlan(
    String id, String name, String description, int workerInstances, int masterInstances,
    Integer maxWorkerInstances) {

  /** Smallest worker count PKS accepts on resize ({@code pks resize} scales down to one worker). */
  public static final int MIN_WORKERS = 1;
}
