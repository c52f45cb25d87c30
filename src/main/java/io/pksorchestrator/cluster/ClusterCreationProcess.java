package io.pksorchestrator.cluster;

/**
 * Names of the cluster creation process ({@code bpmn/ClusterCreationProcess.bpmn}): process key, element ids,
 * error codes and variable names, so that delegates, tests and documentation never repeat string literals. Shared
 * names ({@code foundation}, {@code requestedBy}, {@code ticketId}, {@code approved}, {@code outcome}, ...) live in
 * {@link io.pksorchestrator.operations.OperationVariables}.
 */
public final class ClusterCreationProcess {

  public static final String KEY = "ClusterCreationProcess";

  /** Form ids (keys) of the Camunda Forms in {@code forms/}. */
  public static final class Forms {
    public static final String START = "cluster-creation-start";
    public static final String APPROVAL = "cluster-creation-approval";
    public static final String FAILURE = "cluster-creation-failure";

    private Forms() {}
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "StartEvent_CreationRequested";
    public static final String VALIDATE = "Task_ValidateRequest";
    public static final String GATEWAY_VALID = "Gateway_RequestValid";
    public static final String END_REJECTED = "Event_RequestRejected";
    public static final String APPROVE = "Task_ApproveClusterCreation";
    public static final String TIMER_ESCALATION = "Event_ApprovalEscalationDue";
    public static final String ESCALATE = "Task_EscalateApproval";
    public static final String END_ESCALATED = "Event_ApprovalEscalated";
    public static final String TIMER_EXPIRY = "Event_ApprovalExpiryDue";
    public static final String END_EXPIRED = "Event_NotApprovedInTime";
    public static final String GATEWAY_APPROVED = "Gateway_Approved";
    public static final String END_NOT_APPROVED = "Event_NotApproved";
    public static final String MERGE_CREATE = "Gateway_MergeCreate";
    public static final String CREATE = "Task_CreateCluster";
    public static final String ERROR_NAME_TAKEN = "Event_ClusterNameTaken";
    public static final String END_NAME_TAKEN = "Event_NameTakenByOtherCluster";
    public static final String MERGE_CREATION_POLL = "Gateway_MergeCreationPoll";
    public static final String TIMER_CREATION_CHECK = "Event_CreationCheckDue";
    public static final String CHECK_CREATION = "Task_CheckCreationProgress";
    public static final String GATEWAY_CREATION_STATUS = "Gateway_CreationFinished";
    public static final String VERIFY = "Task_VerifyCluster";
    public static final String GATEWAY_VERIFIED = "Gateway_ClusterVerified";
    public static final String END_CREATED = "Event_ClusterCreated";
    public static final String MERGE_FAILURE = "Gateway_MergeFailure";
    public static final String RESOLVE = "Task_ResolveClusterCreationFailure";
    public static final String GATEWAY_RESOLUTION = "Gateway_Resolution";
    public static final String END_KEPT = "Event_FailedClusterKept";
    public static final String DELETE = "Task_DeleteFailedCluster";
    public static final String MERGE_DELETION_POLL = "Gateway_MergeDeletionPoll";
    public static final String TIMER_DELETION_CHECK = "Event_DeletionCheckDue";
    public static final String CHECK_DELETION = "Task_CheckDeletionProgress";
    public static final String GATEWAY_DELETION_STATUS = "Gateway_ClusterGone";
    public static final String GATEWAY_RETRY = "Gateway_RetryRequested";
    public static final String END_DELETED = "Event_FailedClusterDeleted";
    /** An operator stopped waiting for another operation's lease on the cluster name. */
    public static final String END_CLUSTER_BUSY = "Event_ClusterBusy";

    private Elements() {}
  }

  /** BPMN error codes thrown by the delegates. */
  public static final class Errors {
    /** A different cluster (not created by this request) already uses the name. */
    public static final String NAME_TAKEN = "CLUSTER_NAME_TAKEN";

    private Errors() {}
  }

  /** Process variable names specific to cluster creation. */
  public static final class Variables {
    // request (start variables)
    public static final String CLUSTER_NAME = "clusterName";
    public static final String PLAN_NAME = "planName";
    /** Optional Integer/Long; absent or null means the plan's default. */
    public static final String WORKER_COUNT = "workerCount";
    public static final String EXTERNAL_HOSTNAME = "externalHostname";
    // validation
    /** Boolean: the request passed every validation rule. */
    public static final String REQUEST_VALID = "requestValid";
    /** String: every reason the request was rejected, one per line (empty when valid). */
    public static final String REJECTION_REASONS = "rejectionReasons";
    public static final String PLAN_DESCRIPTION = "planDescription";
    public static final String PLAN_WORKER_INSTANCES = "planWorkerInstances";
    public static final String PLAN_MASTER_INSTANCES = "planMasterInstances";
    /** Integer or null when the foundation does not say. */
    public static final String PLAN_MAX_WORKER_INSTANCES = "planMaxWorkerInstances";
    /** Integer: the worker count asked for, or the plan's default when none was asked. */
    public static final String EXPECTED_WORKER_COUNT = "expectedWorkerCount";
    // creation and its follow-up
    public static final String CLUSTER_UUID = "clusterUuid";
    /** Date: when following the creation gives up and asks an operator. */
    public static final String CREATION_DEADLINE = "creationDeadline";
    /** Date: until when PKS may still not show the action just requested (create or delete). */
    public static final String REGISTRATION_DEADLINE = "registrationDeadline";
    /** ISO-8601 duration (wall time) of the status poll timers. */
    public static final String POLL_INTERVAL = "pollInterval";
    /** {@code last_action_state} as PKS reported it last. */
    public static final String CLUSTER_STATE = "clusterState";
    /** {@code last_action_description} as PKS reported it last. */
    public static final String LAST_ACTION_DESCRIPTION = "lastActionDescription";
    /** One of {@link CreationStatus}' values. */
    public static final String CREATION_STATUS = "creationStatus";
    public static final String CLUSTER_VERIFIED = "clusterVerified";
    /** String: why the operator is asked to resolve the creation (failure, deadline, verification). */
    public static final String FAILURE_REASON = "failureReason";
    /** One of {@link Resolution}'s values, chosen on the failure task. */
    public static final String RESOLUTION = "resolution";
    public static final String DELETION_DEADLINE = "deletionDeadline";
    /** One of {@link DeletionStatus}' values. */
    public static final String DELETION_STATUS = "deletionStatus";

    private Variables() {}
  }

  /** Values of {@link Variables#CREATION_STATUS}. */
  public static final class CreationStatus {
    public static final String IN_PROGRESS = "in-progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String DEADLINE_PASSED = "deadline-passed";

    private CreationStatus() {}
  }

  /** Values of {@link Variables#DELETION_STATUS}. */
  public static final class DeletionStatus {
    public static final String IN_PROGRESS = "in-progress";
    public static final String GONE = "gone";
    /** Deletion failed or did not finish before its deadline: back to the operator. */
    public static final String STUCK = "stuck";

    private DeletionStatus() {}
  }

  /** Values of {@link Variables#RESOLUTION}. */
  public static final class Resolution {
    /** Delete the failed cluster, wait until it is gone, then create it again. */
    public static final String RETRY = "retry";
    /** Delete the failed cluster and end (outcome failed). */
    public static final String DELETE = "delete";
    /** End and keep the cluster for investigation (outcome failed). */
    public static final String KEEP = "keep";

    private Resolution() {}
  }

  private ClusterCreationProcess() {}
}
