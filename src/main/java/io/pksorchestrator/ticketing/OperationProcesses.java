package io.pksorchestrator.ticketing;

import io.pksorchestrator.cluster.ClusterCreationProcess;
import io.pksorchestrator.resize.PredictiveResizeModel;
import io.pksorchestrator.upgrade.StemcellUpgradeProcess;
import java.util.List;

/**
 * Process keys and start-variable names of the operations the ticketing API starts, taken from each process's own
 * constants so that the API and the models cannot drift apart.
 */
public final class OperationProcesses {

  public static final String CLUSTER_CREATION = ClusterCreationProcess.PROCESS_KEY;
  public static final String PREDICTIVE_RESIZE = PredictiveResizeModel.PROCESS_KEY;
  public static final String STEMCELL_UPGRADE = StemcellUpgradeProcess.KEY;
  /** The processes an operation id may belong to. */
  public static final List<String> ALL = List.of(CLUSTER_CREATION, PREDICTIVE_RESIZE, STEMCELL_UPGRADE);

  public static final String CLUSTER_NAME = ClusterCreationProcess.Variables.CLUSTER_NAME;
  public static final String PLAN_NAME = ClusterCreationProcess.Variables.PLAN_NAME;
  public static final String WORKER_COUNT = ClusterCreationProcess.Variables.WORKER_COUNT;
  public static final String EXTERNAL_HOSTNAME = ClusterCreationProcess.Variables.EXTERNAL_HOSTNAME;
  public static final String CURRENT_WORKERS = PredictiveResizeModel.CURRENT_WORKERS;
  public static final String PROPOSED_WORKERS = PredictiveResizeModel.PROPOSED_WORKERS;
  public static final String REASON = PredictiveResizeModel.REASON;
  public static final String TRIGGER = PredictiveResizeModel.TRIGGER;
  public static final String TRIGGER_MANUAL = PredictiveResizeModel.TRIGGER_MANUAL;
  public static final String PROPOSED_AT = PredictiveResizeModel.PROPOSED_AT;
  public static final String STEMCELL_VERSION = StemcellUpgradeProcess.Vars.STEMCELL_VERSION;
  public static final String STEMCELL_OS = StemcellUpgradeProcess.Vars.STEMCELL_OS;
  public static final String STEMCELL_SOURCE = StemcellUpgradeProcess.Vars.STEMCELL_SOURCE;
  public static final String CLUSTERS = StemcellUpgradeProcess.Vars.CLUSTERS;
  public static final String CANARIES = StemcellUpgradeProcess.Vars.CANARIES;
  public static final String MAX_IN_FLIGHT = StemcellUpgradeProcess.Vars.MAX_IN_FLIGHT;
  public static final String WINDOW_START = StemcellUpgradeProcess.Vars.WINDOW_START;
  public static final String WINDOW_END = StemcellUpgradeProcess.Vars.WINDOW_END;
  public static final String REJECTION_REASONS = ClusterCreationProcess.Variables.REJECTION_REASONS;

  private OperationProcesses() {}
}
