package io.pksorchestrator.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * How the jobs of a process instance stand with their locks, for the operation view. A job is <em>stalled</em>
 * when it is locked and either its lock expiry is in the past (the node that took it did not finish within the
 * lock time and nobody has taken it since) or its lock owner is not answering ({@link EngineNodes}: no heartbeat
 * for three intervals). Another node runs a stalled job once its lock has expired.
 */
@Component
public class JobLocks {

  private final ManagementService management;
  private final EngineNodes nodes;
  private final Clock clock;

  public JobLocks(ManagementService management, EngineNodes nodes, Clock clock) {
    this.management = management;
    this.nodes = nodes;
    this.clock = clock;
  }

  /** Per execution id: what to add to "(waiting to run)" for its job; executions without a locked job are absent. */
  public Map<String, String> describe(String processInstanceId) {
    Map<String, String> byExecution = new HashMap<>();
    Instant now = clock.instant();
    for (Job job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
      if (!(job instanceof JobEntity entity) || entity.getLockOwner() == null
          || entity.getLockExpirationTime() == null) {
        continue;
      }
      Instant expiry = entity.getLockExpirationTime().toInstant();
      String owner = entity.getLockOwner();
      boolean expired = expiry.isBefore(now);
      boolean answering = nodes.isAnswering(owner);
      String text = expired || !answering
          ? "stalled: locked by node " + owner + ", which stopped answering; another node runs it once the lock"
              + (expired ? " expired at " + expiry + " (any moment now)" : " expires at " + expiry)
          : "running on node " + owner + " (locked until " + expiry + ")";
      byExecution.put(entity.getExecutionId(), text);
    }
    return byExecution;
  }
}
