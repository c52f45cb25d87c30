package io.pksorchestrator.engine.clusternode;

import static io.pksorchestrator.engine.clusternode.ClusterNodeModels.LOG_TABLE;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * TEST ONLY, child nodes of {@code ClusteredEngineIT}: writes the rows the test checks into
 * {@value ClusterNodeModels#LOG_TABLE}. A firing row and the end of an attempt are written in the job's own
 * transaction (they exist only if the engine committed the job); the start of an attempt is committed at once, so
 * that it stays visible when the node dies in the middle of the job.
 */
@Component
@ConditionalOnProperty(ClusterNodeModels.NODE_PROPERTY)
public class ClusterNodeLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final String node;

  public ClusterNodeLog(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      @Value("${" + ClusterNodeModels.NODE_PROPERTY + "}") String node) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.node = node;
  }

  /** Records a timer firing (due date of the job being executed) in the job's transaction. */
  public void firing(String processInstanceId) {
    requireJobTransaction();
    JobEntity job = currentJob();
    long now = System.currentTimeMillis();
    jdbc.update("insert into " + LOG_TABLE + " (kind, node, lock_owner, process_instance_id, due_at, started_at, "
            + "ended_at) values (?, ?, ?, ?, ?, ?, ?)", ClusterNodeModels.KIND_FIRING, node, job.getLockOwner(),
        processInstanceId, job.getDuedate().getTime(), now, now);
  }

  /** Records the start of an attempt, committed at once; returns its row id and the number of earlier attempts. */
  public long[] attemptStarted(String processInstanceId, String businessKey) {
    JobEntity job = currentJob();
    return newTransaction.execute(status -> {
      long earlier = jdbc.queryForObject("select count(*) from " + LOG_TABLE
          + " where kind = ? and process_instance_id = ?", Long.class, ClusterNodeModels.KIND_ATTEMPT,
          processInstanceId);
      Long id = jdbc.queryForObject("insert into " + LOG_TABLE + " (kind, node, lock_owner, process_instance_id, "
              + "business_key, started_at) values (?, ?, ?, ?, ?, ?) returning id", Long.class,
          ClusterNodeModels.KIND_ATTEMPT, node, job.getLockOwner(), processInstanceId, businessKey,
          System.currentTimeMillis());
      return new long[] {id, earlier};
    });
  }

  /** Marks the attempt ended, in the job's transaction. */
  public void attemptEnded(long rowId) {
    requireJobTransaction();
    jdbc.update("update " + LOG_TABLE + " set ended_at = ? where id = ?", System.currentTimeMillis(), rowId);
  }

  /** The rows must commit or roll back with the job: the engine's Spring transaction must be the one joined. */
  private static void requireJobTransaction() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("no Spring transaction around the job: the log row would not be atomic with it");
    }
  }

  private static JobEntity currentJob() {
    JobExecutorContext context = Context.getJobExecutorContext();
    if (context == null || context.getCurrentJob() == null) {
      throw new IllegalStateException("the clustered test models run only in the job executor");
    }
    return context.getCurrentJob();
  }
}
