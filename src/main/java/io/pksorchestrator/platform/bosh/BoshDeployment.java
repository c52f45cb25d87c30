package io.pksorchestrator.platform.bosh;

import java.util.List;

/** A deployment from {@code GET /deployments}, with the releases and stemcells it uses. */
public record BoshDeployment(String name, List<NameVersion> releases, List<NameVersion> stemcells) {

  /** A release or stemcell reference. */
  public record NameVersion(String name, String version) {}
}
