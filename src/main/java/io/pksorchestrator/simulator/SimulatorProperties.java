package io.pksorchestrator.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of the simulated foundation ({@code pkso.simulator.*}). */
@ConfigurationProperties("pkso.simulator")
public class SimulatorProperties {

  /** Whether the simulated foundation runs inside the application (default run: yes; postgres profile: no). */
  private boolean enabled;
  /** TCP port of the simulator's own HTTP server; 0 picks a free port (tests). */
  private int port = 9090;
  /** Simulated seconds per wall second (60: a wall second is a simulated minute). */
  private double speed = 60;
  /** Name of the simulated foundation, the first path segment of every simulator URL. */
  private String foundation = "lab";
  /** Whether the test-only endpoints under /_sim (clock, faults, serving record, reset) are served. */
  private boolean testEndpointsEnabled = true;
  /** Address the simulator's HTTP server binds to; loopback by default, so only this machine reaches it. */
  private String bindAddress = "127.0.0.1";
  /**
   * Token that every {@code /_sim} request must send in the {@code X-Sim-Token} header; empty: a random one is
   * generated at start-up and logged once ({@code PKSO-SIM002}).
   */
  private String controlToken = "";
  /** UAA client id accepted by the PKS, Ops Manager and BOSH UAAs of the foundation. */
  private String clientId = "pkso-lab";
  /** Client secret of {@code client-id} at the PKS UAA. */
  private String pksClientSecret = "lab-pks-client-secret";
  /** Client secret of {@code client-id} at the Ops Manager UAA. */
  private String opsmanClientSecret = "lab-opsman-client-secret";
  /** Client secret of {@code client-id} at the BOSH Director's UAA. */
  private String boshClientSecret = "lab-bosh-client-secret";
  /**
   * UAA's {@code authentication.enableUriEncodingCompatibilityMode}: false (UAA's default) URL-decodes Basic client
   * credentials always; true only when the request says {@code X-CF-ENCODED-CREDENTIALS: true}.
   */
  private boolean uaaUriEncodingCompatibilityMode;
  /** Ops Manager's admin user, for the password grant with the built-in {@code opsman} client (empty secret). */
  private String opsmanUsername = "admin";
  /** That user's password. */
  private String opsmanPassword = "lab-opsman-admin-password";
  /** Lifetime of issued tokens, in WALL-clock time (UAA's default is 43199 s). */
  private Duration tokenValidity = Duration.ofSeconds(43199);
  /** Ops Manager version reported by /api/v0/info (2.6+ serves stemcell associations, older only assignments). */
  private String opsmanVersion = "3.0.25-build.2";
  /** The PKS tile's "Worker VM Max in Flight"; upgrade requests with a larger max_in_flight are refused. */
  private int workerMaxInFlight = 4;
  /** Seed of the deterministic demand noise. */
  private long seed = 42;
  /** Demand history present at start-up for the pre-provisioned clusters. */
  private Duration history = Duration.ofDays(28);
  /**
   * Synthetic clusters added to the lab at start-up ({@code fleet-0001}, ...; plan, workers and demand drawn from real
   * traces, see docs/simulator.md); 0: only the lab's five.
   */
  private int syntheticClusters;
  /** Demand history of the synthetic clusters before start-up (or before they are added). */
  private Duration syntheticHistory = Duration.ofDays(14);
  /** Simulated durations of operations. */
  private Durations durations = new Durations();
  /** HTTP faults active from start-up (same shape as POST /_sim/faults). */
  private List<HttpFaultSpec> faults = new ArrayList<>();

  /** Simulated durations of the foundation's long-running operations. */
  public static class Durations {
    /** PKS cluster creation. */
    private Duration create = Duration.ofMinutes(10);
    /** PKS cluster update (resize). */
    private Duration update = Duration.ofMinutes(4);
    /** PKS cluster deletion. */
    private Duration delete = Duration.ofMinutes(5);
    /** Rolling upgrade of one VM (drain a quarter, recreate half, start a quarter). */
    private Duration vmRecreate = Duration.ofMinutes(2);
    /** Ops Manager installation (Apply Changes) before errands. */
    private Duration installation = Duration.ofMinutes(15);
    /** A plain BOSH task (e.g. instances?format=full, job state change). */
    private Duration boshTask = Duration.ofSeconds(20);
    /**
     * How long PKS takes to register a create, update or delete: until then GET shows the cluster as before
     * (404 for a new one) and further changes are refused as busy. Real duration [unconfirmed]; the Terraform
     * provider tolerates three polls.
     */
    private Duration registration = Duration.ofSeconds(90);

