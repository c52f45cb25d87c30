package io.pksorchestrator.simulator.pks;

import static io.pksorchestrator.simulator.core.Json.obj;

import java.util.List;
import java.util.Map;

/**
 * A PKS plan. {@code maxWorkers} is the tile's "Maximum number of workers on a cluster" setting, which PKS
 * enforces on create and resize; like the real API, {@code GET /v1/plans} does not serve it (the PKS Plan model
 * has six fields, pks-api-models.md §1.3), so clients must be configured with it.
 */
public record Plan(String id, String name, String description, int workers, int masters, int maxWorkers) {

  /** The lab foundation's plans. */
  public static final List<Plan> LAB = List.of(
      new Plan("8A0E21A8-8072-4D80-B365-D1F502085560", "small", "Example: workloads for dev/test (1 master)", 3, 1, 10),
      new Plan("58375a45-17f7-4291-acf1-455bfdc8e371", "medium", "Example: workloads for production (3 masters)", 3, 3, 25),
      new Plan("241118e5-69b2-4ef9-b47f-4d2ab071aff5", "large", "Example: large workloads (3 masters)", 5, 3, 50));

  /** JSON of {@code GET /v1/plans}: exactly the six fields of the Plan model (note the hyphenated key). */
  public Map<String, Object> toJson() {
    return obj("id", id, "name", name, "description", description, "worker_instances", workers,
        "master_instances", masters, "allow-privileged-containers", false);
  }
}
