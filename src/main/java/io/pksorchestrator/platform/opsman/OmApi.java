package io.pksorchestrator.platform.opsman;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;

/** The Ops Manager API ({@code /api/v0}); every call except {@code info} carries an Ops Manager UAA token. */
@Headers("Accept: application/json")
interface OmApi {

  /** Unauthenticated, like {@code om} calls it. */
  @RequestLine("GET /api/v0/info")
  OmDtos.Info info();

  @RequestLine("GET /api/v0/staged/products")
  List<OmDtos.Product> stagedProducts();

  @RequestLine("GET /api/v0/deployed/products")
  List<OmDtos.Product> deployedProducts();

  /** Shape differs before and after Ops Manager 2.6, hence read as a tree. */
  @RequestLine("GET /api/v0/diagnostic_report")
  JsonNode diagnosticReport();

  // POST /api/v0/stemcells is not here: Feign buffers request bodies; see StemcellUploader (streamed).

  /** Ops Manager before 2.6: one stemcell per product. */
  @RequestLine("GET /api/v0/stemcell_assignments")
  OmDtos.Assignments stemcellAssignments();

  @RequestLine("PATCH /api/v0/stemcell_assignments")
  @Headers("Content-Type: application/json")
  void assignStemcell(OmDtos.AssignmentsPatch patch);

  /** Ops Manager 2.6+: several stemcells per product. */
  @RequestLine("GET /api/v0/stemcell_associations")
  OmDtos.Associations stemcellAssociations();

  @RequestLine("PATCH /api/v0/stemcell_associations")
  @Headers("Content-Type: application/json")
  void associateStemcell(OmDtos.AssociationsPatch patch);

  @RequestLine("POST /api/v0/installations")
  @Headers("Content-Type: application/json")
  OmDtos.InstallationStarted applyChanges(OmDtos.ApplyChanges request);

  @RequestLine("GET /api/v0/installations/{id}")
  OmDtos.Installation installation(@Param("id") long id);

  @RequestLine("GET /api/v0/installations/{id}/logs")
  OmDtos.Logs installationLogs(@Param("id") long id);

  @RequestLine("GET /api/v0/installations")
  OmDtos.Installations installations();
}
