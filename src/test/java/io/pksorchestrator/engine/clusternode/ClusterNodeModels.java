package io.pksorchestrator.engine.clusternode;

/**
 * TEST ONLY: names shared by {@code ClusteredEngineIT} and the beans it puts into each child node (models under
 * {@code src/test/resources/clustered-bpmn/}, the log table, the node property).
 */
public final class ClusterNodeModels {

  /** Spring property naming the node (A, B); the node-side beans exist only where it is set. */
  public static final String NODE_PROPERTY = "pkso.test.node";
  /** Deployment pattern folder of the test models (not {@code test-bpmn/}, which other tests deploy). */
  public static final String MODEL_FOLDER = "clustered-bpmn";

  /** Timer start every {@link #TIMER_PERIOD_MILLIS}: each firing writes one row in the job's transaction. */
  public static final String TIMER_PROCESS = "ClusteredTimerProcess";
  public static final long TIMER_PERIOD_MILLIS = 2000;
  /** One asynchronous service task standing in for a call to a foundation. */
  public static final String CALL_PROCESS = "ClusteredCallProcess";
  public static final String TASK_CALL = "Task_CallFoundation";
  /** Business key of the instance whose first attempt hangs until its node is killed. */
  public static final String VICTIM_KEY = "victim";
  /** How long an ordinary call takes (the batch instances). */
  public static final long CALL_MILLIS = 500;
  /** Upper bound of the hanging first attempt of the victim (the test kills its node long before). */
  public static final long HANG_MILLIS = 180_000;

  /** Log table the test creates before the nodes start. */
  public static final String LOG_TABLE = "clustered_test_log";
  public static final String KIND_FIRING = "firing";
  public static final String KIND_ATTEMPT = "attempt";

  private ClusterNodeModels() {}
}
