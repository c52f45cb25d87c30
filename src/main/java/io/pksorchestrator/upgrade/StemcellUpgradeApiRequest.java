package io.pksorchestrator.upgrade;

import io.pksorchestrator.operations.NameRules;
import io.pksorchestrator.operations.OperationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/stemcell-upgrades}: upgrade the clusters of a foundation to a new stemcell. */
@Schema(name = "StemcellUpgradeRequest", description = "A request to upgrade the stemcell of a foundation's clusters")
public record StemcellUpgradeApiRequest(
    @Schema(example = "lab") @NotBlank @Size(max = 63) String foundation,
    @Schema(example = "1.570") @NotBlank @Size(max = 40)
    @Pattern(regexp = "^[0-9]+(\\.[0-9]+)*$", message = "must be a version such as 1.570") String stemcellVersion,
    @Schema(example = "ubuntu-jammy") @NotBlank @Size(max = 60)
    @Pattern(regexp = NameRules.CLUSTER_NAME, message = "must be an OS name such as ubuntu-jammy") String stemcellOs,
    @Schema(example = "https://stemcells.example.com/bosh-stemcell-1.570-vsphere-esxi-ubuntu-jammy-go_agent.tgz",
        description = "File path or URL the application can read; ignored when Ops Manager already has it")
    @NotBlank @Size(max = 2000) String stemcellSource,
    @Schema(description = "Cluster names, or [\"all\"] (default)", example = "[\"all\"]")
    @Size(max = 500) List<@NotBlank @Size(max = NameRules.MAX_CLUSTER_NAME_LENGTH)
        @Pattern(regexp = NameRules.CLUSTER_NAME, message = NameRules.CLUSTER_NAME_MESSAGE) String> clusters,
    @Schema(description = "Canary clusters, among the selected ones; default: the smallest healthy cluster")
    @Size(max = 20) List<@NotBlank @Size(max = NameRules.MAX_CLUSTER_NAME_LENGTH)
        @Pattern(regexp = NameRules.CLUSTER_NAME, message = NameRules.CLUSTER_NAME_MESSAGE) String> canaries,
    @Schema(example = "1", description = "Clusters upgraded in parallel after the canaries (a whole number); default"
        + " 1; at most the PKS tile's Worker VM Max in Flight")
    @Min(1) @Max(50) Integer maxInFlight,
    @Schema(example = "2026-12-05T22:00:00Z", description = "ISO-8601 date-time with offset; optional")
    @Size(max = 40) String maintenanceWindowStart,
    @Schema(example = "2026-12-06T04:00:00Z", description = "ISO-8601 date-time with offset, after the start and in the future")
    @Size(max = 40) String maintenanceWindowEnd,
    @Schema(example = "CHG0012347") @Size(max = 100)
    @Pattern(regexp = NameRules.TICKET_ID, message = NameRules.TICKET_ID_MESSAGE)
    String ticketId) implements OperationRequest {

  /** The clusters in the process's form: {@code all} or a comma-separated list. */
  public String clustersValue() {
    return selectsAll() ? "all" : String.join(",", clusters);
  }

  /** Whether every cluster of the foundation is selected ({@code clusters} absent, empty or {@code all}). */
  boolean selectsAll() {
    return clusters == null || clusters.isEmpty() || clusters.contains("all");
  }
}
