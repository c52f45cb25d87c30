package io.pksorchestrator.platform.bosh;

import java.util.List;

/** A stemcell uploaded to the Director ({@code GET /stemcells}). */
public record BoshStemcell(String name, String operatingSystem, String version, String cid, List<String> deployments) {}
