package io.pksorchestrator.platform.opsman;

import com.fasterxml.jackson.databind.JsonNode;
import io.pksorchestrator.platform.FoundationRejectedException;
import io.pksorchestrator.platform.http.Component;
import io.pksorchestrator.platform.http.FoundationClients;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link OpsManagerGateway} over the Ops Manager API. */
@org.springframework.stereotype.Component
public class FeignOpsManagerGateway implements OpsManagerGateway {

  private final FoundationClients clients;
  private final StemcellUploader uploader;

  public FeignOpsManagerGateway(FoundationClients clients) {
    this.clients = clients;
    this.uploader = new StemcellUploader(clients);
  }

  private OmApi api(String foundation) {
    return clients.api(foundation, Component.OPSMAN, OmApi.class);
  }

  @Override
  public String version(String foundation) {
    OmDtos.Info info = clients.anonymous(foundation, Component.OPSMAN, OmApi.class).info();
    return info == null || info.info() == null ? null : info.info().version();
  }

  @Override
  public List<OmProduct> stagedProducts(String foundation) {
    return api(foundation).stagedProducts().stream().map(FeignOpsManagerGateway::toProduct).toList();
  }

  @Override
  public List<OmProduct> deployedProducts(String foundation) {
    return api(foundation).deployedProducts().stream().map(FeignOpsManagerGateway::toProduct).toList();
  }

  @Override
  public List<OmProductStemcells> productStemcells(String foundation) {
    if (OmVersion.parse(version(foundation)).hasStemcellAssociations()) {
      OmDtos.Associations a = api(foundation).stemcellAssociations();
      return a == null || a.products() == null ? List.of() : a.products().stream()
          .map(p -> new OmProductStemcells(p.guid(), p.identifier(), stemcells(p.stagedStemcells()),
              stemcells(p.deployedStemcells()), stemcells(p.availableStemcells())))
          .toList();
    }
    OmDtos.Assignments a = api(foundation).stemcellAssignments();
    // assignments name versions only; the operating system is not part of that API, so os stays null
    return a == null || a.products() == null ? List.of() : a.products().stream()
        .map(p -> new OmProductStemcells(p.guid(), p.identifier(), versions(List.of(p.stagedStemcellVersion())),
            versions(p.deployedStemcellVersion() == null ? List.of() : List.of(p.deployedStemcellVersion())),
            versions(p.availableStemcellVersions())))
        .toList();
  }

