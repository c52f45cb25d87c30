package io.pksorchestrator.resize;

/** Process key, element ids and variable names of {@code bpmn/PredictiveResizeProcess.bpmn}. */
public final class PredictiveResizeModel {

  public static final String PROCESS_KEY = "PredictiveResizeProcess";
  public static final String DECISION_KEY = "ResizeApproval";

  // start variables (contract with the forecasting cycle and the ticketing API)
  public static final String CLUSTER_NAME = "clusterName";
  public static final String CURRENT_WORKERS = "currentWorkers";
  public static final String PROPOSED_WORKERS = "proposedWorkers";
  public static final String REASON = "reason";
  /** {@code forecast} or {@code manual}. */
  public static final String TRIGGER = "trigger";
  public static final String PROPOSED_AT = "proposedAt";
  /** Optional: the forecast's upper quantile (cores) the proposal is based on. */
  public static final String FORECAST_UPPER_CORES = "forecastUpperCores";

  public static final String TRIGGER_FORECAST = "forecast";
  public static final String TRIGGER_MANUAL = "manual";
  /** {@code requestedBy} of the timer-driven proposals. */
  public static final String FORECAST_REQUESTER = "forecast-scaler";

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
  public static final String RESIZE_POLL_WAIT = "resizePollWait";
  public static final String RESIZE_STATE = "resizeState";
  public static final String WORKERS_STATE = "workersState";
  public static final String RUNNING_WORKERS = "runningWorkers";
  public static final String FAILURE_REASON = "failureReason";
  public static final String BOSH_DEPLOYMENT = "boshDeployment";

  public static final String STATE_IN_PROGRESS = "in-progress";
  public static final String STATE_SUCCEEDED = "succeeded";
  public static final String STATE_FAILED = "failed";
  public static final String WORKERS_RUNNING = "running";
  public static final String WORKERS_STARTING = "starting";

  public static final String ERROR_RESIZE_REJECTED = "RESIZE_REJECTED";

  // element ids
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

  /** Business key of a resize: {@code <foundation>/<cluster>}. */
  public static String businessKey(String foundation, String cluster) {
    return foundation + "/" + cluster;
  }

  private PredictiveResizeModel() {}
}
