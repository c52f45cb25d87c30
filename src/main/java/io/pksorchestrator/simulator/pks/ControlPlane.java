package io.pksorchestrator.simulator.pks;

import io.pksorchestrator.simulator.core.Stemcell;

/** What the PKS tile, as deployed by Ops Manager, brings to clusters it creates or upgrades. */
public interface ControlPlane {

  /** The tile's product version, e.g. 1.19.2-build.10 (a cluster's pks_version after upgrade). */
  String pksVersion();

  /** The Kubernetes version the tile ships (a cluster's k8s_version after upgrade). */
  String kubernetesVersion();

  /** The stemcell the tile is deployed with; clusters move to it when created or upgraded. */
  Stemcell deployedStemcell();
}
