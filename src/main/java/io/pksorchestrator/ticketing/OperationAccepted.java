package io.pksorchestrator.ticketing;

import io.swagger.v3.oas.annotations.media.Schema;

/** Answer to an accepted request: the operation to follow. */
@Schema(description = "The operation started for a request (202), or the one an earlier request with the same"
    + " key started (200, duplicate=true)")
public record OperationAccepted(
    @Schema(description = "Process instance id; follow it at /api/v1/operations/{operationId}") String operationId,
    String process,
    String businessKey,
    String ticketId,
    boolean duplicate,
    @Schema(description = "Relative URL of the operation") String self,
    @Schema(description = "Relative URL of the instance in Cockpit") String cockpit) {
}
