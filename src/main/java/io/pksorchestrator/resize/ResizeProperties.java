package io.pksorchestrator.resize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Predictive resize settings ({@code pkso.resize.*}). Registered as the bean {@code resizeSettings} so that the
 * BPMN models can read timer values from it (e.g. {@code ${resizeSettings.forecastCycle}}). Durations marked
 * "foundation time" are converted to wall time per foundation ({@code pkso.foundations.<name>.time-scale}).
 */
@Component("resizeSettings")
@ConfigurationProperties("pkso.resize")
public class ResizeProperties {

  /** ISO 8601 repeating interval of the forecasting cycle's timer start event (wall time). */
  private String forecastCycle = "R/PT5M";
  /**
   * Most clusters one job of a forecasting cycle forecasts: the cycle runs as batches of this size, shared by the
   * nodes; a crash repeats at most one batch. A batch's foundation calls must end within the job lock.
   */
  private int cycleBatchSize = 20;
  /** Mode of clusters without an override: {@code forecast-only} or {@code forecast-and-scale}. */
  private ClusterMode defaultMode = ClusterMode.FORECAST_ONLY;
  /** Share of a worker's allocatable cores the planner fills at the forecast's upper quantile. */
  private double targetUtilisation = 0.8;
  /** Fewest workers the planner proposes, unless a cluster override says otherwise. */
  private int minWorkers = 1;
  /** Most workers the planner proposes (the plan maximum still applies), unless overridden. */
  private int maxWorkers = 50;
  /** Largest change in workers of one proposal. */
  private int maxStep = 10;
  /** Minimum foundation time after a scale-up before a scale-down. */
  private Duration cooldown = Duration.ofMinutes(30);
  /** Workers kept above need before scaling down (against flapping). */
  private int scaleDownHysteresis = 1;
  /** Time from requesting a worker to it serving pods (foundation time). */
  private Duration leadTime = Duration.ofMinutes(10);
  /** Foundation time between two decisions for one cluster (the cycle, in foundation time). */
  private Duration decisionInterval = Duration.ofMinutes(5);
  /** Allocatable CPU cores of one worker for plans without an entry in {@code plan-node-cores}. */
  private double defaultNodeCores = 8;
  /** Allocatable CPU cores of one worker per PKS plan name. */
  private Map<String, Double> planNodeCores = new LinkedHashMap<>(Map.of("small", 4.0, "medium", 8.0, "large", 16.0));
  /** How long demand history is kept (foundation time). */
  private Duration historyRetention = Duration.ofDays(28);
  /** Step the stored demand history is compacted to (maximum per step). */
  private Duration historyStep = Duration.ofMinutes(5);
  /** Resolution of the Prometheus queries before compaction (finer catches short peaks). */
  private Duration collectResolution = Duration.ofMinutes(1);
  /** How much of the stored history the forecaster is given. */
  private Duration forecastHistory = Duration.ofDays(14);
  /** How far ahead the chart shows the forecast (foundation time). */
  private Duration chartHorizon = Duration.ofHours(6);
  /** How much past demand the chart shows (foundation time). */
  private Duration chartHistory = Duration.ofHours(24);
  /** An operator must decide an approval within this wall time, or the proposal expires. */
  private Duration approvalTimeout = Duration.ofHours(2);
  /** A proposal older than this (foundation time) when it is about to be applied is stale. */
  private Duration proposalMaxAge = Duration.ofHours(2);
  /** Foundation time between two checks of a running resize. */
  private Duration resizePollInterval = Duration.ofMinutes(1);
  /** A resize (PKS update plus BOSH workers running) must finish within this foundation time. */
  private Duration resizeTimeout = Duration.ofMinutes(60);
  /**
   * After the PATCH, PKS may show the cluster's previous action for a while; the check waits this long
   * (foundation time) for {@code last_action} UPDATE before it judges the state and the worker count.
   */
  private Duration registrationTimeout = Duration.ofMinutes(10);
  /** After a failed resize the cycle proposes no new resize for this cluster for this foundation time. */
  private Duration failureBackoff = Duration.ofHours(1);
  /**
   * After an operator rejected a proposal, the cycle proposes no resize in the same direction for this foundation
   * time, unless the forecast need moved further in that direction by more than {@code rejection-margin}.
   */
  private Duration rejectionBackoff = Duration.ofHours(6);
  /**
   * Relative change of the forecast's upper quantile (of the target workers when the rejected proposal had no
   * forecast) that overrides the rejection back-off: 0.25 = the need grew (shrank, for a scale-down) by over 25 %.
   */
  private double rejectionMargin = 0.25;
  /**
   * After a manual resize, the cycle proposes nothing for this foundation time, unless the demand observed now needs
   * more workers than the manual size.
   */
  private Duration manualHold = Duration.ofHours(24);
  /** Per-cluster overrides. */
  private List<ClusterOverride> clusters = new ArrayList<>();

  /** Mode and limits of one cluster, overriding the defaults. */
  public static class ClusterOverride {
    /** Foundation name. */
    private String foundation;
    /** Cluster name. */
    private String name;
    /** {@code forecast-only} or {@code forecast-and-scale}; default mode when empty. */
    private ClusterMode mode;
    /** Fewest workers; the default when empty. */
    private Integer minWorkers;
    /** Most workers; the default when empty. */
    private Integer maxWorkers;
    /** Allocatable cores of one worker; from the plan when empty. */
    private Double nodeCores;

