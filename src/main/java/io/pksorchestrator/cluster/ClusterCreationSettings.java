package io.pksorchestrator.cluster;

import io.pksorchestrator.operations.FoundationWait;
import io.pksorchestrator.platform.Foundations;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The configuration as the BPMN model reads it: timer durations as ISO-8601 strings (what Camunda timers accept),
 * the approval due date, and per-foundation poll intervals and deadlines converted from foundation time to wall
 * time. Uses the engine clock ({@link ClockUtil}) so process tests can move time.
 */
@Component("clusterCreationSettings")
public class ClusterCreationSettings {

  private final ClusterCreationProperties properties;
  private final Foundations foundations;

  public ClusterCreationSettings(ClusterCreationProperties properties, Foundations foundations) {
    this.properties = properties;
    this.foundations = foundations;
  }

  /** Timer duration of the approval escalation, e.g. {@code PT4H}. */
  public String getApprovalEscalation() {
    return properties.approvalEscalation().toString();
  }

  /** Timer duration of the approval expiry, e.g. {@code PT72H}. */
  public String getApprovalExpiry() {
    return properties.approvalExpiry().toString();
  }

  /** Due date of a new approval task: now plus the escalation time. */
  public Date approvalDueDate() {
    return plus(properties.approvalEscalation());
  }

  /** Wall-clock poll interval for the foundation, as an ISO-8601 duration. */
  public String pollInterval(String foundation) {
    return FoundationWait.pollWait(foundations, foundation, properties.pollInterval(), properties.minPollInterval());
  }

  /** Now plus the creation deadline (foundation time) in wall time. */
  public Date creationDeadline(String foundation) {
    return FoundationWait.deadlineDate(foundations, foundation, properties.creationDeadline());
  }

  /** Now plus the deletion deadline (foundation time) in wall time. */
  public Date deletionDeadline(String foundation) {
    return FoundationWait.deadlineDate(foundations, foundation, properties.deletionDeadline());
  }

  /** Now plus the registration timeout (foundation time) in wall time. */
  public Date registrationDeadline(String foundation) {
    return FoundationWait.deadlineDate(foundations, foundation, properties.registrationTimeout());
  }

  private static Date plus(Duration duration) {
    return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
  }
}
