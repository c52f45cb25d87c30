package io.pksorchestrator.operations;

/**
 * The lease steps every operations process has, with the same element ids and variables in each model: acquire the
 * cluster lease; while another operation holds it, wait ({@link #EVENT_WAIT}) and try again; once
 * {@code pkso.operations.lease-wait} has passed, ask an operator ({@link #TASK_RESOLVE}) to wait again or stop.
 */
public final class ClusterLeaseModel {

  // element ids (identical in ClusterCreationProcess, PredictiveResizeProcess and StemcellUpgradeProcess)
  public static final String GATEWAY_RETRY_JOIN = "Gateway_LeaseRetryJoin";
  public static final String TASK_ACQUIRE = "Task_AcquireClusterLease";
  public static final String GATEWAY_ACQUIRED = "Gateway_LeaseAcquired";
  public static final String EVENT_WAIT = "Event_LeaseWaitElapsed";
  public static final String TASK_RESOLVE = "Task_ResolveLeaseConflict";
  public static final String GATEWAY_WAIT_AGAIN = "Gateway_WaitForLeaseAgain";
  public static final String FORM = "cluster-lease-conflict";

  // input parameters of Task_AcquireClusterLease
  /** The clusters to lease: a comma-separated String or a collection of names. */
  public static final String LEASE_CLUSTERS = "leaseClusters";
  /** The operation kind ({@link LeaseHolder#CREATION}, ...). */
  public static final String LEASE_OPERATION = "leaseOperation";

  // variables written by the lease steps
  /** {@link #STATE_ACQUIRED}, {@link #STATE_HELD} or {@link #STATE_TIMED_OUT}. */
  public static final String LEASE_STATE = "leaseState";
  /** Process instance id of the operation holding the cluster this one waits for. */
  public static final String LEASE_HOLDER_ID = "leaseHolderId";
  /** One line naming that operation, e.g. {@code upgrade CHG-4711 (operation 42)}. */
  public static final String LEASE_HOLDER = "leaseHolder";
  /** {@code foundation/cluster} this operation waits for. */
  public static final String LEASE_BLOCKED_CLUSTER = "leaseBlockedCluster";
  /** Date (wall time) after which waiting goes to the operator. */
  public static final String LEASE_WAIT_DEADLINE = "leaseWaitDeadline";
  /** ISO-8601 duration (wall time) of the wait timer. */
  public static final String LEASE_POLL_WAIT = "leasePollWait";
  /** Operator decision on Task_ResolveLeaseConflict: {@link #RESOLUTION_WAIT} or {@link #RESOLUTION_STOP}. */
  public static final String LEASE_RESOLUTION = "leaseResolution";

  public static final String STATE_ACQUIRED = "acquired";
  public static final String STATE_HELD = "held";
  public static final String STATE_TIMED_OUT = "timed-out";
  public static final String RESOLUTION_WAIT = "wait";
  public static final String RESOLUTION_STOP = "stop";

  private ClusterLeaseModel() {}
}
