package io.pksorchestrator.ticketing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Date;
import java.util.List;

/** An operation (one process instance) as a ticketing system or the overview page sees it. */
@Schema(description = "An operation: one process instance, running or ended")
public record OperationView(
    String operationId,
    String process,
    String processName,
    String businessKey,
    String ticketId,
    String foundation,
    String clusterName,
    String requestedBy,
    @Schema(description = "running, waiting-for-approval, waiting-for-operator, succeeded, failed or rejected") String state,
    @Schema(description = "Names of the current activities (running) or of the end reached (ended)")
    List<String> currentSteps,
    List<PendingApproval> pendingApprovals,
    @Schema(description = "Open tasks asking an operator to resolve a failure") List<PendingApproval> operatorTasks,
    List<String> incidents,
    String outcome,
    String outcomeMessage,
    @Schema(description = "Why the request was rejected: a list of messages, in every process") List<String> rejectionReasons,
    Date startedAt,
    Date endedAt,
    Links links,
    List<CallbackDelivery> callbacks,
    @Schema(description = "Clusters this operation holds (leases): no other operation changes them meanwhile")
    List<HeldCluster> heldClusters,
    @Schema(description = "The operation this one waits for, while another operation holds its cluster")
    WaitingFor waitingFor) {

  /** A cluster the operation holds, since when. */
  public record HeldCluster(String foundation, String cluster, java.time.Instant since) {}

  /** Another operation that holds the cluster this one needs. */
  public record WaitingFor(String operationId, String description, String cluster, String self) {}

  /** An open approval (or operator) task. */
  public record PendingApproval(
      String taskId, String name, Date created, Date due, String assignee, List<String> candidateGroups,
      String tasklist) {}

  /** Where to look at the operation. */
  public record Links(String self, String cockpit) {}

  /** Delivery state of one callback. */
  public record CallbackDelivery(
      String eventId, String event, String status, int attempts, java.time.Instant lastAttemptAt,
      Integer lastHttpStatus, String lastError, java.time.Instant deliveredAt) {}
}
