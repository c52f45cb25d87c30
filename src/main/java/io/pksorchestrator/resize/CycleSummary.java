package io.pksorchestrator.resize;

import java.util.ArrayList;
import java.util.List;

/** Counts of one forecasting cycle or one of its batches (the only thing the cycle writes into the engine). */
public final class CycleSummary {

  private int managed;
  private int forecastsReady;
  private int resizesStarted;
  private int clustersFailed;
  private int suppressed;
  private final List<String> failedFoundations = new ArrayList<>();

  void managed() { managed++; }
  void forecastReady() { forecastsReady++; }
  void resizeStarted() { resizesStarted++; }
  void clusterFailed() { clustersFailed++; }
  void suppressed() { suppressed++; }
  void foundationFailed(String foundation) {
    if (!failedFoundations.contains(foundation)) {
      failedFoundations.add(foundation);
    }
  }

  /** Adds a batch's counts. */
  void add(int managed, int forecastsReady, int resizesStarted, int suppressed, int clustersFailed) {
    this.managed += managed;
    this.forecastsReady += forecastsReady;
    this.resizesStarted += resizesStarted;
    this.suppressed += suppressed;
    this.clustersFailed += clustersFailed;
  }

  public int managedCount() { return managed; }
  public int forecastsReadyCount() { return forecastsReady; }
  public int resizesStartedCount() { return resizesStarted; }
  public int clustersFailedCount() { return clustersFailed; }
  /** Proposals not started: cluster leased, resize running, PKS busy, failure or rejection back-off, manual hold. */
  public int suppressedCount() { return suppressed; }
  /** Foundations whose cluster list could not be read this cycle. */
  public List<String> failedFoundations() { return List.copyOf(failedFoundations); }

  @Override
  public String toString() {
    return "managed=" + managed + " forecastsReady=" + forecastsReady + " resizesStarted=" + resizesStarted
        + " suppressed=" + suppressed + " clustersFailed=" + clustersFailed + " foundationsFailed="
        + failedFoundations;
  }
}
