package io.pksorchestrator.ticketing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/cluster-requests}: create a PKS cluster behind an approval. */
@Schema(description = "A request to create a Kubernetes cluster on a foundation")
public record ClusterRequest(
    @Schema(example = "lab") @NotBlank @Size(max = 63) String foundation,
    @Schema(example = "payments-dev", description = "DNS-1123 label, at most 40 characters")
    @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.DNS_LABEL, message = Patterns.DNS_LABEL_MESSAGE)
    String clusterName,
    @Schema(example = "small") @NotBlank @Size(max = 100) String planName,
    @Schema(example = "3", description = "Worker count; the plan's default when absent")
    @Min(1) @Max(500) Integer workerCount,
    @Schema(example = "payments-dev.k8s.example.com")
    @NotBlank @Size(max = 253) @Pattern(regexp = Patterns.HOSTNAME, message = "must be a lower-case DNS host name")
    String externalHostname,
    @Schema(example = "CHG0012345") @Size(max = 100) @Pattern(regexp = Patterns.TICKET_ID, message = Patterns.TICKET_ID_MESSAGE)
    String ticketId) implements TicketingRequest {
}
