package io.pksorchestrator.ticketing;

/**
 * A request body of the ticketing API. Bodies of these types are read strictly: unknown fields are rejected
 * (see {@link StrictJsonMessageConverter}).
 */
public interface TicketingRequest {

  /** The requesting system's ticket id; doubles as the idempotency key when no header is sent. */
  String ticketId();

  /** The foundation the operation acts on. */
  String foundation();
}
