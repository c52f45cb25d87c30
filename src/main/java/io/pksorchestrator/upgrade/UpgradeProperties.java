package io.pksorchestrator.upgrade;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Settings of the stemcell upgrade process ({@code pkso.upgrade}); durations are foundation time. */
@ConfigurationProperties("pkso.upgrade")
public class UpgradeProperties {

  /** The PKS tile's "Worker VM Max in Flight"; {@code maxInFlight} above it is rejected by the pre-checks. */
  private int workerMaxInFlight = 4;
  /** Ask platform-operators "canaries healthy, continue?" before the remaining clusters are upgraded. */
  private boolean confirmAfterCanaries = true;
  /** How often a running Ops Manager installation (Apply Changes) is polled. */
  private Duration installationPollInterval = Duration.ofSeconds(30);
  /** How long Apply Changes of the PKS tile may run before it is treated as failed. */
  private Duration installationTimeout = Duration.ofHours(4);
  /** How often a running PKS upgrade task is polled. */
  private Duration clusterPollInterval = Duration.ofMinutes(1);
  /** Time allowed per cluster upgrade; a batch gets this times ceil(clusters / maxInFlight). */
  private Duration clusterUpgradeTimeout = Duration.ofMinutes(90);
  /** Lines of installation log kept in {@code installationLogTail}. */
  private int logTailLines = 20;
  /** Characters of installation log kept at most in {@code installationLogTail}. */
  private int logTailMaxChars = 4000;
  /**
   * The only directory whose files may be a {@code stemcellSource} (absolute; symbolic links must stay inside).
   * Unset: file sources are refused.
   */
  private Path stemcellDir;
  /** Hosts from which {@code stemcellSource} http(s) URLs may be downloaded (exact names). Empty: URLs are refused. */
  private List<String> stemcellUrlHosts = new ArrayList<>();
  /** Directory for stemcells downloaded from a URL before their upload (created owner-only, files deleted after). */
  private Path stemcellWorkDir = Path.of("data", "stemcell-downloads");
  /** Wall time between two checks of a running stemcell upload (the upload itself runs outside engine jobs). */
  private Duration uploadPollInterval = Duration.ofSeconds(10);
  /** How often a node records that its stemcell uploads are still running (wall time). */
  private Duration uploadHeartbeatInterval = Duration.ofSeconds(10);
  /** A running upload without a heartbeat for this long is lost (its node stopped) and is started again. */
  private Duration uploadStaleAfter = Duration.ofSeconds(45);
  /** Largest stemcell accepted when downloading a stemcell from an http(s) URL. */
  private DataSize stemcellDownloadMaxSize = DataSize.ofGigabytes(3);
  /** Timeout of a stemcell download from an http(s) URL (wall time). */
  private Duration stemcellDownloadTimeout = Duration.ofMinutes(30);

  public int getWorkerMaxInFlight() { return workerMaxInFlight; }
  public void setWorkerMaxInFlight(int v) { workerMaxInFlight = v; }
  public boolean isConfirmAfterCanaries() { return confirmAfterCanaries; }
  public void setConfirmAfterCanaries(boolean v) { confirmAfterCanaries = v; }
  public Duration getInstallationPollInterval() { return installationPollInterval; }
  public void setInstallationPollInterval(Duration v) { installationPollInterval = v; }
  public Duration getInstallationTimeout() { return installationTimeout; }
  public void setInstallationTimeout(Duration v) { installationTimeout = v; }
  public Duration getClusterPollInterval() { return clusterPollInterval; }
  public void setClusterPollInterval(Duration v) { clusterPollInterval = v; }
  public Duration getClusterUpgradeTimeout() { return clusterUpgradeTimeout; }
  public void setClusterUpgradeTimeout(Duration v) { clusterUpgradeTimeout = v; }
  public int getLogTailLines() { return logTailLines; }
  public void setLogTailLines(int v) { logTailLines = v; }
  public int getLogTailMaxChars() { return logTailMaxChars; }
  public void setLogTailMaxChars(int v) { logTailMaxChars = v; }
  public Path getStemcellDir() { return stemcellDir; }
  public void setStemcellDir(Path v) { stemcellDir = v; }
  public List<String> getStemcellUrlHosts() { return stemcellUrlHosts; }
  public void setStemcellUrlHosts(List<String> v) { stemcellUrlHosts = v == null ? new ArrayList<>() : v; }
  public Path getStemcellWorkDir() { return stemcellWorkDir; }
  public void setStemcellWorkDir(Path v) { stemcellWorkDir = v; }
  public Duration getUploadPollInterval() { return uploadPollInterval; }
  public void setUploadPollInterval(Duration v) { uploadPollInterval = v; }
  public Duration getUploadHeartbeatInterval() { return uploadHeartbeatInterval; }
  public void setUploadHeartbeatInterval(Duration v) { uploadHeartbeatInterval = v; }
  public Duration getUploadStaleAfter() { return uploadStaleAfter; }
  public void setUploadStaleAfter(Duration v) { uploadStaleAfter = v; }
  public DataSize getStemcellDownloadMaxSize() { return stemcellDownloadMaxSize; }
  public void setStemcellDownloadMaxSize(DataSize v) { stemcellDownloadMaxSize = v; }
  public Duration getStemcellDownloadTimeout() { return stemcellDownloadTimeout; }
  public void setStemcellDownloadTimeout(Duration v) { stemcellDownloadTimeout = v; }
}
