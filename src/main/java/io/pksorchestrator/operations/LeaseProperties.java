package io.pksorchestrator.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Cluster leases ({@code pkso.operations.*}); durations are foundation time. */
@ConfigurationProperties("pkso.operations")
public class LeaseProperties {

  /** How long an operation waits for another operation's lease on its cluster before an operator decides. */
  private Duration leaseWait = Duration.ofHours(2);
  /** How often a waiting operation tries to acquire the lease again. */
  private Duration leasePollInterval = Duration.ofMinutes(1);

  public Duration getLeaseWait() { return leaseWait; }
  public void setLeaseWait(Duration leaseWait) { this.leaseWait = leaseWait; }
  public Duration getLeasePollInterval() { return leasePollInterval; }
  public void setLeasePollInterval(Duration leasePollInterval) { this.leasePollInterval = leasePollInterval; }
}
