package io.pksorchestrator.platform.pks;

import java.util.Map;

/**
 * What {@code POST /v1/clusters} is asked to create.
 *
 * @param workerInstances {@code null} lets PKS use the plan's default
 * @param tags cluster tags (name to value); may be empty
 */
public record CreateClusterSpec(
    String name, String planName, String externalHostname, Integer workerInstances, Map<String, String> tags) {}
