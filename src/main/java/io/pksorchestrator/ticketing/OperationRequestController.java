package io.pksorchestrator.ticketing;

import io.pksorchestrator.cluster.ClusterCreationApiRequest;
import io.pksorchestrator.cluster.ClusterCreationContract;
import io.pksorchestrator.operations.OperationContract;
import io.pksorchestrator.operations.OperationRequest;
import io.pksorchestrator.operations.RequestViolation;
import io.pksorchestrator.resize.ManualResizeContract;
import io.pksorchestrator.resize.ResizeApiRequest;
import io.pksorchestrator.upgrade.StemcellUpgradeApiRequest;
import io.pksorchestrator.upgrade.StemcellUpgradeContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticketing systems request operations here; each request starts (at most once) one process. The rules and the
 * start variables belong to each process package ({@link OperationContract}); this applies them in one order for
 * all three: field rules (400), a repeated idempotency key (200 with its operation), a leased cluster (409), the
 * foundation rules (422), then the start (202). Who may call is the API's access rule (security, docs/security.md).
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Requests", description = "Request operations (groups ticketing, camunda-admin)")
@ApiResponse(responseCode = "202", description = "Accepted: the process was started")
@ApiResponse(responseCode = "200", description = "Duplicate: the key was already accepted; the same operation")
@ApiResponse(responseCode = "400", description = "Invalid fields (every one listed in errors)",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The idempotency key was used for a different request, or a cluster"
    + " the request would change is held by another operation (heldBy names it); nothing was started",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "413", description = "Body larger than pkso.ticketing.max-body-size",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "415", description = "Body not sent as application/json",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "The foundation does not have or allow what the request names"
    + " (foundation, plan, cluster, a name in use, a limit of the plan or the tile); errors names the field and the"
    + " limit", content = @Content(mediaType = "application/problem+json",
    schema = @Schema(implementation = ProblemDetail.class)))
public class OperationRequestController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Validator validator;
  private final OperationStarter starter;
  private final TicketingAccess access;
  private final LeasedClusterCheck leased;
  private final ClusterCreationContract clusters;
  private final ManualResizeContract resizes;
  private final StemcellUpgradeContract upgrades;

  public OperationRequestController(Validator validator, OperationStarter starter, TicketingAccess access,
      LeasedClusterCheck leased, ClusterCreationContract clusters, ManualResizeContract resizes,
      StemcellUpgradeContract upgrades) {
    this.validator = validator;
    this.starter = starter;
    this.access = access;
    this.leased = leased;
    this.clusters = clusters;
    this.resizes = resizes;
    this.upgrades = upgrades;
  }

  @PostMapping("/cluster-requests")
  @Operation(summary = "Request a new cluster", description = "Starts ClusterCreationProcess; business key = ticketId,"
      + " else the cluster name. Refused (422) when the name is in use on the foundation or the worker count is"
      + " above the plan's maximum.")
  public ResponseEntity<OperationAccepted> requestCluster(
      @RequestBody ClusterCreationApiRequest request,
      @Parameter(description = "Idempotency key; defaults to ticketId") @RequestHeader(name = IDEMPOTENCY_KEY,
          required = false) String idempotencyKey) {
    return request(clusters, request, idempotencyKey);
  }

  @PostMapping("/resize-requests")
  @Operation(summary = "Request a manual resize", description = "Starts PredictiveResizeProcess with trigger=manual;"
      + " it goes through the same approval policy as forecast-driven resizes. Business key = foundation/cluster."
      + " Refused (422) above the plan's maximum workers.")
  public ResponseEntity<OperationAccepted> requestResize(
      @RequestBody ResizeApiRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    return request(resizes, request, idempotencyKey);
  }

  @PostMapping("/stemcell-upgrades")
  @Operation(summary = "Request a stemcell upgrade", description = "Starts StemcellUpgradeProcess; business key ="
      + " ticketId, else foundation/stemcell-version. Canaries must be among the selected clusters; maxInFlight at"
      + " most the PKS tile's Worker VM Max in Flight (422).")
  public ResponseEntity<OperationAccepted> requestUpgrade(
      @RequestBody StemcellUpgradeApiRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    return request(upgrades, request, idempotencyKey);
  }

  private <R extends OperationRequest> ResponseEntity<OperationAccepted> request(OperationContract<R> contract,
      R request, String idempotencyKey) {
    String client = access.caller().userId();
    if (request == null) {
      throw ApiProblem.invalid(List.of(new ApiProblem.FieldError("body", "is required")));
    }
    List<ApiProblem.FieldError> invalid = new ArrayList<>();
    validator.validate(request).forEach(v -> invalid.add(new ApiProblem.FieldError(
        v.getPropertyPath().toString().replace(".<list element>", ""), v.getMessage())));
    contract.fieldRules(request).forEach(v -> invalid.add(fieldError(v)));
    String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : request.ticketId();
    if (key != null && key.length() > 200) {
      invalid.add(new ApiProblem.FieldError(IDEMPOTENCY_KEY, "must be at most 200 characters"));
    }
    if (!invalid.isEmpty()) {
      invalid.sort(Comparator.comparing(ApiProblem.FieldError::field));
      throw ApiProblem.invalid(invalid);
    }
    String businessKey = contract.businessKey(request);
    Optional<OperationStarter.Started> repeated = starter.repeated(client, key, request, contract.processKey());
    if (repeated.isPresent()) {
      return accepted(repeated.get(), businessKey, request);
    }
    leased.refuseIfLeased(request.foundation(), contract.leaseClusters(request));
    refuseViolations(contract.foundationRules(request));
    OperationStarter.Started started = starter.start(new OperationStarter.StartCommand(client, key, request,
        contract.processKey(), businessKey, contract.startVariables(request, client)));
    return accepted(started, businessKey, request);
  }

  private static void refuseViolations(List<RequestViolation> violations) {
    List<ApiProblem.FieldError> invalid = violations.stream()
        .filter(v -> v.kind() == RequestViolation.Kind.INVALID).map(OperationRequestController::fieldError).toList();
    if (!invalid.isEmpty()) {
      throw ApiProblem.invalid(invalid);
    }
    if (!violations.isEmpty()) {
      throw ApiProblem.unprocessable(violations.stream().map(OperationRequestController::fieldError).toList());
    }
  }

  private static ApiProblem.FieldError fieldError(RequestViolation v) {
    return new ApiProblem.FieldError(v.field(), v.message());
  }

  private static ResponseEntity<OperationAccepted> accepted(OperationStarter.Started started, String businessKey,
      OperationRequest request) {
    String self = OperationLinks.operation(started.operationId());
    OperationAccepted body = new OperationAccepted(started.operationId(), started.processKey(), businessKey,
        request.ticketId(), !started.created(), self,
        OperationLinks.cockpit(started.operationId()));
    return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create(self)).body(body);
  }
}
