package io.pksorchestrator.ticketing;

import io.pksorchestrator.operations.OperationVariables;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ticketing systems request operations here; each request starts (at most once) one process. */
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
@ApiResponse(responseCode = "422", description = "Unknown foundation, plan or cluster",
    content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class OperationRequestController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final RequestValidator validator;
  private final OperationStarter starter;
  private final TicketingAccess access;
  private final LeasedClusterCheck leased;

  public OperationRequestController(RequestValidator validator, OperationStarter starter, TicketingAccess access,
      LeasedClusterCheck leased) {
    this.validator = validator;
    this.starter = starter;
    this.access = access;
    this.leased = leased;
  }

  @PostMapping("/cluster-requests")
  @Operation(summary = "Request a new cluster", description = "Starts ClusterCreationProcess; business key = ticketId,"
      + " else the cluster name.")
  public ResponseEntity<OperationAccepted> requestCluster(
      @RequestBody ClusterRequest request,
      @Parameter(description = "Idempotency key; defaults to ticketId") @RequestHeader(name = IDEMPOTENCY_KEY,
          required = false) String idempotencyKey) {
    TicketingAccess.Caller caller = access.requester();
    validator.validateFields(request);
    validator.checkCluster(request);
    Map<String, Object> vars = common(request, caller);
    vars.put(OperationProcesses.CLUSTER_NAME, request.clusterName());
    vars.put(OperationProcesses.PLAN_NAME, request.planName());
    if (request.workerCount() != null) {
      vars.put(OperationProcesses.WORKER_COUNT, request.workerCount());
    }
    vars.put(OperationProcesses.EXTERNAL_HOSTNAME, request.externalHostname());
    String businessKey = request.ticketId() != null ? request.ticketId() : request.clusterName();
    return start(caller, idempotencyKey, request, OperationProcesses.CLUSTER_CREATION, businessKey, vars,
        List.of(request.clusterName()));
  }

  @PostMapping("/resize-requests")
  @Operation(summary = "Request a manual resize", description = "Starts PredictiveResizeProcess with trigger=manual;"
      + " it goes through the same approval policy as forecast-driven resizes. Business key = foundation/cluster.")
  public ResponseEntity<OperationAccepted> requestResize(
      @RequestBody ResizeRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    TicketingAccess.Caller caller = access.requester();
    validator.validateFields(request);
    int current = validator.checkResize(request);
    Map<String, Object> vars = common(request, caller);
    vars.put(OperationProcesses.CLUSTER_NAME, request.clusterName());
    vars.put(OperationProcesses.CURRENT_WORKERS, current);
    vars.put(OperationProcesses.PROPOSED_WORKERS, request.proposedWorkers());
    vars.put(OperationProcesses.REASON, request.reason());
    vars.put(OperationProcesses.TRIGGER, OperationProcesses.TRIGGER_MANUAL);
    vars.put(OperationProcesses.PROPOSED_AT, new Date());
    String businessKey = request.foundation() + "/" + request.clusterName();
    return start(caller, idempotencyKey, request, OperationProcesses.PREDICTIVE_RESIZE, businessKey, vars,
        List.of(request.clusterName()));
  }

  @PostMapping("/stemcell-upgrades")
  @Operation(summary = "Request a stemcell upgrade", description = "Starts StemcellUpgradeProcess; business key ="
      + " ticketId, else foundation/stemcell-version.")
  public ResponseEntity<OperationAccepted> requestUpgrade(
      @RequestBody StemcellUpgradeRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
    TicketingAccess.Caller caller = access.requester();
    validator.validateFields(request);
    validator.checkUpgrade(request);
    Map<String, Object> vars = common(request, caller);
    vars.put(OperationProcesses.STEMCELL_VERSION, request.stemcellVersion());
    vars.put(OperationProcesses.STEMCELL_OS, request.stemcellOs());
    vars.put(OperationProcesses.STEMCELL_SOURCE, request.stemcellSource());
    vars.put(OperationProcesses.CLUSTERS, request.clustersValue());
    if (request.canaries() != null && !request.canaries().isEmpty()) {
      vars.put(OperationProcesses.CANARIES, String.join(",", request.canaries()));
    }
    vars.put(OperationProcesses.MAX_IN_FLIGHT, request.maxInFlight() == null ? 1 : request.maxInFlight());
    if (request.maintenanceWindowStart() != null) {
      vars.put(OperationProcesses.WINDOW_START, request.maintenanceWindowStart());
      vars.put(OperationProcesses.WINDOW_END, request.maintenanceWindowEnd());
    }
    String businessKey = request.ticketId() != null ? request.ticketId()
        : request.foundation() + "/stemcell-" + request.stemcellVersion();
    return start(caller, idempotencyKey, request, OperationProcesses.STEMCELL_UPGRADE, businessKey, vars,
        upgradeClusters(request));
  }

  private static Map<String, Object> common(TicketingRequest request, TicketingAccess.Caller caller) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(OperationVariables.FOUNDATION, request.foundation());
    vars.put(OperationVariables.REQUESTED_BY, caller.userId());
    if (request.ticketId() != null) {
      vars.put(OperationVariables.TICKET_ID, request.ticketId());
    }
    return vars;
  }

  /** The clusters an upgrade request would lease: the named ones and the canaries; null for {@code all}. */
  private static List<String> upgradeClusters(StemcellUpgradeRequest request) {
    List<String> named = request.clusters() == null ? List.of() : request.clusters();
    if (named.contains("all")) {
      return null;
    }
    Set<String> clusters = new TreeSet<>(named);
    if (request.canaries() != null) {
      clusters.addAll(request.canaries());
    }
    return List.copyOf(clusters);
  }

  /**
   * @param leaseClusters the clusters the operation would change (null: every cluster of the foundation); a cluster
   *     another operation holds answers 409 before anything starts
   */
  private ResponseEntity<OperationAccepted> start(TicketingAccess.Caller caller, String idempotencyKey,
      TicketingRequest request, String processKey, String businessKey, Map<String, Object> vars,
      List<String> leaseClusters) {
    String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey.trim() : request.ticketId();
    if (key != null && key.length() > 200) {
      throw ApiProblem.invalid(java.util.List.of(new ApiProblem.FieldError(IDEMPOTENCY_KEY, "must be at most 200 characters")));
    }
    leased.refuseIfLeased(caller.userId(), key, request.foundation(), leaseClusters);
    OperationStarter.Started started = starter.start(
        new OperationStarter.StartCommand(caller.userId(), key, request, processKey, businessKey, vars));
    String self = OperationLinks.operation(started.operationId());
    OperationAccepted body = new OperationAccepted(started.operationId(), started.processKey(), businessKey,
        request.ticketId(), !started.created(), self, OperationLinks.cockpit(started.operationId()));
    return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create(self)).body(body);
  }
}
