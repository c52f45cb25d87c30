package io.pksorchestrator.operations;

import java.util.List;
import java.util.Map;

/**
 * What a process package promises the ticketing API about one operation: the rules a request must pass before
 * anything starts (the same rules the process applies again for requests from other entry points), and the mapping
 * of a request to the process's business key and start variables. The ticketing API applies, in this order: the
 * body's Bean Validation annotations and {@link #fieldRules} (400, every violation at once), a repeated idempotency
 * key (200), a cluster of {@link #leaseClusters} held by another operation (409), {@link #foundationRules} (422,
 * or 400 for {@link RequestViolation.Kind#INVALID} ones), then starts the process.
 *
 * @param <R> the request body
 */
public interface OperationContract<R extends OperationRequest> {

  /** Process definition key of the operation. */
  String processKey();

  /** Rules that need nothing but the request (no foundation call). */
  List<RequestViolation> fieldRules(R request);

  /** Rules that read the foundation (plans, clusters, limits); called only when the field rules passed. */
  List<RequestViolation> foundationRules(R request);

  /** Business key of the process instance. */
  String businessKey(R request);

  /** The clusters the operation would change (and lease); {@code null} = every cluster of the foundation. */
  List<String> leaseClusters(R request);

  /** Start variables of a request that passed every rule, requested by {@code requestedBy}. */
  Map<String, Object> startVariables(R request, String requestedBy);
}
