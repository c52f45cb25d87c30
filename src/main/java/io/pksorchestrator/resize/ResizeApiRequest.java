package io.pksorchestrator.resize;

import io.pksorchestrator.operations.NameRules;
import io.pksorchestrator.operations.OperationRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/resize-requests}: a manual resize through the resize approval policy. */
@Schema(name = "ResizeRequest", description = "A request to resize a cluster to a given worker count")
public record ResizeApiRequest(
    @Schema(example = "lab") @NotBlank @Size(max = 63) String foundation,
    @Schema(example = "payments-dev")
    @NotBlank @Size(max = NameRules.MAX_CLUSTER_NAME_LENGTH)
    @Pattern(regexp = NameRules.CLUSTER_NAME, message = NameRules.CLUSTER_NAME_MESSAGE)
    String clusterName,
    @Schema(example = "5", description = "A whole number within the plan's limits")
    @NotNull @Min(1) @Max(500) Integer proposedWorkers,
    @Schema(example = "Quarter-end batch load") @NotBlank @Size(max = 500) String reason,
    @Schema(example = "CHG0012346") @Size(max = 100)
    @Pattern(regexp = NameRules.TICKET_ID, message = NameRules.TICKET_ID_MESSAGE)
    String ticketId) implements OperationRequest {
}
