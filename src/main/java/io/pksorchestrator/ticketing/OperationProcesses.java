package io.pksorchestrator.ticketing;

import java.util.List;

/** Process keys and start-variable names of the operations the ticketing API starts. */
public final class OperationProcesses {

  public static final String CLUSTER_CREATION = "ClusterCreationProcess";
  public static final String PREDICTIVE_RESIZE = "PredictiveResizeProcess";
  public static final String STEMCELL_UPGRADE = "StemcellUpgradeProcess";
  /** The processes an operation id may belong to. */
  public static final List<String> ALL = List.of(CLUSTER_CREATION, PREDICTIVE_RESIZE, STEMCELL_UPGRADE);

  public static final String CLUSTER_NAME = "clusterName";
  public static final String PLAN_NAME = "planName";
  public static final String WORKER_COUNT = "workerCount";
  public static final String EXTERNAL_HOSTNAME = "externalHostname";
  public static final String CURRENT_WORKERS = "currentWorkers";
  public static final String PROPOSED_WORKERS = "proposedWorkers";
  public static final String REASON = "reason";
  public static final String TRIGGER = "trigger";
  public static final String TRIGGER_MANUAL = "manual";
  public static final String PROPOSED_AT = "proposedAt";
  public static final String STEMCELL_VERSION = "stemcellVersion";
  public static final String STEMCELL_OS = "stemcellOs";
  public static final String STEMCELL_SOURCE = "stemcellSource";
  public static final String CLUSTERS = "clusters";
  public static final String CANARIES = "canaries";
  public static final String MAX_IN_FLIGHT = "maxInFlight";
  public static final String WINDOW_START = "maintenanceWindowStart";
  public static final String WINDOW_END = "maintenanceWindowEnd";
  public static final String REJECTION_REASONS = "rejectionReasons";

  private OperationProcesses() {}
}
