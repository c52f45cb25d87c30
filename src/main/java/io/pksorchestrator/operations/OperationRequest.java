package io.pksorchestrator.operations;

/**
 * A request body of the ticketing API ({@code /api/v1}) for one of the operations processes. Each process package
 * owns its body type (fields, Bean Validation annotations, OpenAPI description) and its {@link OperationContract};
 * bodies of these types are read strictly (unknown fields and type coercions are errors).
 */
public interface OperationRequest {

  /** The requesting system's ticket id; doubles as the idempotency key when no header is sent. */
  String ticketId();

  /** The foundation the operation acts on. */
  String foundation();
}