    public Duration getCreate() { return create; }
    public void setCreate(Duration create) { this.create = create; }
    public Duration getUpdate() { return update; }
    public void setUpdate(Duration update) { this.update = update; }
    public Duration getDelete() { return delete; }
    public void setDelete(Duration delete) { this.delete = delete; }
    public Duration getVmRecreate() { return vmRecreate; }
    public void setVmRecreate(Duration vmRecreate) { this.vmRecreate = vmRecreate; }
    public Duration getInstallation() { return installation; }
    public void setInstallation(Duration installation) { this.installation = installation; }
    public Duration getRegistration() { return registration; }
    public void setRegistration(Duration registration) { this.registration = registration; }
    public Duration getBoshTask() { return boshTask; }
    public void setBoshTask(Duration boshTask) { this.boshTask = boshTask; }
  }

  /** An HTTP fault: the next {@code count} calls matching method and path answer {@code status} and/or wait {@code latency}. */
  public static class HttpFaultSpec {
    /** HTTP method to match, or * for any. */
    private String method = "*";
    /** Path glob below the simulator root, e.g. /lab/pks/v1/clusters/** ({@code *} = one segment, {@code **} = any). */
    private String path;
    /** Status to answer (e.g. 503, 429); 0 = answer normally (latency only). */
    private int status;
    /** Extra latency before answering. */
    private Duration latency = Duration.ZERO;
    /** How many matching calls are affected. */
    private int count = 1;

    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public int getStatus() { return status; }
    public void setStatus(int status) { this.status = status; }
    public Duration getLatency() { return latency; }
    public void setLatency(Duration latency) { this.latency = latency; }
    public int getCount() { return count; }
    public void setCount(int count) { this.count = count; }
  }

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public int getPort() { return port; }
  public void setPort(int port) { this.port = port; }
  public double getSpeed() { return speed; }
  public void setSpeed(double speed) { this.speed = speed; }
  public String getFoundation() { return foundation; }
  public void setFoundation(String foundation) { this.foundation = foundation; }
  public boolean isTestEndpointsEnabled() { return testEndpointsEnabled; }
  public void setTestEndpointsEnabled(boolean testEndpointsEnabled) { this.testEndpointsEnabled = testEndpointsEnabled; }
  public String getBindAddress() { return bindAddress; }
  public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
  public String getControlToken() { return controlToken; }
  public void setControlToken(String controlToken) { this.controlToken = controlToken; }
  public String getClientId() { return clientId; }
  public void setClientId(String clientId) { this.clientId = clientId; }
  public String getPksClientSecret() { return pksClientSecret; }
  public void setPksClientSecret(String pksClientSecret) { this.pksClientSecret = pksClientSecret; }
  public String getOpsmanClientSecret() { return opsmanClientSecret; }
  public void setOpsmanClientSecret(String opsmanClientSecret) { this.opsmanClientSecret = opsmanClientSecret; }
  public String getBoshClientSecret() { return boshClientSecret; }
  public void setBoshClientSecret(String boshClientSecret) { this.boshClientSecret = boshClientSecret; }
  public boolean isUaaUriEncodingCompatibilityMode() { return uaaUriEncodingCompatibilityMode; }
  public void setUaaUriEncodingCompatibilityMode(boolean value) { this.uaaUriEncodingCompatibilityMode = value; }
  public String getOpsmanUsername() { return opsmanUsername; }
  public void setOpsmanUsername(String opsmanUsername) { this.opsmanUsername = opsmanUsername; }
  public String getOpsmanPassword() { return opsmanPassword; }
  public void setOpsmanPassword(String opsmanPassword) { this.opsmanPassword = opsmanPassword; }
  public Duration getTokenValidity() { return tokenValidity; }
  public void setTokenValidity(Duration tokenValidity) { this.tokenValidity = tokenValidity; }
  public String getOpsmanVersion() { return opsmanVersion; }
  public void setOpsmanVersion(String opsmanVersion) { this.opsmanVersion = opsmanVersion; }
  public int getWorkerMaxInFlight() { return workerMaxInFlight; }
  public void setWorkerMaxInFlight(int workerMaxInFlight) { this.workerMaxInFlight = workerMaxInFlight; }
  public long getSeed() { return seed; }
  public void setSeed(long seed) { this.seed = seed; }
  public Duration getHistory() { return history; }
  public void setHistory(Duration history) { this.history = history; }
  public int getSyntheticClusters() { return syntheticClusters; }
  public void setSyntheticClusters(int syntheticClusters) {
    if (syntheticClusters < 0 || syntheticClusters > SyntheticClusters.MAX) {
      throw new IllegalArgumentException("pkso.simulator.synthetic-clusters must be 0.." + SyntheticClusters.MAX
          + ", got " + syntheticClusters);
    }
    this.syntheticClusters = syntheticClusters;
  }
  public Duration getSyntheticHistory() { return syntheticHistory; }
  public void setSyntheticHistory(Duration syntheticHistory) { this.syntheticHistory = syntheticHistory; }
  public Durations getDurations() { return durations; }
  public void setDurations(Durations durations) { this.durations = durations; }
  public List<HttpFaultSpec> getFaults() { return faults; }
  public void setFaults(List<HttpFaultSpec> faults) { this.faults = faults; }
}
