package io.pksorchestrator.upgrade;

/**
 * Names of the stemcell upgrade process ({@code bpmn/StemcellUpgradeProcess.bpmn}): process key, element ids,
 * message names, variable names and their values. Same shape as every process package's constants class (see
 * docs/architecture.md).
 */
public final class StemcellUpgradeProcess {

  public static final String KEY = "StemcellUpgradeProcess";

  /** Message names the process correlates. */
  public static final class Messages {
    /** Aborts a running upgrade (event sub-process). */
    public static final String ABORT = "Msg_AbortUpgrade";

    private Messages() {}
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "Event_UpgradeRequested";
    public static final String RUN_PRE_CHECKS = "Task_RunPreChecks";
    public static final String REJECTED = "Event_UpgradeRejected";
    public static final String APPROVE_UPGRADE = "Task_ApproveStemcellUpgrade";
    public static final String NOT_APPROVED = "Event_UpgradeNotApproved";
    public static final String WINDOW_OPENED = "Event_WindowOpened";
    public static final String START_STEMCELL_UPLOAD = "Task_StartStemcellUpload";
    public static final String STEMCELL_UPLOAD_POLL = "Event_StemcellUploadPollDue";
    public static final String CHECK_STEMCELL_UPLOAD = "Task_CheckStemcellUpload";
    public static final String ASSIGN_STEMCELL = "Task_AssignStemcell";
    public static final String APPLY_CHANGES = "Task_ApplyChanges";
    public static final String INSTALLATION_POLL = "Event_InstallationPollDue";
    public static final String CHECK_INSTALLATION = "Task_CheckInstallation";
    public static final String RESOLVE_INSTALLATION = "Task_ResolveInstallationFailure";
    public static final String PLAN_NEXT_STEP = "Task_PlanNextStep";
    public static final String START_CLUSTER_UPGRADE = "Task_StartClusterUpgrade";
    public static final String CLUSTER_POLL = "Event_ClusterUpgradePollDue";
    public static final String CHECK_CLUSTER_UPGRADE = "Task_CheckClusterUpgrade";
    public static final String VERIFY_CLUSTERS = "Task_VerifyClusters";
    public static final String RESOLVE_CANARY = "Task_ResolveCanaryFailure";
    public static final String APPROVE_CONTINUATION = "Task_ApproveContinuation";
    public static final String RESOLVE_WINDOW_CLOSED = "Task_ResolveMaintenanceWindowClosed";
    public static final String NEXT_WINDOW_OPENED = "Event_NextWindowOpened";
    public static final String WRITE_REPORT = "Task_WriteUpgradeReport";
    public static final String ENDED = "Event_UpgradeEnded";
    public static final String CLUSTER_BUSY = "Event_ClusterBusy";
    public static final String ABORT_REQUESTED = "Event_AbortRequested";
    public static final String CANCEL_PENDING = "Task_CancelPendingUpgrades";
    public static final String ABORT_POLL = "Event_AbortPollDue";
    public static final String CHECK_ABORTED_UPGRADE = "Task_CheckAbortedUpgrade";
    public static final String VERIFY_ABORTED = "Task_VerifyAbortedClusters";
    public static final String WRITE_ABORT_REPORT = "Task_WriteAbortReport";
    public static final String ABORTED = "Event_UpgradeAborted";

    private Elements() {}
  }

