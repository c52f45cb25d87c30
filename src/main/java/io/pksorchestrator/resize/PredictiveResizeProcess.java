package io.pksorchestrator.resize;

/**
 * Names of the predictive resize process ({@code bpmn/PredictiveResizeProcess.bpmn}): process key, element ids,
 * error codes, variable names and their values, so that delegates, tests and documentation never repeat string
 * literals. Shared names ({@code foundation}, {@code requestedBy}, {@code outcome}, ...) live in
 * {@link io.pksorchestrator.operations.OperationVariables}. Same shape as every process package's constants class
 * (see docs/architecture.md, "How to write a process").
 */
public final class PredictiveResizeProcess {

  public static final String KEY = "PredictiveResizeProcess";
  /** Key of the DMN decision that says whether a resize needs approval ({@code dmn/}). */
  public static final String DECISION_KEY = "ResizeApproval";
  /** {@code requestedBy} of the timer-driven proposals. */
  public static final String FORECAST_REQUESTER = "forecast-scaler";

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "Event_ResizeProposed";
    public static final String TASK_READ_CLUSTER = "Task_ReadCluster";
    public static final String TASK_DECIDE_APPROVAL = "Task_DecideApproval";
    public static final String TASK_APPROVE = "Task_ApproveResize";
    public static final String TASK_CHECK_PROPOSAL = "Task_CheckProposal";
    public static final String TASK_RESIZE = "Task_ResizeCluster";
    public static final String EVENT_WAIT = "Event_ResizeWaited";
    public static final String TASK_CHECK_RESIZE = "Task_CheckResize";
    public static final String TASK_VERIFY_WORKERS = "Task_VerifyWorkers";
    public static final String END_RESIZED = "Event_ClusterResized";
    public static final String END_NOT_APPROVED = "Event_ResizeNotApproved";
    public static final String END_APPROVAL_EXPIRED = "Event_ApprovalExpired";
    public static final String END_STALE = "Event_ProposalStale";
    public static final String END_FAILED = "Event_ResizeFailed";
    public static final String END_CLUSTER_BUSY = "Event_ClusterBusy";
    public static final String BOUNDARY_APPROVAL_TIMEOUT = "Event_ApprovalTimedOut";
    public static final String BOUNDARY_REJECTED = "Event_ResizeRejected";

    private Elements() {}
  }

  /** BPMN error codes thrown by the delegates. */
  public static final class Errors {
    /** PKS refused the resize (the plan's limits, a busy cluster): ends the process as failed. */
    public static final String RESIZE_REJECTED = "RESIZE_REJECTED";

    private Errors() {}
  }

  /** Process variable names specific to the resize. */
  public static final class Variables {
    // start variables (contract with the forecasting cycle and the ticketing API)
    public static final String CLUSTER_NAME = "clusterName";
    public static final String CURRENT_WORKERS = "currentWorkers";
    public static final String PROPOSED_WORKERS = "proposedWorkers";
    public static final String REASON = "reason";
    /** One of {@link Trigger}'s values. */
    public static final String TRIGGER = "trigger";
    public static final String PROPOSED_AT = "proposedAt";
    /** Optional: the forecast's upper quantile (cores) the proposal is based on. */
    public static final String FORECAST_UPPER_CORES = "forecastUpperCores";
    // variables written by the process
    public static final String PLAN_NAME = "planName";
    public static final String PRODUCTION_CLUSTER = "productionCluster";
    public static final String DIRECTION = "direction";
    public static final String WORKER_DELTA = "workerDelta";
    public static final String FORECAST_CHART_URL = "forecastChartUrl";
    public static final String APPROVAL_DUE = "approvalDue";
    public static final String APPROVAL_REQUIRED = "approvalRequired";
    public static final String PROPOSAL_CURRENT = "proposalCurrent";
    public static final String STALE_REASON = "staleReason";
    public static final String RESIZE_DEADLINE = "resizeDeadline";
    /** Until when PKS may still show the previous action after the PATCH (wall-clock Date). */
    public static final String RESIZE_REGISTRATION_DEADLINE = "resizeRegistrationDeadline";
    /** ISO-8601 duration (wall time) of the status poll timer. */
    public static final String RESIZE_POLL_WAIT = "resizePollWait";
    /** One of {@link ResizeState}'s values. */
    public static final String RESIZE_STATE = "resizeState";
    /** One of {@link WorkersState}'s values. */
    public static final String WORKERS_STATE = "workersState";
    public static final String RUNNING_WORKERS = "runningWorkers";
    public static final String FAILURE_REASON = "failureReason";
    public static final String BOSH_DEPLOYMENT = "boshDeployment";

    private Variables() {}
  }

  /** Values of {@link Variables#TRIGGER}. */
  public static final class Trigger {
    public static final String FORECAST = "forecast";
    public static final String MANUAL = "manual";

    private Trigger() {}
  }

  /** Values of {@link Variables#RESIZE_STATE}. */
  public static final class ResizeState {
    public static final String IN_PROGRESS = "in-progress";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private ResizeState() {}
  }

  /** Values of {@link Variables#WORKERS_STATE}. */
  public static final class WorkersState {
    public static final String RUNNING = "running";
    public static final String STARTING = "starting";

    private WorkersState() {}
  }

  /** Business key of a resize: {@code <foundation>/<cluster>}. */
  public static String businessKey(String foundation, String cluster) {
    return foundation + "/" + cluster;
  }

  private PredictiveResizeProcess() {}
}
