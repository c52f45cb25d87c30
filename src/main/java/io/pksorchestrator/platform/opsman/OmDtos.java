package io.pksorchestrator.platform.opsman;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire shapes of the Ops Manager API (snake_case; unknown fields ignored). */
final class OmDtos {

  private OmDtos() {}

  record Info(InfoVersion info) {}

  record InfoVersion(String version) {}

  record Product(String installationName, String guid, String type, String productVersion) {}

  record Stemcell(String os, String version) {}

  record Assignments(List<AssignedProduct> products) {}

  record AssignedProduct(String guid, String identifier, String stagedStemcellVersion,
      String requiredStemcellVersion, List<String> availableStemcellVersions, String deployedStemcellVersion) {}

  record AssignmentsPatch(List<Assignment> products) {}

  record Assignment(String guid, String stagedStemcellVersion) {}

  record Associations(List<AssociatedProduct> products, List<LibraryStemcell> stemcellLibrary) {}

  /** An entry of {@code stemcell_library} (Ops Manager 2.6+). */
  record LibraryStemcell(String version, String os, String name, String infrastructure, String hypervisor) {}

  record AssociatedProduct(String guid, String identifier, List<Stemcell> stagedStemcells,
      List<Stemcell> deployedStemcells, List<Stemcell> availableStemcells) {}

  record AssociationsPatch(List<Association> products) {}

  record Association(String guid, List<Stemcell> stagedStemcells) {}

  /**
   * {@code deploy_products} is {@code "all"}, {@code "none"} or a list of guids, hence Object. The documented type
   * of {@code ignore_warnings} is boolean ({@code om} sends a string; both are accepted by Ops Manager).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ApplyChanges(boolean ignoreWarnings, boolean forceLatestVariables, Object deployProducts,
      Map<String, Map<String, Map<String, Boolean>>> errands) {}

  record InstallationStarted(InstallationId install) {}

  record InstallationId(long id) {}

  record Installation(Long id, String status, String userName, Instant startedAt, Instant finishedAt) {}

  record Installations(List<Installation> installations) {}

  record Logs(String logs) {}
}