  @Override
  public boolean hasStemcell(String foundation, OmStemcell stemcell) {
    JsonNode report = api(foundation).diagnosticReport();
    String infrastructure = report.path("infrastructure_type").asText("");
    if (OmVersion.parse(version(foundation)).hasStemcellAssociations()) {
      // Ops Manager 2.6+: the stemcell library names each stemcell's infrastructure
      OmDtos.Associations a = api(foundation).stemcellAssociations();
      if (a != null && a.stemcellLibrary() != null && a.stemcellLibrary().stream().anyMatch(s -> sameStemcell(
          stemcell, s.os(), s.version()) && StemcellFiles.infrastructureMatches(s.infrastructure(), infrastructure))) {
        return true;
      }
      // om's way: available_stemcells [{filename, os, version}], the infrastructure from the file name
      for (JsonNode s : report.path("available_stemcells")) {
        if (sameStemcell(stemcell, s.path("os").asText(), s.path("version").asText())
            && StemcellFiles.fileMatches(s.path("filename").asText(""), infrastructure)) {
          return true;
        }
      }
      return false;
    }
    // before 2.6: stemcells [filename], e.g. bosh-stemcell-621.1-vsphere-esxi-ubuntu-xenial-go_agent.tgz
    for (JsonNode s : report.path("stemcells")) {
      String file = s.isTextual() ? s.asText() : s.path("filename").asText();
      StemcellFiles.Parsed parsed = StemcellFiles.parse(file);
      if (parsed != null && sameStemcell(stemcell, parsed.os(), parsed.version())
          && StemcellFiles.infrastructureMatches(parsed.infrastructure(), infrastructure)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameStemcell(OmStemcell wanted, String os, String version) {
    return wanted.version().equals(version) && (wanted.os() == null || wanted.os().equals(os));
  }

  @Override
  public OmStemcell uploadStemcell(String foundation, Path stemcellFile) {
    return uploader.upload(foundation, stemcellFile);
  }

  @Override
  public void assignStemcell(String foundation, String productGuid, OmStemcell stemcell) {
    if (OmVersion.parse(version(foundation)).hasStemcellAssociations()) {
      api(foundation).associateStemcell(new OmDtos.AssociationsPatch(List.of(new OmDtos.Association(productGuid,
          List.of(new OmDtos.Stemcell(stemcell.os(), stemcell.version()))))));
    } else {
      api(foundation).assignStemcell(new OmDtos.AssignmentsPatch(List.of(
          new OmDtos.Assignment(productGuid, stemcell.version()))));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code productGuids} {@code null} deploys all products; an empty list deploys none (the Director only).
   * A POST while another installation runs is refused by Ops Manager (422 or 409, [unconfirmed]); both are
   * rejections, so callers check {@link #runningInstallation} first, as {@code om} does.
   */
  @Override
  public long applyChanges(String foundation, List<String> productGuids,
      Map<String, Map<String, Boolean>> postDeployErrands) {
    if (productGuids != null && !productGuids.isEmpty()) {
      String version = version(foundation);
      if (!OmVersion.parse(version).hasSelectiveDeploy()) {
        // om apply-changes --product-name: "only available with Ops Manager 2.2 or later"
        throw new FoundationRejectedException(foundation, 0, "Foundation '" + foundation + "' opsman: Apply Changes"
            + " for chosen products (deploy_products " + productGuids + ") is only available with Ops Manager 2.2 or"
            + " later; this Ops Manager is " + version + ". Upgrade Ops Manager, or apply the changes of all products"
            + " there by hand.", "Ops Manager " + version + " cannot deploy chosen products");
      }
    }
    Object deployProducts = productGuids == null ? "all" : productGuids.isEmpty() ? "none" : productGuids;
    Map<String, Map<String, Map<String, Boolean>>> errands = new LinkedHashMap<>();
    if (postDeployErrands != null) {
      postDeployErrands.forEach((guid, byErrand) -> errands.put(guid, Map.of("run_post_deploy", byErrand)));
    }
    OmDtos.InstallationStarted started = api(foundation).applyChanges(
        new OmDtos.ApplyChanges(false, false, deployProducts, errands.isEmpty() ? null : errands));
    return started.install().id();
  }

  @Override
  public OmInstallation installation(String foundation, long installationId) {
    OmDtos.Installation i = api(foundation).installation(installationId);
    return new OmInstallation(installationId, i.status(), i.userName(), i.startedAt(), i.finishedAt());
  }

  @Override
  public String installationLogs(String foundation, long installationId) {
    OmDtos.Logs logs = api(foundation).installationLogs(installationId);
    return logs == null || logs.logs() == null ? "" : logs.logs();
  }

  @Override
  public List<OmInstallation> installations(String foundation) {
    OmDtos.Installations list = api(foundation).installations();
    return list == null || list.installations() == null ? List.of() : list.installations().stream()
        .map(i -> new OmInstallation(i.id() == null ? 0 : i.id(), i.status(), i.userName(), i.startedAt(),
            i.finishedAt()))
        .toList();
  }

  private static OmProduct toProduct(OmDtos.Product p) {
    return new OmProduct(p.installationName(), p.guid(), p.type(), p.productVersion());
  }

  private static List<OmStemcell> stemcells(List<OmDtos.Stemcell> list) {
    return list == null ? List.of() : list.stream().map(s -> new OmStemcell(s.os(), s.version())).toList();
  }

  private static List<OmStemcell> versions(List<String> versions) {
    return versions == null ? List.of() : versions.stream().filter(v -> v != null)
        .map(v -> new OmStemcell(null, v)).toList();
  }
}