    public String getFoundation() { return foundation; }
    public void setFoundation(String foundation) { this.foundation = foundation; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ClusterMode getMode() { return mode; }
    public void setMode(ClusterMode mode) { this.mode = mode; }
    public Integer getMinWorkers() { return minWorkers; }
    public void setMinWorkers(Integer minWorkers) { this.minWorkers = minWorkers; }
    public Integer getMaxWorkers() { return maxWorkers; }
    public void setMaxWorkers(Integer maxWorkers) { this.maxWorkers = maxWorkers; }
    public Double getNodeCores() { return nodeCores; }
    public void setNodeCores(Double nodeCores) { this.nodeCores = nodeCores; }
  }

  /** Allocatable cores of one worker of the given plan. */
  public double nodeCoresOf(String planName) {
    return planName == null ? defaultNodeCores : planNodeCores.getOrDefault(planName, defaultNodeCores);
  }

  public String getForecastCycle() { return forecastCycle; }
  public void setForecastCycle(String forecastCycle) { this.forecastCycle = forecastCycle; }
  public ClusterMode getDefaultMode() { return defaultMode; }
  public void setDefaultMode(ClusterMode defaultMode) { this.defaultMode = defaultMode; }
  public double getTargetUtilisation() { return targetUtilisation; }
  public void setTargetUtilisation(double targetUtilisation) { this.targetUtilisation = targetUtilisation; }
  public int getMinWorkers() { return minWorkers; }
  public void setMinWorkers(int minWorkers) { this.minWorkers = minWorkers; }
  public int getMaxWorkers() { return maxWorkers; }
  public void setMaxWorkers(int maxWorkers) { this.maxWorkers = maxWorkers; }
  public int getMaxStep() { return maxStep; }
  public void setMaxStep(int maxStep) { this.maxStep = maxStep; }
  public Duration getCooldown() { return cooldown; }
  public void setCooldown(Duration cooldown) { this.cooldown = cooldown; }
  public int getScaleDownHysteresis() { return scaleDownHysteresis; }
  public void setScaleDownHysteresis(int scaleDownHysteresis) { this.scaleDownHysteresis = scaleDownHysteresis; }
  public Duration getLeadTime() { return leadTime; }
  public void setLeadTime(Duration leadTime) { this.leadTime = leadTime; }
  public Duration getDecisionInterval() { return decisionInterval; }
  public void setDecisionInterval(Duration decisionInterval) { this.decisionInterval = decisionInterval; }
  public double getDefaultNodeCores() { return defaultNodeCores; }
  public void setDefaultNodeCores(double defaultNodeCores) { this.defaultNodeCores = defaultNodeCores; }
  public Map<String, Double> getPlanNodeCores() { return planNodeCores; }
  public void setPlanNodeCores(Map<String, Double> planNodeCores) { this.planNodeCores = planNodeCores; }
  public Duration getHistoryRetention() { return historyRetention; }
  public void setHistoryRetention(Duration historyRetention) { this.historyRetention = historyRetention; }
  public Duration getHistoryStep() { return historyStep; }
  public void setHistoryStep(Duration historyStep) { this.historyStep = historyStep; }
  public Duration getCollectResolution() { return collectResolution; }
  public void setCollectResolution(Duration collectResolution) { this.collectResolution = collectResolution; }
  public Duration getForecastHistory() { return forecastHistory; }
  public void setForecastHistory(Duration forecastHistory) { this.forecastHistory = forecastHistory; }
  public Duration getChartHorizon() { return chartHorizon; }
  public void setChartHorizon(Duration chartHorizon) { this.chartHorizon = chartHorizon; }
  public Duration getChartHistory() { return chartHistory; }
  public void setChartHistory(Duration chartHistory) { this.chartHistory = chartHistory; }
  public Duration getApprovalTimeout() { return approvalTimeout; }
  public void setApprovalTimeout(Duration approvalTimeout) { this.approvalTimeout = approvalTimeout; }
  public Duration getProposalMaxAge() { return proposalMaxAge; }
  public void setProposalMaxAge(Duration proposalMaxAge) { this.proposalMaxAge = proposalMaxAge; }
  public Duration getResizePollInterval() { return resizePollInterval; }
  public void setResizePollInterval(Duration resizePollInterval) { this.resizePollInterval = resizePollInterval; }
  public Duration getRegistrationTimeout() { return registrationTimeout; }
  public void setRegistrationTimeout(Duration registrationTimeout) { this.registrationTimeout = registrationTimeout; }
  public Duration getResizeTimeout() { return resizeTimeout; }
  public void setResizeTimeout(Duration resizeTimeout) { this.resizeTimeout = resizeTimeout; }
  public Duration getFailureBackoff() { return failureBackoff; }
  public void setFailureBackoff(Duration failureBackoff) { this.failureBackoff = failureBackoff; }
  public Duration getRejectionBackoff() { return rejectionBackoff; }
  public void setRejectionBackoff(Duration rejectionBackoff) { this.rejectionBackoff = rejectionBackoff; }
  public double getRejectionMargin() { return rejectionMargin; }
  public void setRejectionMargin(double rejectionMargin) { this.rejectionMargin = rejectionMargin; }
  public int getCycleBatchSize() { return cycleBatchSize; }
  public void setCycleBatchSize(int cycleBatchSize) {
    if (cycleBatchSize < 1) {
      throw new IllegalArgumentException("pkso.resize.cycle-batch-size must be at least 1 (clusters per job of a"
          + " forecasting cycle), got " + cycleBatchSize);
    }
    this.cycleBatchSize = cycleBatchSize;
  }
  public Duration getManualHold() { return manualHold; }
  public void setManualHold(Duration manualHold) { this.manualHold = manualHold; }
  public List<ClusterOverride> getClusters() { return clusters; }
  public void setClusters(List<ClusterOverride> clusters) { this.clusters = clusters; }
}
