package io.pksorchestrator.platform.opsman;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Domain operations on a foundation's Ops Manager ({@code /api/v0}). Nothing here retries. */
public interface OpsManagerGateway {

  /** {@code GET /api/v0/info}: the Ops Manager version, e.g. {@code 3.0.25-build.2}. */
  String version(String foundation);

  /**
   * Whether Apply Changes can deploy chosen products ({@code deploy_products} with GUIDs): Ops Manager 2.2 or
   * later, as {@code om apply-changes --product-name} checks.
   */
  default boolean supportsSelectiveDeploy(String foundation) {
    return OmVersion.parse(version(foundation)).hasSelectiveDeploy();
  }

  /** {@code GET /api/v0/staged/products}. */
  List<OmProduct> stagedProducts(String foundation);

  /** {@code GET /api/v0/deployed/products}. */
  List<OmProduct> deployedProducts(String foundation);

  /** Stemcells staged and deployed per product; associations or assignments by Ops Manager version. */
  List<OmProductStemcells> productStemcells(String foundation);

  /**
   * Whether Ops Manager already has this stemcell for the foundation's infrastructure (the skip-if-present check
   * before an upload): same os and version, and a file whose infrastructure matches the diagnostic report's
   * {@code infrastructure_type}, as {@code om} matches it.
   */
  boolean hasStemcell(String foundation, OmStemcell stemcell);

  /**
   * {@code POST /api/v0/stemcells} (multipart {@code stemcell[file]}, not floating), streamed from the file with an
   * exact length. Long: call it outside engine jobs (see {@code upgrade.StemcellUploads}).
   *
   * @return the stemcell Ops Manager names in its answer, or null when the answer has none (it is not required)
   */
  OmStemcell uploadStemcell(String foundation, Path stemcellFile);

  /** Stages the stemcell for the product: associations (2.6+) or assignments (older), by Ops Manager version. */
  void assignStemcell(String foundation, String productGuid, OmStemcell stemcell);

  /**
   * {@code POST /api/v0/installations}. Deploying chosen products (a non-empty list) needs Ops Manager 2.2 or later;
   * on an older one this is refused before anything is sent.
   *
   * @param productGuids products to deploy ({@code deploy_products})
   * @param postDeployErrands product guid to errand name to enabled ({@code errands.<guid>.run_post_deploy})
   * @return the installation id
   */
  long applyChanges(String foundation, List<String> productGuids, Map<String, Map<String, Boolean>> postDeployErrands);

  /** {@code GET /api/v0/installations/{id}}. */
  OmInstallation installation(String foundation, long installationId);

  /** {@code GET /api/v0/installations/{id}/logs}: the log text so far. */
  String installationLogs(String foundation, long installationId);

  /** {@code GET /api/v0/installations}, most recent first. */
  List<OmInstallation> installations(String foundation);

  /** The running installation, if {@code installations[0]} is running (how {@code om} detects it). */
  default Optional<OmInstallation> runningInstallation(String foundation) {
    return installations(foundation).stream().findFirst().filter(OmInstallation::isRunning);
  }
}