  /** Variable names (the shared ones are in {@link io.pksorchestrator.operations.OperationVariables}). */
  public static final class Variables {
    // start variables
    public static final String STEMCELL_VERSION = "stemcellVersion";
    public static final String STEMCELL_OS = "stemcellOs";
    public static final String STEMCELL_SOURCE = "stemcellSource";
    /** The source as resolved and approved (real path or URL); the upload reads only this, checked again. */
    public static final String STEMCELL_SOURCE_RESOLVED = "stemcellSourceResolved";
    public static final String CLUSTERS = "clusters";
    public static final String CANARIES = "canaries";
    public static final String MAX_IN_FLIGHT = "maxInFlight";
    public static final String WINDOW_START = "maintenanceWindowStart";
    public static final String WINDOW_END = "maintenanceWindowEnd";
    // pre-checks
    public static final String PRE_CHECKS_PASSED = "preChecksPassed";
    public static final String REJECTION_REASONS = "rejectionReasons";
    public static final String APPROVAL_SUMMARY = "approvalSummary";
    public static final String STEMCELL_ON_OPS_MANAGER = "stemcellOnOpsManager";
    public static final String UPGRADE_STATE = "upgradeState";
    // staging
    public static final String STEMCELL_UPLOADED = "stemcellUploaded";
    /** {@code running} or {@code done}: decides the stemcell upload loop. */
    public static final String STEMCELL_UPLOAD_STATUS = "stemcellUploadStatus";
    /** Timer duration (ISO, wall time) between two checks of the upload. */
    public static final String STEMCELL_UPLOAD_POLL_WAIT = "stemcellUploadPollWait";
    public static final String STAGING_STARTED_AT = "stagingStartedAt";
    public static final String INSTALLATION_ID = "installationId";
    public static final String INSTALLATION_STATUS = "installationStatus";
    public static final String INSTALLATION_LOG_TAIL = "installationLogTail";
    public static final String INSTALLATION_DEADLINE = "installationDeadline";
    public static final String INSTALLATION_POLL_WAIT = "installationPollWait";
    /** Markdown for the installation-failure form: foundation, installation, cause, last log lines. */
    public static final String INSTALLATION_FAILURE_REPORT = "installationFailureReport";
    // cluster upgrades
    public static final String NEXT_STEP = "nextStep";
    public static final String UPGRADE_TASK_ID = "upgradeTaskId";
    public static final String BATCH_DEADLINE = "batchDeadline";
    public static final String CLUSTER_POLL_WAIT = "clusterPollWait";
    public static final String BATCH_SETTLED = "batchSettled";
    public static final String CANARY_FAILED = "canaryFailed";
    /** Markdown for "canaries healthy, continue?": each canary with result and timings. */
    public static final String CANARY_REPORT = "canaryReport";
    /** Markdown for the canary-failure form: the failed canary, the cause, where to look. */
    public static final String CANARY_FAILURE_REPORT = "canaryFailureReport";
    /** Operator decision on a Task_Resolve... task: one of {@link Resolution}'s values. */
    public static final String RESOLUTION = "resolution";
    /** The next maintenance window an operator enters to continue after one closed (task-owned, checked). */
    public static final String NEXT_WINDOW_START = "nextWindowStart";
    public static final String NEXT_WINDOW_END = "nextWindowEnd";
    public static final String STOP_REASON = "stopReason";
    // report
    public static final String UPGRADE_REPORT = "upgradeReport";
    public static final String UPGRADE_REPORT_TEXT = "upgradeReportText";

    private Variables() {}
  }

  /** Values of {@link Variables#NEXT_STEP}. */
  public static final class NextStep {
    public static final String UPGRADE = "upgrade";
    public static final String CONFIRM = "confirm";
    public static final String WINDOW_CLOSED = "window-closed";
    public static final String DONE = "done";

    private NextStep() {}
  }

  /** Values of {@link Variables#RESOLUTION}. */
  public static final class Resolution {
    public static final String RETRY = "retry";
    public static final String CONTINUE = "continue";
    public static final String STOP = "stop";

    private Resolution() {}
  }

  /** Values of {@link Variables#STOP_REASON}, set on the flows that stop the upgrade early. */
  public static final class StopReason {
    public static final String CANARY_FAILED = "canary-failed";
    public static final String INSTALLATION_FAILED = "installation-failed";
    public static final String CONTINUATION_DECLINED = "continuation-declined";
    public static final String WINDOW_CLOSED = "window-closed";
    public static final String ABORTED = "aborted";

    private StopReason() {}
  }

  private StemcellUpgradeProcess() {}
}
