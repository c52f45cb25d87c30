package io.pksorchestrator.ticketing;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/resize-requests}: a manual resize through the resize approval policy. */
@Schema(description = "A request to resize a cluster to a given worker count")
public record ResizeRequest(
    @Schema(example = "lab") @NotBlank @Size(max = 63) String foundation,
    @Schema(example = "payments-dev")
    @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.DNS_LABEL, message = Patterns.DNS_LABEL_MESSAGE)
    String clusterName,
    @Schema(example = "5") @NotNull @Min(1) @Max(500) Integer proposedWorkers,
    @Schema(example = "Quarter-end batch load") @NotBlank @Size(max = 500) String reason,
    @Schema(example = "CHG0012346") @Size(max = 100) @Pattern(regexp = Patterns.TICKET_ID, message = Patterns.TICKET_ID_MESSAGE)
    String ticketId) implements TicketingRequest {
}
