package io.pksorchestrator.resize;

/**
 * Names of the timer-driven forecasting cycle ({@code bpmn/ForecastScalingProcess.bpmn}): process key, element ids
 * and variable names. Same shape as every process package's constants class (see docs/architecture.md).
 */
public final class ForecastScalingProcess {

  public static final String KEY = "ForecastScalingProcess";

  /**
   * Priority of every job of the cycle (the model's {@code camunda:jobPriority}: timer, planning, batches, their
   * ends, finish); the operations' jobs (resize, creation, stemcell upgrade) keep the engine's default, 0. With
   * acquisition by priority ({@code camunda.bpm.job-executor-acquire-by-priority}, config/platform.yml) the job
   * executor takes the cycle's due jobs first, so the hundreds of resizes a cycle may start do not hold back its
   * remaining batches (docs/predictive-resize.md, "Job priority"). It cannot starve the operations: a cycle of b
   * batches has 2b + 3 jobs (b = clusters / cycle-batch-size), at most one cycle runs at a time, and once its due
   * jobs are taken the executor takes the operations' jobs.
   */
  public static final long JOB_PRIORITY = 100;

  /** Element ids of the model. */
  public static final class Elements {
    public static final String START = "Event_CycleDue";
    public static final String TASK_PLAN_BATCHES = "Task_PlanForecastBatches";
    public static final String GATEWAY_PREVIOUS_CYCLE_RUNNING = "Gateway_PreviousCycleRunning";
    public static final String END_SKIPPED = "Event_CycleSkipped";
    /** The multi-instance sub-process: one instance per batch, each in jobs of its own. */
    public static final String SUBPROCESS_BATCH = "SubProcess_ForecastBatch";
    public static final String BATCH_START = "Event_BatchDue";
    public static final String TASK_FORECAST_BATCH = "Task_ForecastBatch";
    /** End of a batch, in a job of its own (exclusive): the batches' completions never collide. */
    public static final String BATCH_END = "Event_BatchDone";
    public static final String TASK_FINISH_CYCLE = "Task_FinishForecastCycle";
    public static final String END = "Event_CycleCompleted";

    private Elements() {}
  }

  /** Process variable names of the cycle. */
  public static final class Variables {
    /** Number of batches the planning cut (the multi-instance cardinality). */
    public static final String FORECAST_BATCHES = "forecastBatches";
    /** Whether the cycle was skipped because an earlier cycle still has batches to run. */
    public static final String PREVIOUS_CYCLE_RUNNING = "previousCycleRunning";
    /** The engine's multi-instance counter: the batch number of a batch's instance. */
    public static final String LOOP_COUNTER = "loopCounter";
    // summary variables (counts only: never per-cluster data, to keep the engine's history small)
    public static final String CLUSTERS_MANAGED = "clustersManaged";
    public static final String FORECASTS_READY = "forecastsReady";
    public static final String RESIZES_STARTED = "resizesStarted";
    /** Proposals the cycle did not start (lease, resize running, back-off, manual hold): see the clusters API. */
    public static final String PROPOSALS_SUPPRESSED = "proposalsSuppressed";
    public static final String CLUSTERS_FAILED = "clustersFailed";
    public static final String FOUNDATIONS_FAILED = "foundationsFailed";

    private Variables() {}
  }

  private ForecastScalingProcess() {}
}
