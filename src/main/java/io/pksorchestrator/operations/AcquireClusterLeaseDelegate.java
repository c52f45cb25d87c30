package io.pksorchestrator.operations;

import static io.pksorchestrator.operations.ClusterLeaseModel.*;

import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_AcquireClusterLease: takes the leases of the clusters in {@code leaseClusters} for this operation. Sets
 * {@code leaseState}: {@code acquired}; {@code held} (another operation holds one: wait and try again, its name in
 * {@code leaseHolder}); or {@code timed-out} once {@code pkso.operations.lease-wait} (foundation time) has passed
 * since the first refusal. Idempotent: leases this operation already holds count as acquired.
 */
@Component("acquireClusterLeaseDelegate")
public class AcquireClusterLeaseDelegate implements JavaDelegate {

  /** Timer granularity below which waiting makes no sense. */
  private static final Duration MIN_POLL = Duration.ofSeconds(1);

  private final ClusterLeases leases;
  private final Foundations foundations;
  private final LeaseProperties settings;

  public AcquireClusterLeaseDelegate(ClusterLeases leases, Foundations foundations, LeaseProperties settings) {
    this.leases = leases;
    this.foundations = foundations;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution ex) {
    String foundation = (String) ex.getVariable(OperationVariables.FOUNDATION);
    List<String> clusters = clusters(ex.getVariable(LEASE_CLUSTERS));
    LeaseHolder holder = new LeaseHolder(ex.getProcessInstanceId(), (String) ex.getVariable(LEASE_OPERATION),
        ex.getProcessBusinessKey());
    LeaseAcquisition result = leases.acquire(foundation, clusters, holder);
    if (result.complete()) {
      ex.setVariable(LEASE_STATE, STATE_ACQUIRED);
      ex.removeVariable(LEASE_WAIT_DEADLINE);
      ex.removeVariable(LEASE_HOLDER_ID);
      ex.removeVariable(LEASE_HOLDER);
      ex.removeVariable(LEASE_BLOCKED_CLUSTER);
      return;
    }
    ClusterLease blocking = result.blockedBy().orElseThrow();
    ex.setVariable(LEASE_HOLDER_ID, blocking.holderId());
    ex.setVariable(LEASE_HOLDER, blocking.describeHolder());
    ex.setVariable(LEASE_BLOCKED_CLUSTER, blocking.key());
    Date now = ClockUtil.getCurrentTime();
    Date deadline = (Date) ex.getVariable(LEASE_WAIT_DEADLINE);
    if (deadline == null) {
      deadline = new Date(now.getTime() + foundations.toWallTime(foundation, settings.getLeaseWait()).toMillis());
      ex.setVariable(LEASE_WAIT_DEADLINE, deadline);
    }
    Duration poll = foundations.toWallTime(foundation, settings.getLeasePollInterval());
    ex.setVariable(LEASE_POLL_WAIT, (poll.compareTo(MIN_POLL) < 0 ? MIN_POLL : poll).toString());
    ex.setVariable(LEASE_STATE, now.after(deadline) ? STATE_TIMED_OUT : STATE_HELD);
  }

  static List<String> clusters(Object value) {
    List<String> names;
    if (value instanceof Collection<?> c) {
      names = c.stream().map(String::valueOf).map(String::trim).toList();
    } else if (value instanceof String s) {
      names = Arrays.stream(s.split(",")).map(String::trim).toList();
    } else {
      names = List.of();
    }
    names = names.stream().filter(n -> !n.isEmpty()).toList();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("Task_AcquireClusterLease needs the clusters to lease in '" + LEASE_CLUSTERS
          + "' (input parameter), got " + value);
    }
    return names;
  }
}
