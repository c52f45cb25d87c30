package io.pksorchestrator.cluster;

import io.pksorchestrator.operations.NameRules;
import io.pksorchestrator.operations.OperationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/cluster-requests}: create a PKS cluster behind an approval. The name rules are
 * {@link NameRules}, the same the process applies ({@link ClusterRequestValidator}).
 */
@Schema(name = "ClusterRequest", description = "A request to create a Kubernetes cluster on a foundation")
public record ClusterCreationApiRequest(
    @Schema(example = "lab") @NotBlank @Size(max = 63) String foundation,
    @Schema(example = "payments-dev", description = "DNS-1123 label, at most 40 characters")
    @NotBlank @Size(max = NameRules.MAX_CLUSTER_NAME_LENGTH)
    @Pattern(regexp = NameRules.CLUSTER_NAME, message = NameRules.CLUSTER_NAME_MESSAGE)
    String clusterName,
    @Schema(example = "small") @NotBlank @Size(max = 100) String planName,
    @Schema(example = "3", description = "Worker count (a whole number); the plan's default when absent")
    @Min(1) @Max(500) Integer workerCount,
    @Schema(example = "payments-dev.k8s.example.com")
    @NotBlank @Size(max = NameRules.MAX_HOSTNAME_LENGTH)
    @Pattern(regexp = NameRules.HOSTNAME, message = NameRules.HOSTNAME_MESSAGE)
    String externalHostname,
    @Schema(example = "CHG0012345") @Size(max = 100)
    @Pattern(regexp = NameRules.TICKET_ID, message = NameRules.TICKET_ID_MESSAGE)
    String ticketId) implements OperationRequest {

  /** The request as the process reads it from its start variables. */
  ClusterRequest toProcessRequest(String requestedBy) {
    return new ClusterRequest(foundation, clusterName, planName, workerCount, externalHostname, requestedBy,
        ticketId);
  }
}
