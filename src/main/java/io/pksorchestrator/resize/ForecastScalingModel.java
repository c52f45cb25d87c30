package io.pksorchestrator.resize;

/** Process key, element ids and variable names of {@code bpmn/ForecastScalingProcess.bpmn}. */
public final class ForecastScalingModel {

  public static final String PROCESS_KEY = "ForecastScalingProcess";

  public static final String START = "Event_CycleDue";
  public static final String TASK_RUN_CYCLE = "Task_ForecastAndPlan";
  public static final String END = "Event_CycleCompleted";

  // summary variables (counts only: never per-cluster data, to keep the engine's history small)
  public static final String CLUSTERS_MANAGED = "clustersManaged";
  public static final String FORECASTS_READY = "forecastsReady";
  public static final String RESIZES_STARTED = "resizesStarted";
  /** Proposals the cycle did not start (lease, resize running, back-off, manual hold): see the clusters API. */
  public static final String PROPOSALS_SUPPRESSED = "proposalsSuppressed";
  public static final String CLUSTERS_FAILED = "clustersFailed";
  public static final String FOUNDATIONS_FAILED = "foundationsFailed";

  private ForecastScalingModel() {}
}
